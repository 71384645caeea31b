using System;
using System.IO;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>
/// Reads newline-delimited input one line at a time, as raw bytes, with memory bounded by the longest line accepted:
/// the stream is read through a fixed buffer, and a line is held only until the next one is read.
/// </summary>
/// <remarks>
/// Lines end with <c>\n</c>; a <c>\r</c> before it is dropped, a UTF-8 byte order mark opening the input is dropped, and
/// a last line without a line end is still a line.
/// A line longer than <see cref="MaximumLineBytes"/> is not kept (its bytes are skipped up to the next line end) and is
/// reported as too long, so a runaway line cannot exhaust memory. Bytes are not decoded here: the patient reader
/// decodes UTF-8 strictly and reports invalid bytes with their position. Not thread-safe.
/// </remarks>
public sealed class NdjsonLineReader
{
    /// <summary>The longest line kept, in bytes (4 MiB; a patient document is a few kilobytes).</summary>
    public const int MaximumLineBytes = 4 * 1024 * 1024;

    private readonly Stream stream;
    private readonly byte[] buffer = new byte[64 * 1024];
    private readonly MemoryStream line = new();
    private int position;
    private int length;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">The input; not closed by the reader.</param>
    public NdjsonLineReader(Stream stream)
    {
        this.stream = stream ?? throw new ArgumentNullException(nameof(stream));
    }

    /// <summary>Gets the number of the last line read, from 1.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line.</summary>
    /// <param name="content">The line's bytes, without its line end; valid until the next call.</param>
    /// <param name="tooLong">Whether the line was longer than <see cref="MaximumLineBytes"/> (then <paramref name="content"/> is empty).</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    public bool ReadLine(out ReadOnlyMemory<byte> content, out bool tooLong)
    {
        line.SetLength(0);
        tooLong = false;
        var consumedAny = false;
        while (true)
        {
            if (position == length)
            {
                length = stream.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length == 0)
                {
                    if (!consumedAny)
                    {
                        content = ReadOnlyMemory<byte>.Empty;
                        return false;
                    }

                    break;
                }
            }

            consumedAny = true;
            var available = buffer.AsSpan(position, length - position);
            var end = available.IndexOf((byte)'\n');
            var chunk = end < 0 ? available : available.Slice(0, end);
            if (!tooLong)
            {
                if (line.Length + chunk.Length > MaximumLineBytes)
                {
                    tooLong = true;
                    line.SetLength(0);
                }
                else
                {
                    line.Write(chunk);
                }
            }

            position += end < 0 ? available.Length : end + 1;
            if (end >= 0)
            {
                break;
            }
        }

        LineNumber++;
        var bytes = line.GetBuffer();
        var count = (int)line.Length;
        if (count > 0 && bytes[count - 1] == (byte)'\r')
        {
            count--;
        }

        // A byte order mark may open the file; it belongs to no line.
        var start = LineNumber == 1 && count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        content = new ReadOnlyMemory<byte>(bytes, start, count - start);
        return true;
    }

    /// <summary>Whether a line holds only white space (space, tab, carriage return) or nothing.</summary>
    /// <param name="content">The line.</param>
    /// <returns><see langword="true"/> for a blank line.</returns>
    public static bool IsBlank(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r')
            {
                return false;
            }
        }

        return true;
    }
}
