using System;
using System.Buffers;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// A growable byte buffer for <see cref="System.Text.Json.Utf8JsonWriter"/>, kept and reused by one thread: cleared
/// between documents, its array kept unless it grew beyond <see cref="RetainedBytes"/> (then returned to the shared pool).
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    /// <summary>The largest buffer kept between documents (larger ones are given back when cleared).</summary>
    public const int RetainedBytes = 1024 * 1024;

    private byte[] buffer = Array.Empty<byte>();
    private int written;

    /// <summary>Gets the bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    /// <summary>Gets the bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, written);

    /// <summary>Forgets what was written; keeps the array unless it is larger than <see cref="RetainedBytes"/>.</summary>
    public void Clear()
    {
        written = 0;
        if (buffer.Length > RetainedBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
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

        var size = Math.Max(Math.Max(buffer.Length * 2, written + needed), 4096);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, written).CopyTo(larger);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = larger;
    }
}
