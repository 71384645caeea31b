using System;
using System.Collections.Generic;
using System.IO;
using System.Globalization;
using System.Text.Json;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// What a message code always comes with. For a finding's code: the fact it speaks of, and where the evaluators record them with it,
/// its value (a fixed word, or <c>{name}</c>: the text of the message's argument <c>name</c>), comparison, threshold and
/// source (a recommendation id or a section). These are properties of the code,
/// not of the patient, so the compact layout leaves them out when a finding carries exactly these values and writes
/// only what differs. For any message code: the arguments that every message with the code has with the same value
/// (a guideline constant such as the five-lesion ceiling of 1.1, or a fixed list), which the compact layout leaves out
/// too (<c>Catalogue/finding-defaults.json</c>, embedded; published by <see cref="ReportJson.CompactCatalog(string)"/>
/// and <c>sarcoma-consensus catalog --messages</c>).
/// </summary>
/// <remarks>
/// The table is generated from the evaluators' findings over the bundled samples and the test vignettes
/// (<c>FindingDefaultsTests</c>, <c>SARCOMA_UPDATE_DOCS=1</c> regenerates it): a property is a default only when every
/// finding with the code had the same one. Leaving a property out is decided per finding by comparing with the table, so a
/// stale or incomplete table makes a report larger, never wrong. Immutable and thread-safe.
/// </remarks>
internal static class FindingDefaults
{
    /// <summary>The embedded resource name of the table.</summary>
    public const string ResourceName = "Sarcoma.Consensus.Json.Catalogue.finding-defaults.json";

    private static readonly Lazy<Table> Loaded = new(Load);

    /// <summary>Gets the raw JSON text of the table, as embedded.</summary>
    public static string Text => Loaded.Value.Text;

    /// <summary>Gets the defaults of a message code, or <see langword="null"/> when the table has none.</summary>
    public static Entry? For(string code) => Loaded.Value.Entries.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>Gets every code with defaults.</summary>
    public static IReadOnlyDictionary<string, Entry> All => Loaded.Value.Entries;

    /// <summary>Gets the argument defaults of a message code (name and value, in the table's order), or <see langword="null"/> when it has none.</summary>
    public static ArgumentDefault[]? ArgumentsFor(string code) => Loaded.Value.Arguments.TryGetValue(code, out var list) ? list : null;

    /// <summary>Gets every code with argument defaults.</summary>
    public static IReadOnlyDictionary<string, ArgumentDefault[]> AllArguments => Loaded.Value.Arguments;

    private static Table Load()
    {
        using var stream = typeof(FindingDefaults).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The finding defaults are not embedded in the package.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(text))
        {
            foreach (var property in document.RootElement.GetProperty("findings").EnumerateObject())
            {
                entries.Add(property.Name, new Entry(
                    Read(property.Value, "fact"),
                    Read(property.Value, "value"),
                    Read(property.Value, "comparison"),
                    Read(property.Value, "threshold"),
                    Read(property.Value, "source")));
            }
        }

