using System;
using System.Buffers;

namespace Sarcoma.Consensus.Cli.Output;

/// <summary>
/// A growable byte buffer that one batch line's report is written to and that is reused for later lines: cleared after
/// the line is written, its array kept unless it grew beyond <see cref="RetainedBytes"/>. Not thread-safe (one writer,
/// then one reader, handed over by the batch).
/// </summary>
internal sealed class ReportBuffer : IBufferWriter<byte>
{
    /// <summary>The largest array kept between lines (a compact report is a few kilobytes, a full one about 100 KB).</summary>
    public const int RetainedBytes = 256 * 1024;

    private byte[] buffer = Array.Empty<byte>();
    private int written;

    /// <summary>Gets the bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    /// <summary>Forgets what was written; keeps the array unless it is larger than <see cref="RetainedBytes"/>.</summary>
    public void Clear()
    {
        written = 0;
        if (buffer.Length > RetainedBytes)
        {
            buffer = Array.Empty<byte>();
        }
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        if (count < 0 || written + count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (buffer.Length - written >= needed)
        {
            return;
        }

        var larger = new byte[Math.Max(Math.Max(buffer.Length * 2, written + needed), 16 * 1024)];
        buffer.AsSpan(0, written).CopyTo(larger);
        buffer = larger;
    }
}
