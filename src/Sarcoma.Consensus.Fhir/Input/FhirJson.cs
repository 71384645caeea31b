using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Input;

/// <summary>Thrown when text is not FHIR R4 JSON. Lists every problem by resource and element, never with a value from the input.</summary>
public sealed class FhirInputException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems, at least one.</param>
    public FhirInputException(IReadOnlyList<ValidationError> errors)
        : base("Not valid FHIR R4 JSON: " + string.Join("; ", errors.Take(10)) + (errors.Count > 10 ? FormattableString.Invariant($"; … and {errors.Count - 10} more.") : "."))
    {
        Errors = errors;
    }

    /// <summary>Gets the problems: <see cref="ValidationError.Field"/> is the FHIR path (<c>Bundle.entry[2].resource(Condition).onset</c>), the message what is wrong.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}

/// <summary>
/// Reads and writes FHIR R4 JSON with Firely's <see cref="FhirJsonDeserializer"/> and <see cref="FhirJsonSerializer"/>.
/// Reading is strict about structure (unknown resource types or elements, wrong JSON types) and tolerant of values
/// the mapper reads as unknown anyway (a malformed date literal, a code outside a required value set).
/// </summary>
/// <remarks>Thread-safe. Error messages name the FHIR path and the problem, never a value of the input.</remarks>
public static class FhirJson
{
    // Issues that keep every value in the model (the mapper then reads the value as unknown): tolerated.
    private static readonly HashSet<string> Tolerated = new(StringComparer.Ordinal)
    {
        "PVAL116", // a code outside a required value set (kept as text)
        "PVAL124", // a literal that is not valid for its type, such as a malformed date (kept as text)
        "JSON121", // an empty array
        "PVAL115", // narrative XHTML that does not follow the FHIR narrative rules (display only; never read)
    };

    private static readonly Regex EntryPath = new(@"^Bundle\.entry\[([0-9]+)\]\.resource", RegexOptions.CultureInvariant);

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>Parses a Bundle.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="FhirInputException">The text is not JSON, not a FHIR resource, not a Bundle, or a resource in it does not parse.</exception>
    public static Bundle ParseBundle(string json)
    {
        var resource = ParseResource(json);
        return resource as Bundle ?? throw new FhirInputException(new[] { new ValidationError("resourceType", "is not \"Bundle\": give a Bundle (of any type) holding the patient's resources.") });
    }

    /// <summary>Reads a Bundle from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="FhirInputException">As for <see cref="ParseBundle"/>.</exception>
    public static Bundle ReadBundle(Stream utf8Json)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var reader = new StreamReader(utf8Json, new UTF8Encoding(false, true));
        return ParseBundle(reader.ReadToEnd());
    }

    /// <summary>Parses any FHIR R4 resource.</summary>
    /// <typeparam name="T">The resource type expected.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FhirInputException">The text is not JSON, not a resource of that type, or does not parse.</exception>
    public static T Parse<T>(string json)
        where T : Resource =>
        ParseResource(json) as T ?? throw new FhirInputException(new[] { new ValidationError("resourceType", FormattableString.Invariant($"is not \"{ModelInfo.GetFhirTypeNameForType(typeof(T))}\".")) });

    /// <summary>Parses any FHIR R4 resource.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FhirInputException">The text is not JSON, not a FHIR resource, or does not parse.</exception>
    public static Resource ParseResource(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        string?[] entryTypes;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw new FhirInputException(new[] { new ValidationError("resourceType", "is missing: the document is not a FHIR resource.") });
            }

            entryTypes = EntryTypes(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FhirInputException(new[]
            {
                new ValidationError("(document)", FormattableString.Invariant($"is not JSON (the error is at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}).")),
            });
        }

        Deserializer.TryDeserializeResource(json, out var resource, out var issues);
        var errors = issues
            .Where(i => !Tolerated.Contains(i.ErrorCode))
            .Select(i => new ValidationError(Where(i, entryTypes), Describe(i.ErrorCode)))
            .Distinct()
            .ToArray();
        if (errors.Length > 0 || resource is null)
        {
            throw new FhirInputException(errors.Length > 0 ? errors : new[] { new ValidationError("(document)", "cannot be read as a FHIR R4 resource.") });
        }

        return resource;
    }

    /// <summary>Serialises a resource as FHIR JSON, indented with two spaces and <c>\n</c> line ends, deterministic.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Serialize(Resource resource)
    {
        if (resource is null)
        {
            throw new ArgumentNullException(nameof(resource));
        }

        return Serializer.SerializeToString(resource, pretty: true).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Serialises a resource as one line of FHIR JSON (for NDJSON).</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text, without a newline.</returns>
    public static string SerializeLine(Resource resource)
    {
        if (resource is null)
        {
            throw new ArgumentNullException(nameof(resource));
        }

        return Serializer.SerializeToString(resource, pretty: false);
    }

    private static string?[] EntryTypes(JsonElement root)
    {
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string?>();
        }

        return entries.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object &&
                         r.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String && Regex.IsMatch(t.GetString()!, "^[A-Z][A-Za-z]{1,63}$")
                ? t.GetString()
                : null)
            .ToArray();
    }

    // The FHIR path of an issue, with the type of the bundle entry's resource: Bundle.entry[2].resource(Condition).onset.
    private static string Where(CodedException issue, string?[] entryTypes)
    {
        var path = (issue as ExtendedCodedException)?.InstancePath;
        if (string.IsNullOrEmpty(path))
        {
            return "(document)";
        }

        var match = EntryPath.Match(path);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            index < entryTypes.Length && entryTypes[index] is { } type && ModelInfo.IsKnownResource(type))
        {
            return path!.Substring(0, match.Length) + "(" + type + ")" + path.Substring(match.Length);
        }

        return path!;
    }

    private static string Describe(string code) => code switch
    {
        "PVAL123" => "has the wrong JSON type for its FHIR data type (Firely " + code + ").",
        "PVAL128" => "is not an element of this FHIR R4 resource or data type (Firely " + code + ").",
        "PVAL130" => "is not a FHIR R4 resource type (Firely " + code + ").",
        _ when code.StartsWith("JSON", StringComparison.Ordinal) => "is not valid FHIR JSON (Firely " + code + ").",
        _ => "cannot be read as FHIR R4 (Firely " + code + ").",
    };
}
