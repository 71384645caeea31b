using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// The path of a value in the document, built only when an error names it: the owning object's path, then a property
/// name, then an array index (or a fixed path, for the document itself). Most documents have no error, so reading one
/// builds no path at all; the text, when built, is exactly what <see cref="JsonPath"/> gives.
/// </summary>
internal readonly struct ValuePath
{
    private readonly ObjectReader? owner;
    private readonly string? fixedPath;
    private readonly string? name;
    private readonly int index;

    private ValuePath(ObjectReader? owner, string? fixedPath, string? name, int index)
    {
        this.owner = owner;
        this.fixedPath = fixedPath;
        this.name = name;
        this.index = index;
    }

    /// <summary>A path given as text (the document itself is <see cref="JsonPath.Root"/>).</summary>
    public static ValuePath Of(string path) => new(null, path, null, -1);

    /// <summary>The property <paramref name="name"/> of <paramref name="owner"/>.</summary>
    public static ValuePath Property(ObjectReader owner, string name) => new(owner, null, name, -1);

    /// <summary>Item <paramref name="index"/> of the array property <paramref name="name"/> of <paramref name="owner"/>.</summary>
    public static ValuePath Item(ObjectReader owner, string name, int index) => new(owner, null, name, index);

    /// <summary>Gets the path as text (built on each call; callers build it once, for an error).</summary>
    public string Text
    {
        get
        {
            var path = owner is null ? fixedPath! : JsonPath.Property(owner.Path, name!);
            return index < 0 ? path : JsonPath.Index(path, index);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>
/// Reads the properties of one JSON object by name, recording every name asked for; <see cref="Finish"/> then
/// reports every property that was never asked for as unknown. The set of accepted properties is therefore
/// exactly the set the reader reads. Messages say what is wrong and never repeat the value.
/// </summary>
/// <remarks>
/// Mutable and not thread-safe: one per object read. Paths are built only for errors (<see cref="ValuePath"/>), and the
/// names asked and the properties seen are kept in small lists (objects of the patient document have a few dozen
/// properties at most; a long list of repeated or unknown properties switches the repeat check to a set).
/// </remarks>
internal sealed class ObjectReader
{
    // Above this many properties the repeat check uses a set instead of a scan of the names seen.
    private const int LinearRepeatCheckLimit = 16;

    private readonly List<KeyValuePair<string, JsonElement>> properties;
    private readonly List<string> asked = new(16);
    private readonly ReadErrors errors;
    private readonly ValuePath location;
    private string? path;

    private ObjectReader(ValuePath location, List<KeyValuePair<string, JsonElement>> properties, ReadErrors errors)
    {
        this.location = location;
        this.properties = properties;
        this.errors = errors;
    }

    /// <summary>Gets the path of the object (built on first use, for an error).</summary>
    public string Path => path ??= location.Text;

    /// <summary>Opens an object, or records an error and returns <see langword="null"/> when the value is not an object.</summary>
    public static ObjectReader? Open(JsonElement element, string path, ReadErrors errors) => Open(element, ValuePath.Of(path), errors);

    /// <summary>Opens an object, or records an error and returns <see langword="null"/> when the value is not an object.</summary>
    public static ObjectReader? Open(JsonElement element, ValuePath path, ReadErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(path.Text, "must be an object."));
            return null;
        }

        var list = new List<KeyValuePair<string, JsonElement>>(8);
        HashSet<string>? seen = null;
        string? objectPath = null;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (IsRepeat(list, ref seen, name))
            {
                errors.Add(new ValidationError(JsonPath.Property(objectPath ??= path.Text, name), "is given more than once."));
                continue;
            }

            list.Add(new KeyValuePair<string, JsonElement>(name, property.Value));
        }

        return new ObjectReader(path, list, errors) { path = objectPath };
    }

    // Whether a property name was seen already in this object (ordinal), then remembers it: a scan of the few properties
    // kept so far, or a set once there are many.
    private static bool IsRepeat(List<KeyValuePair<string, JsonElement>> kept, ref HashSet<string>? seen, string name)
    {
        if (seen is null && kept.Count < LinearRepeatCheckLimit)
        {
            for (var i = 0; i < kept.Count; i++)
            {
                if (string.Equals(kept[i].Key, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        if (seen is null)
        {
            seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in kept)
            {
                seen.Add(property.Key);
            }
        }

        return !seen.Add(name);
    }

    /// <summary>Records an error on a child of this object.</summary>
    public void Error(ValuePath childPath, string message) => errors.Add(new ValidationError(childPath.Text, message));

    /// <summary>Records an error on a child of this object.</summary>
    public void Error(string childPath, string message) => errors.Add(new ValidationError(childPath, message));

    /// <summary>Gets a property's value; <see langword="false"/> when absent or null (unknown).</summary>
    public bool TryGet(string name, out JsonElement value, out ValuePath path)
    {
        Ask(name);
        path = ValuePath.Property(this, name);
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, name, StringComparison.Ordinal))
            {
                value = property.Value;
                return value.ValueKind != JsonValueKind.Null;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Reads a nested object; <see langword="null"/> when absent, null or not an object.</summary>
    public ObjectReader? Object(string name) =>
        TryGet(name, out var value, out var path) ? Open(value, path, errors) : null;

    /// <summary>Reads an array's items; empty when absent or null.</summary>
    public IReadOnlyList<(JsonElement Item, ValuePath Path)> Array(string name, string itemDescription)
    {
        if (!TryGet(name, out var value, out var path))
        {
            return System.Array.Empty<(JsonElement, ValuePath)>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"must be an array of {itemDescription}, or null.");
            return System.Array.Empty<(JsonElement, ValuePath)>();
        }

        var items = new (JsonElement, ValuePath)[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[i] = (item, ValuePath.Item(this, name, i));
            i++;
        }

        return items;
    }

    private bool WasAsked(string name)
    {
        for (var i = 0; i < asked.Count; i++)
        {
            if (string.Equals(asked[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The names asked, in the order first asked (Finish reads them: known properties, and a suggestion for an unknown one).
    private void Ask(string name)
    {
        if (!WasAsked(name))
        {
            asked.Add(name);
        }
    }

    /// <summary>Reads a boolean.</summary>
    public bool? Boolean(string name)
    {
        if (!TryGet(name, out var value, out var path))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Error(path, "must be true, false or null.");
                return null;
        }
    }

    /// <summary>Reads a whole number.</summary>
    public int? Integer(string name, string what) =>
        TryGet(name, out var value, out var path) ? ReadInteger(value, path, what, errors) : null;

    /// <summary>Reads a decimal number.</summary>
    public decimal? Number(string name, string what)
    {
        if (!TryGet(name, out var value, out var path))
        {
            return null;
        }

        return ReadDecimal(value, path, what, errors);
    }

    /// <summary>
    /// Reads a decimal number from any value, exactly as written: a number that <see cref="decimal"/> cannot hold
    /// exactly (more than 28 significant digits, digits beyond the 28th decimal place, a non-zero value so small it
    /// would be read as zero) is an error naming the field, never silently rounded, because rounding can move a value
    /// across a clinical threshold (24.99…9 read as 25). Equal numbers written differently (25.5, 25.50, 2.55e1, and
    /// trailing zeros beyond 28 digits) are exact and read alike. A number too large for <see cref="decimal"/> is
    /// reported as not a number of the field's kind.
    /// </summary>
    public static decimal? ReadDecimal(JsonElement value, ValuePath path, string what, ReadErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            var problem = Inexactness(value, number);
            if (problem is null)
            {
                return number;
            }

            errors.Add(new ValidationError(path.Text, problem));
            return null;
        }

        errors.Add(new ValidationError(path.Text, $"must be a number ({what}), or null."));
        return null;
    }

    /// <summary>
    /// Reads a date written yyyy-MM-dd: exactly four digits of year, as the schema's <c>"format": "date"</c> (RFC 3339
    /// full-date) requires, so signed and extended years (<c>-2022-03-14</c>, <c>+12022-03-14</c>) are refused here.
    /// Whether the date is plausible is checked afterwards by <see cref="PatientValidator"/>.
    /// </summary>
    public LocalDate? Date(string name)
    {
        if (!TryGet(name, out var value, out var path))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && IsFullDate(text) && TryParseFullDate(text) is { } parsed)
        {
            return parsed;
        }

        Error(path, "must be a date written yyyy-MM-dd (ISO 8601 / RFC 3339 full-date, a four-digit year), or null.");
        return null;
    }

    /// <summary>Reads a code from a closed list.</summary>
    public TEnum? Code<TEnum>(string name, CodeTable<TEnum> table)
        where TEnum : struct, Enum =>
        TryGet(name, out var value, out var path) ? ReadCode(value, path, table, errors) : null;

    /// <summary>Reads a string.</summary>
    public string? Text(string name, int maximumLength)
    {
        if (!TryGet(name, out var value, out var path))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, "must be a string, or null.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maximumLength)
        {
            Error(path, $"must be at most {maximumLength} characters long.");
            return null;
        }

        return text;
    }

    /// <summary>Reports every property that was never asked for, as an unknown property (which the mapping ignores).</summary>
    public void Finish()
    {
        foreach (var property in properties)
        {
            if (WasAsked(property.Key))
            {
                continue;
            }

            var path = JsonPath.Property(Path, property.Key);
            if (!JsonPath.IsFieldName(property.Key))
            {
                errors.AddUnknownProperty(new ValidationError(path, "is not a known property (its name is not repeated here because it is not a plain field name)."));
                continue;
            }

            var suggestion = asked.FirstOrDefault(a => string.Equals(a, property.Key, StringComparison.OrdinalIgnoreCase));
            errors.AddUnknownProperty(new ValidationError(path, suggestion is null
                ? "is not a known property."
                : $"is not a known property; did you mean \"{suggestion}\"? Names are case-sensitive."));
        }
    }

    /// <summary>Reads a whole number from any value.</summary>
    public static int? ReadInteger(JsonElement value, ValuePath path, string what, ReadErrors errors)
    {
        if (TryGetExactInteger(value, out var number))
        {
            return number;
        }

        errors.Add(new ValidationError(path.Text, value.ValueKind == JsonValueKind.Number
            ? $"must be a whole number ({what})."
            : $"must be a number ({what}), or null."));
        return null;
    }

    /// <summary>
    /// Gets a JSON number that is exactly a whole number within the range of <see cref="int"/>. JSON Schema counts 3.0,
    /// 3e0 and 30e-1 as integers, and so does the reader; 3.0000000000000000000000000000001 is not an integer (it is
    /// decided on the digits written, not on a rounded <see cref="decimal"/>), nor is 1e-400.
    /// </summary>
    public static bool TryGetExactInteger(JsonElement value, out int number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        // Plain digits (an optional minus sign, no fraction or exponent) within the range of int: exactly the number
        // written, as the digit-by-digit reading below would find, without building its text.
        if (value.TryGetInt32(out number))
        {
            return true;
        }

        var written = Canonical.Of(value.GetRawText());
        if (written.IsZero)
        {
            return true;
        }

        // A whole number has no significant digit after the decimal point; at most 10 digits can fit an int.
        if (written.Exponent < 0 || written.Digits.Length + written.Exponent > 10)
        {
            return false;
        }

        var magnitude = long.Parse(written.Digits, NumberStyles.None, CultureInfo.InvariantCulture);
        for (var i = 0; i < written.Exponent; i++)
        {
            magnitude *= 10;
        }

        var signed = written.Negative ? -magnitude : magnitude;
        if (signed < int.MinValue || signed > int.MaxValue)
        {
            return false;
        }

        number = (int)signed;
        return true;
    }

    /// <summary>
    /// Says why <paramref name="number"/>, the <see cref="decimal"/> System.Text.Json read, is not exactly the number
    /// written, or <see langword="null"/> when it is. The message describes the digits, never the value.
    /// </summary>
    private static string? Inexactness(JsonElement value, decimal number)
    {
        var written = Canonical.Of(value.GetRawText());
        var read = Canonical.Of(number.ToString(CultureInfo.InvariantCulture));
        if (written.IsZero ? read.IsZero : written.Equals(read))
        {
            return null;
        }

        if (written.Digits.Length > MaximumSignificantDigits)
        {
            return $"has more digits than can be held exactly (at most {MaximumSignificantDigits} significant digits; trailing zeros do not count); it is not rounded.";
        }

        if (number == 0m)
        {
            return $"is not zero but is too small to be held exactly (at most {MaximumDecimalPlaces} decimal places); it is not read as 0.";
        }

        return written.Exponent < -MaximumDecimalPlaces
            ? $"has digits beyond the {MaximumDecimalPlaces}th decimal place, which cannot be held exactly; it is not rounded."
            : "cannot be held exactly as a decimal number; it is not rounded.";
    }

    /// <summary>Significant digits that <see cref="decimal"/> always holds exactly (some 29-digit numbers fit too).</summary>
    private const int MaximumSignificantDigits = 28;

    /// <summary>The largest scale of <see cref="decimal"/>.</summary>
    private const int MaximumDecimalPlaces = 28;

    /// <summary>
    /// A number as sign, significant digits (no leading or trailing zeros) and the power of ten of the last digit:
    /// 25.50, 2.55e1 and 255e-1 are all (+, "255", -1). Zero has no digits. Read from JSON number text (already
    /// checked by the JSON parser) or from <see cref="decimal.ToString(IFormatProvider)"/>.
    /// </summary>
    private readonly struct Canonical : IEquatable<Canonical>
    {
        private Canonical(bool negative, string digits, long exponent)
        {
            Negative = negative;
            Digits = digits;
            Exponent = exponent;
        }

        public bool Negative { get; }

        public string Digits { get; }

        public long Exponent { get; }

        public bool IsZero => Digits.Length == 0;

        public static Canonical Of(string text)
        {
            var i = 0;
            var negative = i < text.Length && text[i] == '-';
            if (negative || (i < text.Length && text[i] == '+'))
            {
                i++;
            }

            var digits = new System.Text.StringBuilder(text.Length);
            long fractionDigits = 0;
            var inFraction = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9')
                {
                    digits.Append(c);
                    if (inFraction)
                    {
                        fractionDigits++;
                    }
                }
                else if (c == '.')
                {
                    inFraction = true;
                }
                else
                {
                    break;
                }
            }

            long exponent = 0;
            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                i++;
                var exponentNegative = i < text.Length && text[i] == '-';
                if (exponentNegative || (i < text.Length && text[i] == '+'))
                {
                    i++;
                }

                // Saturate: an exponent beyond a billion is as far out of range as any other.
                for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
                {
                    exponent = Math.Min(exponent * 10 + (text[i] - '0'), 1_000_000_000L);
                }

                if (exponentNegative)
                {
                    exponent = -exponent;
                }
            }

            var all = digits.ToString();
            var start = 0;
            while (start < all.Length && all[start] == '0')
            {
                start++;
            }

            var end = all.Length;
            while (end > start && all[end - 1] == '0')
            {
                end--;
            }

            var trailingZeros = all.Length - end;
            return start == end
                ? new Canonical(false, string.Empty, 0)
                : new Canonical(negative, all.Substring(start, end - start), exponent - fractionDigits + trailingZeros);
        }

        public bool Equals(Canonical other) =>
            Negative == other.Negative && Exponent == other.Exponent && string.Equals(Digits, other.Digits, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Canonical other && Equals(other);

        public override int GetHashCode() => (Digits.GetHashCode() * 31) ^ Exponent.GetHashCode() ^ (Negative ? 1 : 0);
    }

    /// <summary>Reads a code from any value.</summary>
    public static TEnum? ReadCode<TEnum>(JsonElement value, ValuePath path, CodeTable<TEnum> table, ReadErrors errors)
        where TEnum : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && table.TryParse(value.GetString()!, out var parsed))
        {
            return parsed;
        }

        errors.Add(new ValidationError(path.Text, $"must be one of: {table.Description}; or null."));
        return null;
    }

    // The date of yyyy-MM-dd text already checked by IsFullDate, as LocalDatePattern.Iso reads it (any four-digit year,
    // month 01–12, a day that exists in that month), without the pattern's parse result objects; null when there is none.
    private static LocalDate? TryParseFullDate(string text)
    {
        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        return month >= 1 && month <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month)
            ? new LocalDate(year, month, day)
            : null;
    }

    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    private static bool IsFullDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            {
                return false;
            }
        }

        return true;
    }
}
