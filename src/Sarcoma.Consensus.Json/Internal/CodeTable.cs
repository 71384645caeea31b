using System;
using System.Collections.Generic;
using System.Linq;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// A closed, explicit mapping between the members of an enum and their kebab-case JSON codes. Explicit so that
/// renaming a C# member can never change the JSON contract.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class CodeTable<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> toCode = new();
    private readonly Dictionary<string, TEnum> fromCode = new(StringComparer.Ordinal);

    public CodeTable(params (TEnum Value, string Code)[] entries)
    {
        foreach (var (value, code) in entries)
        {
            toCode.Add(value, code);
            fromCode.Add(code, value);
        }

        Codes = entries.Select(e => e.Code).ToArray();
        Description = string.Join(", ", Codes);
    }

    /// <summary>Gets the codes, in declaration order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Gets the codes as a comma-separated list, for error messages.</summary>
    public string Description { get; }

    public string ToCode(TEnum value) =>
        toCode.TryGetValue(value, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), $"Not a defined {typeof(TEnum).Name} value.");

    public bool TryParse(string code, out TEnum value) => fromCode.TryGetValue(code, out value);
}
