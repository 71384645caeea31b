using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Sarcoma.Consensus.Wording;

/// <summary>
/// A piece of wording as data: a message code from the catalogue (for example <c>timing.metachronous</c>) and the
/// arguments its template needs. Evaluators record messages; renderers turn them into words in one language through a
/// <see cref="MessageCatalog"/>, so the decision and its wording live apart.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality.</remarks>
public sealed record Message
{
    /// <summary>Creates a message.</summary>
    /// <param name="code">The message code, a key of the catalogue.</param>
    /// <param name="arguments">The arguments; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    public Message(string code, MessageArguments? arguments = null)
    {
        if (string.IsNullOrEmpty(code))
        {
            throw new ArgumentException("A message needs a code.", nameof(code));
        }

        Code = code;
        Arguments = arguments ?? MessageArguments.Empty;
    }

    /// <summary>Gets the message code.</summary>
    public string Code { get; }

    /// <summary>Gets the arguments.</summary>
    public MessageArguments Arguments { get; }

    /// <summary>Gets the message rendered in English, the reference wording.</summary>
    public string Text => MessageCatalog.English.Render(this);

    /// <summary>Creates a message from a code and name/value pairs.</summary>
    /// <param name="code">The code.</param>
    /// <param name="arguments">The arguments as (name, value) pairs; see <see cref="MessageArguments"/> for the value types.</param>
    /// <returns>The message.</returns>
    public static Message Of(string code, params (string Name, object? Value)[] arguments) => new(code, MessageArguments.Of(arguments));

    /// <summary>Creates a message from a code and 1 typed argument: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1>(string code, (string Name, T1 Value) a1) => new(code, MessageArguments.Of(a1));

    /// <summary>Creates a message from a code and 2 typed arguments: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1, T2>(string code, (string Name, T1 Value) a1, (string Name, T2 Value) a2) => new(code, MessageArguments.Of(a1, a2));

    /// <summary>Creates a message from a code and 3 typed arguments: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1, T2, T3>(string code, (string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3) => new(code, MessageArguments.Of(a1, a2, a3));

    /// <summary>Creates a message from a code and 4 typed arguments: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1, T2, T3, T4>(string code, (string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4) => new(code, MessageArguments.Of(a1, a2, a3, a4));

    /// <summary>Creates a message from a code and 5 typed arguments: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1, T2, T3, T4, T5>(string code, (string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4, (string Name, T5 Value) a5) => new(code, MessageArguments.Of(a1, a2, a3, a4, a5));

    /// <summary>Creates a message from a code and 6 typed arguments: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1, T2, T3, T4, T5, T6>(string code, (string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4, (string Name, T5 Value) a5, (string Name, T6 Value) a6) => new(code, MessageArguments.Of(a1, a2, a3, a4, a5, a6));

    /// <summary>Creates a message from a code and 7 typed arguments: as <see cref="Of(string, ValueTuple{string, object}[])"/>, without the argument array and boxing small numbers and booleans once per process.</summary>
    internal static Message Of<T1, T2, T3, T4, T5, T6, T7>(string code, (string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4, (string Name, T5 Value) a5, (string Name, T6 Value) a6, (string Name, T7 Value) a7) => new(code, MessageArguments.Of(a1, a2, a3, a4, a5, a6, a7));

    /// <summary>The code of <see cref="Literal"/> messages.</summary>
    internal const string LiteralCode = "literal";

    /// <summary>Gets whether this message carries text already worded (<see cref="Literal"/>) rather than a catalogue code.</summary>
    public bool IsLiteral => Code == LiteralCode;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// Wraps text that is already worded (English) as a message, for callers that build findings from strings. The
    /// library's own evaluators never produce one (a test checks every sample), since it cannot be translated.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    internal static Message Literal(string text) => new(LiteralCode, MessageArguments.Of(("text", text)));
}

/// <summary>
/// The named arguments of a <see cref="Message"/>, in order. A value is one of: <see cref="string"/> (a code or a
/// number already formatted), <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/>, <see cref="LocalDate"/>,
/// a nested <see cref="Message"/>, or a list of strings or of messages.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality (lists compared item by item).</remarks>
public sealed class MessageArguments : IReadOnlyList<KeyValuePair<string, object>>, IEquatable<MessageArguments>
{
    private readonly KeyValuePair<string, object>[] items;