        var arguments = new Dictionary<string, ArgumentDefault[]>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(text))
        {
            if (document.RootElement.TryGetProperty("arguments", out var table))
            {
                foreach (var property in table.EnumerateObject())
                {
                    var list = new List<ArgumentDefault>();
                    foreach (var argument in property.Value.EnumerateObject())
                    {
                        list.Add(new ArgumentDefault(argument.Name, argument.Value.Clone()));
                    }

                    arguments.Add(property.Name, list.ToArray());
                }
            }
        }

        return new Table(text, entries, arguments);
    }

    private static Default Read(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? new Default(true, value.ValueKind == JsonValueKind.Null ? null : value.GetString()) : default;

    /// <summary>A default: whether the table gives one, and its value (<see langword="null"/>: the code comes with none).</summary>
    internal readonly struct Default
    {
        public Default(bool isSet, string? value)
        {
            IsSet = isSet;
            Value = value;
            ArgumentName = value is { Length: > 2 } && value[0] == '{' && value[value.Length - 1] == '}' ? value.Substring(1, value.Length - 2) : null;
        }

        public bool IsSet { get; }

        public string? Value { get; }

        /// <summary>Gets <c>name</c> when the value is <c>{name}</c> (the text of the message's argument <c>name</c>), else <see langword="null"/>.</summary>
        public string? ArgumentName { get; }

        /// <summary>Whether a finding's property is the default and may be left out.</summary>
        public bool Covers(string? actual) => IsSet && string.Equals(actual, Value, StringComparison.Ordinal);

        /// <summary>
        /// Whether a finding's value is the default and may be left out: the default is either the value itself or
        /// <c>{name}</c>, the text of the message's argument <c>name</c> (text as is, numbers invariant, yes/no for booleans).
        /// </summary>
        public bool CoversValue(string actual, Message message)
        {
            if (!IsSet || Value is null)
            {
                return false;
            }

            if (ArgumentName is { } name)
            {
                var argument = message.Arguments.Get(name);
                return argument is not null && ArgumentText(argument) is { } text && string.Equals(actual, text, StringComparison.Ordinal);
            }

            return string.Equals(actual, Value, StringComparison.Ordinal);
        }
    }

    /// <summary>The text of an argument as a finding's value would have it, or <see langword="null"/> for a message or a list.</summary>
    public static string? ArgumentText(object argument) => argument switch
    {
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        _ => null,
    };

    /// <summary>The defaults of one message code.</summary>
    internal sealed class Entry
    {
        public Entry(Default fact, Default value, Default comparison, Default threshold, Default source)
        {
            Fact = fact;
            Value = value;
            Comparison = comparison;
            Threshold = threshold;
            Source = source;
        }

        public Default Fact { get; }

        public Default Value { get; }

        public Default Comparison { get; }

        public Default Threshold { get; }

        public Default Source { get; }
    }

    /// <summary>
    /// An argument that every message with the code carries with the same value: a number, yes/no, a text or a list of
    /// texts (never a date or a nested message).
    /// </summary>
    internal sealed class ArgumentDefault
    {
        // The value read once (JsonElement.GetString and GetRawText allocate a new string on every call): its text, its
        // raw JSON text for a number, its items for a list of texts.
        private readonly string? text;
        private readonly string? raw;
        private readonly string[]? texts;

        public ArgumentDefault(string name, JsonElement value)
        {
            Name = name;
            Value = value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    text = value.GetString();
                    break;
                case JsonValueKind.Number:
                    raw = value.GetRawText();
                    break;
                case JsonValueKind.Array:
                    var items = new List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            items = null;
                            break;
                        }

                        items.Add(item.GetString()!);
                    }

                    texts = items?.ToArray();
                    break;
            }
        }

        /// <summary>Gets the argument's name.</summary>
        public string Name { get; }

        /// <summary>Gets the value as the compact layout would write it.</summary>
        public JsonElement Value { get; }

        /// <summary>Whether an argument's value is this default, written exactly so (numbers compared as invariant text).</summary>
        public bool Matches(object value)
        {
            switch (value)
            {
                case string actual:
                    return text is not null && string.Equals(text, actual, StringComparison.Ordinal);
                case int number:
                    return raw is not null && RawEquals(number);
                case decimal number:
                    return raw is not null && string.Equals(raw, number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                case bool flag:
                    return Value.ValueKind == (flag ? JsonValueKind.True : JsonValueKind.False);
                case IReadOnlyList<string> list:
                    if (texts is null || texts.Length != list.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < texts.Length; i++)
                    {
                        if (!string.Equals(texts[i], list[i], StringComparison.Ordinal))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        // Whether the raw text is exactly the invariant text of the number (as number.ToString would write it), digit
        // by digit without formatting it.
        private bool RawEquals(int number)
        {
            var s = raw!;
            var position = s.Length;
            var remaining = (long)number;
            var negative = remaining < 0;
            if (negative)
            {
                remaining = -remaining;
            }

            do
            {
                if (position == 0 || s[--position] != (char)('0' + (int)(remaining % 10)))
                {
                    return false;
                }

                remaining /= 10;
            }
            while (remaining != 0);

            return negative ? position == 1 && s[0] == '-' : position == 0;
        }
    }

    private sealed class Table
    {
        public Table(string text, Dictionary<string, Entry> entries, Dictionary<string, ArgumentDefault[]> arguments)
        {
            Text = text;
            Entries = entries;
            Arguments = arguments;
        }

        public string Text { get; }

        public Dictionary<string, Entry> Entries { get; }

        public Dictionary<string, ArgumentDefault[]> Arguments { get; }
    }
}
