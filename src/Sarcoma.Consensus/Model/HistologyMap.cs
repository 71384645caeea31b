using System;
using System.Collections.Generic;
using System.Linq;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// Resolves the histology of a record — a name, an ICD-O-3 morphology code or a SNOMED CT concept — to a
/// <see cref="Histology"/>: the built-in rules of <c>docs/histology.md</c>, plus any entries an integrator adds
/// (local codes, SNOMED CT concepts the built-in table does not hold, a local name), which take precedence.
/// </summary>
/// <example>
/// <code>
/// var map = HistologyMap.Default
///     .WithSnomedCt("1234567000", Histology.SynovialSarcoma)
///     .WithName("LMS", Histology.Leiomyosarcoma);
/// map.TryResolve("http://snomed.info/sct", "1234567000", out var histology); // synovial sarcoma
/// </code>
/// </example>
/// <remarks>
/// Pass a map to the FHIR mapper (<c>McodeMapperOptions.HistologyMap</c>); <see cref="Histology.TryParse"/> and the
/// JSON reader use <see cref="Default"/>. Each <c>With…</c> returns a new map. Immutable and thread-safe.
/// </remarks>
public sealed class HistologyMap
{
    /// <summary>The canonical URI of ICD-O-3 (<c>Coding.system</c>).</summary>
    public const string IcdO3System = "http://terminology.hl7.org/CodeSystem/icd-o-3";

    /// <summary>
    /// The OID of ICD-O-3 as a URI, <c>urn:oid:2.16.840.1.113883.6.43.1</c> (the identifier of HL7's ICD-O-3 code system,
    /// used as <c>Coding.system</c> by the German oncology profiles, DKTK oBDS and MII): read like <see cref="IcdO3System"/>.
    /// </summary>
    public const string IcdO3Oid = "urn:oid:2.16.840.1.113883.6.43.1";

    /// <summary>The canonical URI of SNOMED CT (<c>Coding.system</c>).</summary>
    public const string SnomedCtSystem = "http://snomed.info/sct";

    private readonly Dictionary<string, Histology> names;
    private readonly Dictionary<string, Histology> icdO3;
    private readonly Dictionary<string, Histology> snomedCt;

    private HistologyMap(Dictionary<string, Histology> names, Dictionary<string, Histology> icdO3, Dictionary<string, Histology> snomedCt)
    {
        this.names = names;
        this.icdO3 = icdO3;
        this.snomedCt = snomedCt;
    }

    /// <summary>Gets the built-in rules alone.</summary>
    public static HistologyMap Default { get; } = new(
        new Dictionary<string, Histology>(StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, Histology>(StringComparer.Ordinal),
        new Dictionary<string, Histology>(StringComparer.Ordinal));

    /// <summary>Gets how many entries were added to the built-in rules.</summary>
    public int ExtensionCount => names.Count + icdO3.Count + snomedCt.Count;

    /// <summary>Returns a map in which an ICD-O-3 morphology code resolves to <paramref name="histology"/>.</summary>
    /// <param name="morphology">The code, <c>NNNN/B</c>.</param>
    /// <param name="histology">The histology.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentException"><paramref name="morphology"/> is not an ICD-O-3 morphology code.</exception>
    public HistologyMap WithIcdO3(string morphology, Histology histology)
    {
        if (morphology is null || !IsIcdO3Morphology(morphology))
        {
            throw new ArgumentException("Not an ICD-O-3 morphology code (NNNN/B, behaviour 0, 1, 2, 3, 6 or 9).", nameof(morphology));
        }

        return new HistologyMap(names, With(icdO3, morphology, histology), snomedCt);
    }

    /// <summary>Returns a map in which a SNOMED CT concept resolves to <paramref name="histology"/>.</summary>
    /// <param name="conceptId">The concept id (6–18 digits).</param>
    /// <param name="histology">The histology.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentException"><paramref name="conceptId"/> is not a SNOMED CT concept id.</exception>
    public HistologyMap WithSnomedCt(string conceptId, Histology histology)
    {
        if (conceptId is null || !IsSnomedCtConceptId(conceptId))
        {
            throw new ArgumentException("Not a SNOMED CT concept id (6 to 18 digits, partition 00 or 10).", nameof(conceptId));
        }

        return new HistologyMap(names, icdO3, With(snomedCt, conceptId, histology));
    }

    /// <summary>Returns a map in which a name (compared case-insensitively) resolves to <paramref name="histology"/>.</summary>
    /// <param name="name">The name, for example a local abbreviation.</param>
    /// <param name="histology">The histology.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or has surrounding white space.</exception>
    public HistologyMap WithName(string name, Histology histology)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length != name.Length)
        {
            throw new ArgumentException("A name must be non-empty, without surrounding white space.", nameof(name));
        }