    private MessageArguments(KeyValuePair<string, object>[] items)
    {
        this.items = items;
    }

    /// <summary>Gets the empty argument list.</summary>
    public static MessageArguments Empty { get; } = new(Array.Empty<KeyValuePair<string, object>>());

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public KeyValuePair<string, object> this[int index] => items[index];

    /// <summary>Creates an argument list; <see langword="null"/> values are left out (the template's <c>other</c> branch or an empty text).</summary>
    /// <param name="arguments">The (name, value) pairs.</param>
    /// <returns>The arguments.</returns>
    /// <exception cref="ArgumentException">A value is not of a supported type, or a name repeats.</exception>
    public static MessageArguments Of(params (string Name, object? Value)[] arguments)
    {
        if (arguments is null || arguments.Length == 0)
        {
            return Empty;
        }

        // One pass to count, one to fill: a single exact array, no intermediate list or closures (hot path of every evaluation).
        var count = 0;
        foreach (var argument in arguments)
        {
            if (argument.Value is not null)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return Empty;
        }

        var items = new KeyValuePair<string, object>[count];
        var filled = 0;
        foreach (var (name, value) in arguments)
        {
            if (value is null)
            {
                continue;
            }

            for (var i = 0; i < filled; i++)
            {
                if (items[i].Key == name)
                {
                    throw new ArgumentException($"The message argument '{name}' is given twice.", nameof(arguments));
                }
            }

            items[filled++] = new KeyValuePair<string, object>(name, Normalise(value, name));
        }

        return new MessageArguments(items);
    }

    /// <summary>Creates an argument list from 1 typed pair (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1>((string Name, T1 Value) a1)
    {
        var builder = new Builder(1);
        builder.Add(a1.Name, a1.Value);
        return builder.Build();
    }

    /// <summary>Creates an argument list from 2 typed pairs (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1, T2>((string Name, T1 Value) a1, (string Name, T2 Value) a2)
    {
        var builder = new Builder(2);
        builder.Add(a1.Name, a1.Value);
        builder.Add(a2.Name, a2.Value);
        return builder.Build();
    }

    /// <summary>Creates an argument list from 3 typed pairs (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1, T2, T3>((string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3)
    {
        var builder = new Builder(3);
        builder.Add(a1.Name, a1.Value);
        builder.Add(a2.Name, a2.Value);
        builder.Add(a3.Name, a3.Value);
        return builder.Build();
    }

    /// <summary>Creates an argument list from 4 typed pairs (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1, T2, T3, T4>((string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4)
    {
        var builder = new Builder(4);
        builder.Add(a1.Name, a1.Value);
        builder.Add(a2.Name, a2.Value);
        builder.Add(a3.Name, a3.Value);
        builder.Add(a4.Name, a4.Value);
        return builder.Build();
    }

    /// <summary>Creates an argument list from 5 typed pairs (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1, T2, T3, T4, T5>((string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4, (string Name, T5 Value) a5)
    {
        var builder = new Builder(5);
        builder.Add(a1.Name, a1.Value);
        builder.Add(a2.Name, a2.Value);
        builder.Add(a3.Name, a3.Value);
        builder.Add(a4.Name, a4.Value);
        builder.Add(a5.Name, a5.Value);
        return builder.Build();
    }

    /// <summary>Creates an argument list from 6 typed pairs (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1, T2, T3, T4, T5, T6>((string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4, (string Name, T5 Value) a5, (string Name, T6 Value) a6)
    {
        var builder = new Builder(6);
        builder.Add(a1.Name, a1.Value);
        builder.Add(a2.Name, a2.Value);
        builder.Add(a3.Name, a3.Value);
        builder.Add(a4.Name, a4.Value);
        builder.Add(a5.Name, a5.Value);
        builder.Add(a6.Name, a6.Value);
        return builder.Build();
    }

    /// <summary>Creates an argument list from 7 typed pairs (the library's own call sites; same rules as <see cref="Of(ValueTuple{string, object}[])"/>).</summary>
    internal static MessageArguments Of<T1, T2, T3, T4, T5, T6, T7>((string Name, T1 Value) a1, (string Name, T2 Value) a2, (string Name, T3 Value) a3, (string Name, T4 Value) a4, (string Name, T5 Value) a5, (string Name, T6 Value) a6, (string Name, T7 Value) a7)
    {
        var builder = new Builder(7);
        builder.Add(a1.Name, a1.Value);
        builder.Add(a2.Name, a2.Value);
        builder.Add(a3.Name, a3.Value);
        builder.Add(a4.Name, a4.Value);
        builder.Add(a5.Name, a5.Value);
        builder.Add(a6.Name, a6.Value);
        builder.Add(a7.Name, a7.Value);
        return builder.Build();
    }

