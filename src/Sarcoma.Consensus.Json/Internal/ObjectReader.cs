using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Reads the properties of one JSON object by name, recording every name asked for; <see cref="Finish"/> then
/// reports every property that was never asked for as unknown. The set of accepted properties is therefore
/// exactly the set the reader reads. Messages say what is wrong and never repeat the value.
/// </summary>
/// <remarks>Mutable and not thread-safe: one per object read.</remarks>
internal sealed class ObjectReader
{
    private readonly List<KeyValuePair<string, JsonElement>> properties;
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);
    private readonly ReadErrors errors;

    private ObjectReader(string path, List<KeyValuePair<string, JsonElement>> properties, ReadErrors errors)
    {
        Path = path;
        this.properties = properties;
        this.errors = errors;
    }

    /// <summary>Gets the path of the object.</summary>
    public string Path { get; }

    /// <summary>Opens an object, or records an error and returns <see langword="null"/> when the value is not an object.</summary>
    public static ObjectReader? Open(JsonElement element, string path, ReadErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(path, "must be an object."));
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                errors.Add(new ValidationError(JsonPath.Property(path, property.Name), "is given more than once."));
                continue;
            }

            list.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value));
        }

        return new ObjectReader(path, list, errors);
    }

    /// <summary>Records an error on a child of this object.</summary>
    public void Error(string childPath, string message) => errors.Add(new ValidationError(childPath, message));

    /// <summary>Gets a property's value; <see langword="false"/> when absent or null (unknown).</summary>
    public bool TryGet(string name, out JsonElement value, out string path)
    {
        asked.Add(name);
        path = JsonPath.Property(Path, name);
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
    public IReadOnlyList<(JsonElement Item, string Path)> Array(string name, string itemDescription)
    {
        if (!TryGet(name, out var value, out var path))
        {
            return System.Array.Empty<(JsonElement, string)>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"must be an array of {itemDescription}, or null.");
            return System.Array.Empty<(JsonElement, string)>();
        }

        return value.EnumerateArray().Select((item, i) => (item, JsonPath.Index(path, i))).ToArray();
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

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        Error(path, $"must be a number ({what}), or null.");
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

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && IsFullDate(text) &&
            LocalDatePattern.Iso.Parse(text) is { Success: true } parsed)
        {
            return parsed.Value;
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
            if (asked.Contains(property.Key))
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
    public static int? ReadInteger(JsonElement value, string path, string what, ReadErrors errors)
    {
        // JSON Schema counts 3.0 as an integer, and so does the reader.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) &&
            number == decimal.Truncate(number) && number >= int.MinValue && number <= int.MaxValue)
        {
            return (int)number;
        }

        errors.Add(new ValidationError(path, value.ValueKind == JsonValueKind.Number
            ? $"must be a whole number ({what})."
            : $"must be a number ({what}), or null."));
        return null;
    }

    /// <summary>Reads a code from any value.</summary>
    public static TEnum? ReadCode<TEnum>(JsonElement value, string path, CodeTable<TEnum> table, ReadErrors errors)
        where TEnum : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && table.TryParse(value.GetString()!, out var parsed))
        {
            return parsed;
        }

        errors.Add(new ValidationError(path, $"must be one of: {table.Description}; or null."));
        return null;
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
