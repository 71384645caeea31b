using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// A list that nobody can change after it is made and that compares by value: two lists are equal when they hold
/// equal items in the same order. Every public <see cref="IReadOnlyList{T}"/> of this library is one of these (or a
/// <see cref="ReadOnlyCollection{T}"/>), never an array a caller could cast and write to.
/// </summary>
/// <remarks>
/// It copies what it is given, so a caller who keeps the source array or list cannot change it later. Items are
/// compared with <see cref="EqualityComparer{T}.Default"/>, so a record of records compares all the way down.
/// Immutable and thread-safe as long as its items are.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ReadOnlyValueList<T> : ReadOnlyCollection<T>, IReadOnlyList<T>, IEquatable<ReadOnlyValueList<T>>
{
    private ReadOnlyValueList(T[] items)
        : base(items)
    {
    }

    // The array the base class wraps (always one: every constructor call passes an array), read directly: the base class
    // reads it through IList<T>, two interface calls per item on every read of every finding, lesion and message list (the
    // interface is re-implemented below). No field of its own, so a list is no larger than before.
#if NET8_0_OR_GREATER
    private T[] Elements => System.Runtime.CompilerServices.Unsafe.As<T[]>(Items);
#else
    private T[] Elements => (T[])Items;
#endif

    /// <summary>Gets the number of items.</summary>
    public new int Count => Elements.Length;

    /// <summary>Gets the item at an index.</summary>
    /// <param name="index">The index, from 0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public new T this[int index] => Elements[index];

    /// <inheritdoc />
    int IReadOnlyCollection<T>.Count => Elements.Length;

    /// <inheritdoc />
    T IReadOnlyList<T>.this[int index] => Elements[index];

    /// <summary>Gets the empty list.</summary>
    public static ReadOnlyValueList<T> None { get; } = new(Array.Empty<T>());

    /// <summary>Copies items into a new list.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list; <see cref="None"/> when there are none.</returns>
    public static ReadOnlyValueList<T> CopyOf(IEnumerable<T> items)
    {
        if (items is ReadOnlyValueList<T> already)
        {
            return already;
        }

        if (items is T[] source)
        {
            // The commonest argument after a list: one exact copy without the interface path of ToArray.
            if (source.Length == 0)
            {
                return None;
            }

            var copy = new T[source.Length];
            Array.Copy(source, copy, source.Length);
            return new ReadOnlyValueList<T>(copy);
        }

        if (items is List<T> list)
        {
            return CopyOf(list);
        }

        var array = items.ToArray();
        return array.Length == 0 ? None : new ReadOnlyValueList<T>(array);
    }

    /// <summary>
    /// Wraps an array the caller has just made and hands over: no copy. The caller must never write to it afterwards.
    /// </summary>
    /// <param name="owned">The items.</param>
    /// <returns>The list; <see cref="None"/> when there are none.</returns>
    internal static ReadOnlyValueList<T> Wrap(T[] owned) => owned.Length == 0 ? None : new ReadOnlyValueList<T>(owned);

    /// <summary>Copies a list into a new list (one exact array, no enumerator).</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list; <see cref="None"/> when there are none.</returns>
    internal static ReadOnlyValueList<T> CopyOf(List<T> items) => items.Count == 0 ? None : new ReadOnlyValueList<T>(items.ToArray());

    /// <inheritdoc />
    public bool Equals(ReadOnlyValueList<T>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var items = Elements;
        var theirs = other.Elements;
        if (items.Length != theirs.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < items.Length; i++)
        {
            if (!comparer.Equals(items[i], theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReadOnlyValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-sensitive and stable within a process; the first 16 items are enough to spread the hash.
        var comparer = EqualityComparer<T>.Default;
        var items = Elements;
        var hash = items.Length;
        for (var i = 0; i < items.Length && i < 16; i++)
        {
            var item = items[i];
            hash = unchecked((hash * 31) + (item is null ? 0 : comparer.GetHashCode(item)));
        }

        return hash;
    }
}

/// <summary>Makes <see cref="ReadOnlyValueList{T}"/>s.</summary>
internal static class ReadOnlyValueList
{
    /// <summary>Copies a sequence into a read-only list that compares by value.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static IReadOnlyList<T> ToReadOnlyList<T>(this IEnumerable<T> items) => ReadOnlyValueList<T>.CopyOf(items);

    /// <summary>
    /// Copies a list given to an <c>init</c> accessor, keeping <see langword="null"/> so that
    /// <see cref="PatientValidator"/> can name the field that was set to it.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, or <see langword="null"/>.</param>
    /// <returns>The copy, or <see langword="null"/>.</returns>
    public static IReadOnlyList<T> CopyOrNull<T>(IReadOnlyList<T>? items) =>
        items is null ? null! : ReadOnlyValueList<T>.CopyOf(items);
}