    /// <summary>Gets an argument's value, or <see langword="null"/> when absent.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public object? Get(string name)
    {
        foreach (var item in items)
        {
            if (item.Key == name)
            {
                return item.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(MessageArguments? other)
    {
        if (other is null || other.items.Length != items.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Key != other.items[i].Key || !ValueEquals(items[i].Value, other.items[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MessageArguments);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in items)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(item.Key);
            hash = (hash * 31) + (item.Value is IEnumerable enumerable and not string
                ? enumerable.Cast<object>().Aggregate(0, (h, o) => (h * 31) + o.GetHashCode())
                : item.Value.GetHashCode());
        }

        return hash;
    }

    private static bool ValueEquals(object a, object b) =>
        a is IReadOnlyList<string> la && b is IReadOnlyList<string> lb ? la.SequenceEqual(lb, StringComparer.Ordinal)
        : a is IReadOnlyList<Message> ma && b is IReadOnlyList<Message> mb ? ma.SequenceEqual(mb)
        : a.Equals(b);

    // Boxes shared by every message (immutable): whole numbers 0–255 and the two booleans.
    private static readonly object[] SmallIntegers = CreateSmallIntegers();
    private static readonly object True = true;
    private static readonly object False = false;

    private static object[] CreateSmallIntegers()
    {
        var boxes = new object[256];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i;
        }

        return boxes;
    }

    // Typed values: ints and bools without a new box (the JIT removes the casts for value types), others as before.
    private static object Normalise<T>(T value, string name)
    {
        if (typeof(T) == typeof(int))
        {
            var number = (int)(object)value!;
            return number >= 0 && number < SmallIntegers.Length ? SmallIntegers[number] : number;
        }

        if (typeof(T) == typeof(bool))
        {
            return (bool)(object)value! ? True : False;
        }

        // Kept as they are (decimal and LocalDate boxed once): decided per value type when the JIT compiles the method,
        // so they skip the type tests below. Strings and nested messages, the commonest arguments, are tested first.
        if (typeof(T) == typeof(decimal) || typeof(T) == typeof(LocalDate))
        {
            return value!;
        }

        return value is string or Message ? value : Normalise((object)value!, name);
    }

    // Fills one exact array: null values are left out, a repeated name throws.
    private struct Builder
    {
        private readonly KeyValuePair<string, object>[] items;
        private int count;

        public Builder(int capacity)
        {
            items = new KeyValuePair<string, object>[capacity];
            count = 0;
        }

        public void Add<T>(string name, T value)
        {
            if (value is null)
            {
                return;
            }

            for (var i = 0; i < count; i++)
            {
                if (items[i].Key == name)
                {
                    throw new ArgumentException($"The message argument '{name}' is given twice.", "arguments");
                }
            }

            items[count++] = new KeyValuePair<string, object>(name, Normalise(value, name));
        }

        public MessageArguments Build()
        {
            if (count == 0)
            {
                return Empty;
            }

            if (count == items.Length)
            {
                return new MessageArguments(items);
            }

            var exact = new KeyValuePair<string, object>[count];
            Array.Copy(items, exact, count);
            return new MessageArguments(exact);
        }
    }

    // A list is copied into a list nobody can change, unless it already is one (a ReadOnlyValueList owns its items).
    private static object Normalise(object value, string name) => value switch
    {
        string or Message or int or decimal or bool or LocalDate => value,
        long l => (decimal)l,
        double d => (decimal)d,
        Model.ReadOnlyValueList<Message> or Model.ReadOnlyValueList<string> => value,
        IEnumerable<Message> messages => Model.ReadOnlyValueList<Message>.CopyOf(messages),
        IEnumerable<string> strings => Model.ReadOnlyValueList<string>.CopyOf(strings),
        _ => throw new ArgumentException($"The message argument '{name}' has an unsupported type ({value.GetType().Name}).", nameof(value)),
    };
}
