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

        var list = new List<KeyValuePair<string, object>>(arguments.Length);
        foreach (var (name, value) in arguments)
        {
            if (value is null)
            {
                continue;
            }

            if (list.Exists(p => p.Key == name))
            {
                throw new ArgumentException($"The message argument '{name}' is given twice.", nameof(arguments));
            }

            list.Add(new KeyValuePair<string, object>(name, Normalise(value, name)));
        }

        return list.Count == 0 ? Empty : new MessageArguments(list.ToArray());
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

    private static object Normalise(object value, string name) => value switch
    {
        string or int or decimal or bool or LocalDate or Message => value,
        long l => (decimal)l,
        double d => (decimal)d,
        IEnumerable<Message> messages => Array.AsReadOnly(messages.ToArray()),
        IEnumerable<string> strings => Array.AsReadOnly(strings.ToArray()),
        _ => throw new ArgumentException($"The message argument '{name}' has an unsupported type ({value.GetType().Name}).", nameof(value)),
    };
}
