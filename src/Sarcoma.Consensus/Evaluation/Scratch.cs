using System;
using System.Collections.Generic;
using System.Threading;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// Working lists for the derived concepts, reused per thread: a concept collects its findings and missing facts in one,
/// keeps an exact copy, and gives the list back. A list not given back (an exception) is simply not reused; one rented
/// while another is out is a different list, so nested computations never share one.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal static class ScratchList<T>
{
    // A few lists per thread: a concept rarely needs more than two of one type at once; more are made and dropped.
    private const int Kept = 4;

    [ThreadStatic]
    private static List<T>?[]? spares;

    /// <summary>Gets an empty list: a spare one of this thread when there is one, else a new one.</summary>
    /// <returns>The list, empty; give it back with <see cref="Return"/> once nothing reads it.</returns>
    public static List<T> Rent()
    {
        var kept = spares;
        if (kept is not null)
        {
            for (var i = 0; i < kept.Length; i++)
            {
                if (kept[i] is { } list)
                {
                    kept[i] = null;
                    return list;
                }
            }
        }

        return new List<T>(8);
    }

    /// <summary>Gives a list back, cleared, for the next computation on this thread.</summary>
    /// <param name="list">The list; never read again by the caller.</param>
    public static void Return(List<T> list)
    {
        if (list.Capacity > 64)
        {
            return;
        }

        list.Clear();
        var kept = spares ??= new List<T>?[Kept];
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] is null)
            {
                kept[i] = list;
                return;
            }
        }
    }
}

/// <summary>
/// Values without any patient data made once per process on first use and shared (findings and messages are immutable):
/// a table indexed by a small key the caller computes from a few states (a count, a flag, a set of sites).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class MemoTable<T>
    where T : class
{
    private readonly T?[] values;
    private readonly Func<int, T> create;

    /// <summary>Creates a table.</summary>
    /// <param name="size">The number of keys, 0 to <paramref name="size"/> − 1.</param>
    /// <param name="create">Makes the value of a key; must depend on the key only.</param>
    public MemoTable(int size, Func<int, T> create)
    {
        values = new T?[size];
        this.create = create;
    }

    /// <summary>Gets the number of keys.</summary>
    public int Size => values.Length;

    /// <summary>Gets the value of a key, made on first use (two threads may both make it: the values are equal).</summary>
    /// <param name="key">The key, 0 to <see cref="Size"/> − 1.</param>
    /// <returns>The value.</returns>
    public T this[int key]
    {
        get
        {
            var value = Volatile.Read(ref values[key]);
            if (value is null)
            {
                value = create(key);
                Volatile.Write(ref values[key], value);
            }

            return value;
        }
    }
}
