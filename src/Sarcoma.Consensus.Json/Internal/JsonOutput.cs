using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>Writes documents deterministically: fixed property order, UTF-8, <c>\n</c> line ends, relaxed escaping.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// The writer options. Escaping is relaxed (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>) so that the
    /// guideline's wording (≤, –, ≥) reads as written; HTML-sensitive characters are not escaped either, so HTML-encode
    /// the text before embedding it in a page.
    /// </summary>
    public static JsonWriterOptions Options(JsonLayout layout) => new()
    {
        Indented = layout == JsonLayout.Indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>
    /// Writes a document to UTF-8 bytes. The buffer and the writer are reused per thread (batches write many reports),
    /// so the only allocation is the returned array.
    /// </summary>
    public static byte[] ToUtf8Bytes(JsonLayout layout, Action<Utf8JsonWriter> write)
    {
        var cache = ThreadCache ??= new WriterCache();
        if (cache.InUse)
        {
            // Only when a write nests another (not done by this package): a fresh buffer.
            var buffer = new PooledBufferWriter();
            using (var writer = new Utf8JsonWriter(buffer, Options(layout)))
            {
                write(writer);
            }

            return NormalizeLineEnds(buffer.WrittenSpan.ToArray());
        }

        cache.InUse = true;
        try
        {
            var writer = cache.Writer(layout);
            write(writer);
            writer.Flush();
            var bytes = cache.Buffer.WrittenSpan.ToArray();
            return NormalizeLineEnds(bytes);
        }
        finally
        {
            cache.Release();
        }
    }

    /// <summary>
    /// Writes a document to a buffer writer, with the thread's reused writer (no allocation): the bytes
    /// <see cref="ToUtf8Bytes"/> returns, appended to <paramref name="output"/>.
    /// </summary>
    public static void ToBufferWriter(IBufferWriter<byte> output, JsonLayout layout, Action<Utf8JsonWriter> write)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        var cache = ThreadCache ??= new WriterCache();
        if (cache.InUse || (layout == JsonLayout.Indented && Environment.NewLine != "\n"))
        {
            // Nested in another write, or line ends to normalise: through a byte array.
            var bytes = ToUtf8Bytes(layout, write);
            bytes.AsSpan().CopyTo(output.GetSpan(bytes.Length));
            output.Advance(bytes.Length);
            return;
        }

        cache.InUse = true;
        Utf8JsonWriter? writer = null;
        try
        {
            writer = cache.Writer(layout, output);
            write(writer);
            writer.Flush();
        }
        finally
        {
            // The writer forgets the caller's buffer, so the thread's cache holds no reference to it.
            writer?.Reset(cache.Buffer);
            cache.Release();
        }
    }

    /// <summary>Writes a document to a string.</summary>
    public static string ToText(JsonLayout layout, Action<Utf8JsonWriter> write) =>
        Encoding.UTF8.GetString(ToUtf8Bytes(layout, write));

    /// <summary>Writes a document to a stream.</summary>
    public static void ToStream(Stream stream, JsonLayout layout, Action<Utf8JsonWriter> write)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (layout == JsonLayout.SingleLine || Environment.NewLine == "\n")
        {
            // Nothing to normalise: write straight to the stream, without buffering the whole document.
            using var writer = new Utf8JsonWriter(stream, Options(layout));
            write(writer);
            return;
        }

        var bytes = ToUtf8Bytes(layout, write);
        stream.Write(bytes, 0, bytes.Length);
    }

    [ThreadStatic]
    private static WriterCache? ThreadCache;

    /// <summary>Writes bytes to a stream asynchronously.</summary>
    public static Task WriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken) =>
        stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);

    // System.Text.Json 8 indents with Environment.NewLine. JSON strings never hold a raw line break (the writer
    // escapes it), so every CR LF in the output is indentation and can be replaced without touching a value.
    private static byte[] NormalizeLineEnds(byte[] bytes)
    {
        if (Environment.NewLine == "\n" || Array.IndexOf(bytes, (byte)'\r') < 0)
        {
            return bytes;
        }

        var result = new byte[bytes.Length];
        var length = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
            {
                continue;
            }

            result[length++] = bytes[i];
        }

        Array.Resize(ref result, length);
        return result;
    }

    // One thread's reusable buffer and writers (one per white-space layout).
    private sealed class WriterCache
    {
        private Utf8JsonWriter? indented;
        private Utf8JsonWriter? singleLine;

        public PooledBufferWriter Buffer { get; } = new();

        public bool InUse { get; set; }

        public Utf8JsonWriter Writer(JsonLayout layout) => Writer(layout, Buffer);

        public Utf8JsonWriter Writer(JsonLayout layout, IBufferWriter<byte> output)
        {
            ref var writer = ref layout == JsonLayout.Indented ? ref indented : ref singleLine;
            if (writer is null)
            {
                writer = new Utf8JsonWriter(output, Options(layout));
            }
            else
            {
                writer.Reset(output);
            }

            return writer;
        }

        public void Release()
        {
            Buffer.Clear();
            InUse = false;
        }
    }
}