        return new HistologyMap(With(names, name, histology), icdO3, snomedCt);
    }

    /// <summary>
    /// Resolves a name (<see cref="Histology.Code"/> or <see cref="Histology.Name"/>, case-insensitively), an ICD-O-3
    /// morphology code or a SNOMED CT concept id.
    /// </summary>
    /// <param name="text">The text, without surrounding white space.</param>
    /// <param name="histology">The histology; for a code, possibly an out-of-scope or unclassified one.</param>
    /// <returns><see langword="false"/> only when the text is neither a known name nor a well-formed code.</returns>
    public bool TryResolve(string? text, out Histology histology)
    {
        histology = null!;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (IsIcdO3Morphology(text!))
        {
            return TryResolve(IcdO3System, text!, out histology);
        }

        if (IsSnomedCtConceptId(text!))
        {
            return TryResolve(SnomedCtSystem, text!, out histology);
        }

        if (names.TryGetValue(text!, out var added))
        {
            histology = added;
            return true;
        }

        var named = Histology.All.FirstOrDefault(h =>
            string.Equals(h.Code, text, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(h.Name, text, StringComparison.OrdinalIgnoreCase));
        if (named is null)
        {
            return false;
        }

        histology = named;
        return true;
    }

    /// <summary>Resolves a coded histology, as a FHIR <c>Coding</c> carries it (system and code).</summary>
    /// <param name="system">The code system's canonical URI: <see cref="IcdO3System"/> (or its OID, <see cref="IcdO3Oid"/>) or <see cref="SnomedCtSystem"/>.</param>
    /// <param name="code">The code.</param>
    /// <param name="histology">The histology.</param>
    /// <returns><see langword="false"/> when the system is neither, or the code is not well formed for it.</returns>
    public bool TryResolve(string? system, string? code, out Histology histology)
    {
        histology = null!;
        if (code is null)
        {
            return false;
        }

        if (IsIcdO3System(system))
        {
            if (icdO3.TryGetValue(code, out var added))
            {
                histology = added;
                return true;
            }

            return IcdO3Morphology.TryClassify(code, out histology);
        }

        if (!string.Equals(system, SnomedCtSystem, StringComparison.Ordinal) || !IsSnomedCtConceptId(code))
        {
            return false;
        }

        if (snomedCt.TryGetValue(code, out var mapped))
        {
            histology = mapped;
            return true;
        }

        if (Histology.All.FirstOrDefault(h => h.SnomedCtCodes.Contains(code, StringComparer.Ordinal)) is { } named)
        {
            histology = named;
            return true;
        }

        if (IcdO3Morphology.SnomedCtToIcdO3.TryGetValue(code, out var morphology) && IcdO3Morphology.TryClassify(morphology, out var classified))
        {
            histology = classified.IsNamed
                ? classified
                : Histology.ForClass(classified.Scope, code, $"{classified.Name}; SNOMED CT {code}", morphology);
            return true;
        }

        histology = Histology.ForClass(HistologyScope.Unclassified, code, $"SNOMED CT {code}, not in the histology classification table");
        return true;
    }

    /// <summary>Whether a <c>Coding.system</c> names ICD-O-3: <see cref="IcdO3System"/> or <see cref="IcdO3Oid"/> (compared exactly, as FHIR compares URIs).</summary>
    /// <param name="system">The system URI, or <see langword="null"/>.</param>
    /// <returns>Whether it names ICD-O-3.</returns>
    public static bool IsIcdO3System(string? system) =>
        string.Equals(system, IcdO3System, StringComparison.Ordinal) || string.Equals(system, IcdO3Oid, StringComparison.Ordinal);

    /// <summary>Whether the text is an ICD-O-3 morphology code: four digits 8000–9999, a slash and a behaviour digit (0, 1, 2, 3, 6 or 9; any digit for GIST, 8936).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsIcdO3Morphology(string text) => text is not null && IcdO3Morphology.IsWellFormed(text);

    /// <summary>Whether the text is a SNOMED CT concept id: 6 to 18 digits, no leading zero, partition identifier 00 or 10 (the second and third digits from the end).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsSnomedCtConceptId(string text)
    {
        if (text is null || text.Length < 6 || text.Length > 18 || text[0] == '0' || text.Any(c => c < '0' || c > '9'))
        {
            return false;
        }

        return text[text.Length - 2] == '0' && (text[text.Length - 3] == '0' || text[text.Length - 3] == '1');
    }

    private static Dictionary<string, Histology> With(Dictionary<string, Histology> entries, string key, Histology histology)
    {
        if (histology is null)
        {
            throw new ArgumentNullException(nameof(histology));
        }

        return new Dictionary<string, Histology>(entries, entries.Comparer) { [key] = histology };
    }
}
