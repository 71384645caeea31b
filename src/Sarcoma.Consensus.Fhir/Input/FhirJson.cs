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

/// <summary>
/// Thrown when FHIR R4 input cannot be used: text that is not FHIR R4 JSON (<see cref="FhirJson"/>), a value the
/// <see cref="Mapping.McodeMapper"/> reads that does not parse (a malformed date, a status code outside its value set),
/// or input that holds no patient data at all (<see cref="NoPatientData"/>). Lists every problem by resource and
/// element, never with a value from the input.
/// </summary>
public sealed class FhirInputException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems, at least one.</param>
    public FhirInputException(IReadOnlyList<ValidationError> errors)
        : this(errors, "Not valid FHIR R4 JSON", noPatientData: false)
    {
    }

    internal FhirInputException(IReadOnlyList<ValidationError> errors, string headline, bool noPatientData)
        : base(headline + ": " + string.Join("; ", errors.Take(10)).TrimEnd('.') + (errors.Count > 10 ? FormattableString.Invariant($"; … and {errors.Count - 10} more.") : "."))
    {
        Errors = errors;
        NoPatientData = noPatientData;
    }

    /// <summary>Gets the problems: <see cref="ValidationError.Field"/> is the FHIR path (<c>Bundle.entry[2].resource(Condition).onsetDateTime</c>), the message what is wrong.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>
    /// Gets whether the input holds no patient data at all (an empty Bundle, a Bundle without <c>entry</c>, or only
    /// resources about no patient, such as Practitioner or Organization): there is nothing to evaluate. The rule is in
    /// <c>docs/fhir.md</c>. A record that has a patient but lacks a particular resource is not this case: it is mapped,
    /// and the missing facts are unknown.
    /// </summary>
    public bool NoPatientData { get; }
}

/// <summary>
/// Reads and writes FHIR R4 JSON with Firely's <see cref="FhirJsonDeserializer"/> and <see cref="FhirJsonSerializer"/>.
/// Reading is strict about structure (unknown resource types or elements, wrong JSON types; a misspelt resourceType is one
/// error naming it) and keeps values that are not valid for their type (a malformed date literal, a code outside a
/// required value set): the <see cref="Mapping.McodeMapper"/> rejects them where it reads them, and ignores them in
/// elements it does not read. A resource <c>id</c> holding a control, format (Cf) or separator character, or longer than
/// 64 characters, is refused here: ids name resources in the mapping report. Bytes are read as UTF-8 only
/// (<see cref="Read{T}(Stream)"/>).
/// </summary>
/// <remarks>Thread-safe. Error messages name the FHIR path and the problem, never a value of the input.</remarks>
public static class FhirJson
{
    // Issues that keep every value in the model: tolerated here; the mapper rejects such a value in an element it reads.
    private static readonly HashSet<string> Tolerated = new(StringComparer.Ordinal)
    {
        "PVAL116", // a code outside a required value set (kept as text)
        "PVAL124", // a literal that is not valid for its type, such as a malformed date (kept as text)
        "JSON121", // an empty array
        "PVAL115", // narrative XHTML that does not follow the FHIR narrative rules (display only; never read)
    };

    private const string UnknownTypeCode = "PVAL130";

    // A resourceType written in the wrong case ("bundle", "patient"): Firely parses the resource anyway; it is rejected.
    private const string TypeCasingCode = "PVAL132";

    // A resource (a bundle entry's or a contained one) without a resourceType.
    private const string NoResourceTypeCode = "JSON103";

    /// <summary>The deepest nesting of JSON objects and arrays read (the System.Text.Json default); no FHIR R4 resource needs more.</summary>
    internal const int MaxDepth = 64;

    /// <summary>The codes of Bundle.type in FHIR R4 (required value set BundleType).</summary>
    private static readonly string[] BundleTypes = { "document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection" };

    private static readonly Regex EntryTypePath = new(@"^Bundle\.entry\[([0-9]+)\]\.resource\.type$", RegexOptions.CultureInvariant);

    private static readonly Regex PlainIdentifier = new("^[A-Za-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant);

    private static readonly Regex EntryPath = new(@"^Bundle\.entry\[([0-9]+)\]\.resource", RegexOptions.CultureInvariant);

    /// <summary>
    /// Gets the settings of Firely's deserializer that this class reads with, for a caller that hands UTF-8 JSON to
    /// <see cref="FhirJsonDeserializer"/> itself (after <see cref="CheckText"/>): strict (every issue reported, wrongly cased
    /// names not bound), with Firely's validator except the literal checks of string-valued primitives, whose only outcome
    /// (<c>PVAL124</c>, a literal not valid for its type) is tolerated here anyway. A resource read with these settings
    /// without any issue is one <see cref="ParseResource"/> accepts, apart from its ids (which <see cref="Mapping.McodeMapper"/>
    /// checks too). Immutable.
    /// </summary>
    public static DeserializerSettings ReadSettings { get; } =
        new DeserializerSettings { Validator = TolerantLiteralValidator.Instance }.UsingMode(DeserializationMode.Strict);

    // After ReadSettings: static fields are initialised in the order they are written.
    private static readonly FhirJsonDeserializer Deserializer = new(ReadSettings);

    // Firely strict without its validator: only for JSON PlainStructure has passed (TryReadPlain).
    private static readonly FhirJsonDeserializer UnvalidatedDeserializer = new(new DeserializerSettings { Validator = null }.UsingMode(DeserializationMode.Strict));

    /// <summary>
    /// Reads one FHIR R4 resource from UTF-8 JSON the quick way when the JSON is plainly well formed, for a caller that
    /// reads many resources and handles the rest with <see cref="ParseResource"/> (the CDS Hooks service's prefetch). The
    /// JSON is first checked against Firely's model metadata (every element name exactly an element of its type, JSON
    /// types, no nulls, no empty objects or arrays, mandatory elements, allowed choice types, codes of required value sets
    /// such as <c>Bundle.type</c>, integer ranges, base64, no nested contained resources); only then does Firely's strict
    /// deserializer read it, without its validator (about a third of the allocation and CPU of a read with
    /// <see cref="ReadSettings"/>). The result is what <see cref="ReadSettings"/> with the narrative's XHTML not validated
    /// gives: <see langword="true"/> with the same resource when that read reports no issue at all; for anything it might
    /// report, and for some valid JSON the check does not judge (a primitive extension on a repeating element, an escaped
    /// code, a resourceType not written first), <see langword="false"/>, and the caller reads the resource the full way.
    /// Narrative XHTML (<c>text.div</c>) is taken as any string. The checks of <see cref="CheckText"/> are made here too
    /// (a number <see cref="decimal"/> does not hold exactly, a string that is not text: declined, never rounded), and the
    /// method never throws on any input: whatever Firely throws is a decline. Resource ids are not checked here
    /// (<see cref="Mapping.McodeMapper"/> checks them).
    /// </summary>
    /// <param name="utf8Json">The JSON, UTF-8, one resource.</param>
    /// <param name="resource">The resource read, when the method returns <see langword="true"/>.</param>
    /// <returns>Whether the resource was read; <see langword="false"/> says nothing about its validity.</returns>
    /// <remarks>Thread-safe. Proof of the equivalence: <c>ReadSettingsTests</c> in the FHIR tests.</remarks>
    public static bool TryReadPlain(ReadOnlySpan<byte> utf8Json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Resource? resource)
    {
        resource = null;
        if (!PlainStructure.IsPlain(utf8Json))
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (UnvalidatedDeserializer.TryDeserializeResource(ref reader, out var read, out _) && read is not null)
            {
                resource = read;
                return true;
            }
        }
#pragma warning disable CA1031 // A Try method declines: whatever Firely throws on input the check passed, the caller reads the full way, which reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            resource = null;
        }

        return false;
    }

    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>Parses a Bundle.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="FhirInputException">The text is not JSON, not a FHIR resource, not a Bundle, or a resource in it does not parse.</exception>
    public static Bundle ParseBundle(string json) => AsType<Bundle>(ParseResource(json));

    /// <summary>Reads a Bundle from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed; UTF-8, one leading UTF-8 byte order mark allowed.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FhirInputException">
    /// As for <see cref="ParseBundle(string)"/>; also when the bytes are not UTF-8 (UTF-16 or UTF-32 text, with or without a
    /// byte order mark, or bytes of another encoding), at <c>(document)</c> with the byte position, never the bytes.
    /// </exception>
    public static Bundle ReadBundle(Stream utf8Json) => Read<Bundle>(utf8Json);

    /// <summary>Reads a Bundle from UTF-8 JSON bytes (a line of an NDJSON batch).</summary>
    /// <param name="utf8Json">The bytes; UTF-8, one leading UTF-8 byte order mark allowed.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="FhirInputException">As for <see cref="ReadBundle(Stream)"/>.</exception>
    public static Bundle ParseBundle(ReadOnlySpan<byte> utf8Json) => AsType<Bundle>(ParseResource(DecodeUtf8(utf8Json)));

    /// <summary>Reads a FHIR R4 resource of a given type from UTF-8 JSON (a QuestionnaireResponse file, a Bundle).</summary>
    /// <typeparam name="T">The resource type expected.</typeparam>
    /// <param name="utf8Json">The stream, read to its end and not closed; UTF-8, one leading UTF-8 byte order mark allowed.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FhirInputException">
    /// The bytes are not UTF-8 (UTF-16 or UTF-32 text, with or without a byte order mark, or bytes of another encoding: the
    /// same rule as the patient reader's), or the text is not a resource of that type, or does not parse (as
    /// <see cref="Parse{T}(string)"/>). The error is at <c>(document)</c> with the byte position; no byte is repeated.
    /// </exception>
    public static T Read<T>(Stream utf8Json)
        where T : Resource
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return AsType<T>(ParseResource(DecodeUtf8(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length))));
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes FHIR JSON bytes as UTF-8, strictly: one leading UTF-8 byte order mark is dropped; a UTF-16 or UTF-32 byte
    /// order mark, or bytes that are not UTF-8, are refused (the patient reader's rule: a UTF-16 document is not read by
    /// guessing its encoding). JSON text must be UTF-8 (RFC 8259 §8.1), and FHIR's JSON format is UTF-8.
    /// </summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if ((bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0) ||
            (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF))
        {
            throw NotUtf8("is UTF-32 text (it starts with a UTF-32 byte order mark)");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw NotUtf8("is UTF-16 text (it starts with a UTF-16 byte order mark)");
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var text = bytes.Slice(start);
        try
        {
            return StrictUtf8.GetString(text);
        }
        catch (DecoderFallbackException e)
        {
            var position = start + Math.Max(0, e.Index) + 1;
            throw NotUtf8(FormattableString.Invariant($"is not UTF-8 text (byte {position} is not part of a UTF-8 character; UTF-16 text without a byte order mark, or text in another encoding such as Latin-1)"));
        }
    }

    private static FhirInputException NotUtf8(string what) => new(new[]
    {
        new ValidationError("(document)", what + ": FHIR JSON is read as UTF-8 only, like patient documents; save the document as UTF-8 (the bytes are not repeated here)."),
    });

    private static T AsType<T>(Resource resource)
        where T : Resource =>
        resource as T ?? throw new FhirInputException(new[]
        {
            typeof(T) == typeof(Bundle)
                ? new ValidationError("resourceType", "is not \"Bundle\": give a Bundle (of any type) holding the patient's resources.")
                : new ValidationError("resourceType", FormattableString.Invariant($"is not \"{ModelInfo.GetFhirTypeNameForType(typeof(T))}\".")),
        });

    /// <summary>Parses any FHIR R4 resource.</summary>
    /// <typeparam name="T">The resource type expected.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FhirInputException">The text is not JSON, not a resource of that type, or does not parse.</exception>
    public static T Parse<T>(string json)
        where T : Resource => AsType<T>(ParseResource(json));

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

        // One byte order mark is allowed, as the patient reader allows one (ReadBundle drops a UTF-8 one before this).
        if (json.Length > 0 && json[0] == '\uFEFF')
        {
            json = json.Substring(1);
        }

        if (json.Length == 0)
        {
            throw new FhirInputException(new[] { new ValidationError("(document)", "is empty (0 bytes): there is no FHIR resource to read; give a FHIR R4 Bundle as JSON.") });
        }

        if (string.IsNullOrWhiteSpace(json.TrimStart('\uFEFF')))
        {
            throw new FhirInputException(new[] { new ValidationError("(document)", "holds only white space: there is no FHIR resource to read; give a FHIR R4 Bundle as JSON.") });
        }

        if (json.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("<", StringComparison.Ordinal))
        {
            throw new FhirInputException(new[] { new ValidationError("(document)", "is XML, not JSON: only FHIR JSON is read; convert the document to FHIR JSON (for example with Firely's FhirXmlDeserializer and FhirJsonSerializer).") });
        }

        CheckDepth(json);

        string rootType;
        EntryType[] entryTypes;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FhirInputException(new[] { new ValidationError("(document)", "is " + JsonKind(root.ValueKind) + ", not a JSON object: a FHIR resource is a JSON object that names its type in \"resourceType\" (a Bundle: \"resourceType\": \"Bundle\").") });
            }

            if (!root.TryGetProperty("resourceType", out var type))
            {
                throw new FhirInputException(new[] { new ValidationError("resourceType", "is missing: the document is not a FHIR resource; a FHIR resource names its type in \"resourceType\" (a Bundle: \"resourceType\": \"Bundle\").") });
            }

            if (type.ValueKind != JsonValueKind.String)
            {
                throw new FhirInputException(new[] { new ValidationError("resourceType", "is " + JsonKind(type.ValueKind) + ", not a string: the document is not a FHIR resource; a FHIR resource names its type in \"resourceType\" (a Bundle: \"resourceType\": \"Bundle\").") });
            }

            rootType = type.GetString()!;
            if (!IsResourceType(rootType))
            {
                // Firely would report every element of the document as unknown; one error names the cause.
                throw new FhirInputException(new[] { new ValidationError("resourceType", UnknownResourceType(rootType)) });
            }

            entryTypes = EntryTypes(root);
        }
        catch (JsonException e)
        {
            throw new FhirInputException(new[]
            {
                new ValidationError("(document)", FormattableString.Invariant($"is not JSON (the error is at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}).")),
            });
        }

        Resource? resource;
        IEnumerable<CodedException> issues;
        try
        {
            Deserializer.TryDeserializeResource(json, out resource, out issues);
        }
        catch (JsonException)
        {
            // Firely's deserializer throws, instead of reporting, on a resourceType that is a JSON array or object inside the
            // document (a bundle entry's or a contained resource's); the JSON itself was read above.
            var paths = entryTypes.Select((t, i) => (t, i)).Where(e => e.t.Kind == EntryTypeKind.NotAString).Select(e => EntryResourcePath(e.i)).ToArray();
            throw new FhirInputException(paths.Length > 0
                ? paths.Select(p => new ValidationError(p, "has a resourceType that is not a JSON string: every FHIR resource names its type in \"resourceType\" as a string; the resource's elements were not read.")).ToArray()
                : new[] { new ValidationError("(document)", "cannot be read as a FHIR R4 resource: a resource inside it (a contained one) has a resourceType that is not a JSON string; every FHIR resource names its type in \"resourceType\" as a string.") });
        }

        // A bundle entry's resource without a resourceType, or with one that is not a FHIR R4 resource type (misspelt or
        // in the wrong case): one error names the cause; the issues Firely reports for the elements inside it are dropped.
        var missingTypes = entryTypes.Select((t, i) => (t, i)).Where(e => e.t.Kind == EntryTypeKind.Missing).Select(e => EntryResourcePath(e.i)).ToArray();
        var notStringTypes = entryTypes.Select((t, i) => (t, i)).Where(e => e.t.Kind == EntryTypeKind.NotAString).Select(e => EntryResourcePath(e.i)).ToArray();
        var unreadable = issues.Where(i => i.ErrorCode is UnknownTypeCode or TypeCasingCode).Select(i => Root(InstancePath(i), rootType)).Where(p => p.Length > 0)
            .Concat(missingTypes).Concat(notStringTypes).ToArray();
        var dropMissingTypeIssues = missingTypes.Length > 0 && issues.Count(i => i.ErrorCode == NoResourceTypeCode) <= missingTypes.Length;
        var errors = missingTypes
            .Select(p => new ValidationError(p, "has no resourceType: every FHIR resource names its type in \"resourceType\"; the resource's elements were not read."))
            .Concat(notStringTypes.Select(p => new ValidationError(p, "has a resourceType that is not a JSON string: every FHIR resource names its type in \"resourceType\" as a string; the resource's elements were not read.")))
            .Concat(issues
                .Where(i => !Tolerated.Contains(i.ErrorCode) || IsBundleType(i, rootType, entryTypes))
                .Where(i => !(dropMissingTypeIssues && i.ErrorCode == NoResourceTypeCode))
                .Where(i => !notStringTypes.Contains(Root(InstancePath(i), rootType), StringComparer.Ordinal))
                .Where(i => i.ErrorCode is UnknownTypeCode or TypeCasingCode || !unreadable.Any(p => IsInside(Root(InstancePath(i), rootType), p)))
                .Select(i => new ValidationError(Where(i, rootType, entryTypes), Message(i, rootType, entryTypes))))
            .Distinct()
            .ToArray();
        if (errors.Length > 0 || resource is null)
        {
            throw new FhirInputException(errors.Length > 0 ? errors : new[] { new ValidationError("(document)", "cannot be read as a FHIR R4 resource.") });
        }

        var badIds = new List<ValidationError>();
        CheckIds(resource, rootType, rootType == "Bundle", badIds);
        if (badIds.Count > 0)
        {
            throw new FhirInputException(badIds);
        }

        return resource;
    }

    /// <summary>The longest FHIR id (FHIR R4 data type id: 1 to 64 characters).</summary>
    private const int MaximumIdLength = 64;

    /// <summary>
    /// Checks the id of a resource, of its contained resources and of a Bundle's entries (recursively): the mapper names
    /// every resource by <c>Type/id</c> in its report, so an id is input text shown as a label. It is refused when it
    /// cannot be shown faithfully — a control character (Unicode Cc), a format character (Cf: zero-width space, joiners,
    /// bidirectional controls, soft hyphen, byte order mark), a line or paragraph separator (Zl, Zp), a space (Zs) — or
    /// is longer than FHIR's 64 characters (a flood of text). Other departures from FHIR's id grammar (an underscore, as in
    /// real exports) are tolerated as Firely tolerates them, and shown as written. docs/fhir.md, "Resource ids". Used for
    /// parsed JSON here and by <see cref="Mapping.McodeMapper"/> for resources given to it in code.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <param name="path">Its path (<c>Bundle</c>, <c>resources[0](Condition)</c>).</param>
    /// <param name="typedEntries">Whether a Bundle's entry paths name the entry's resource type (<c>Bundle.entry[0].resource(Condition)</c>).</param>
    /// <param name="errors">Where the errors are added.</param>
    internal static void CheckIds(Resource resource, string path, bool typedEntries, List<ValidationError> errors)
    {
        if (AnyIdProblem(resource))
        {
            AddIdErrors(resource, path, typedEntries, errors);
        }
    }

    /// <summary>
    /// Whether <see cref="CheckIds"/> would find an error: nearly always every id is fine, which is found without building a
    /// path for each resource.
    /// </summary>
    internal static bool AnyIdProblem(Resource resource)
    {
        if (resource.Id is { } id && IdProblem(id))
        {
            return true;
        }

        if (Contained(resource) is { } containedList)
        {
            foreach (var contained in containedList)
            {
                if (contained is not null && AnyIdProblem(contained))
                {
                    return true;
                }
            }
        }

        if (resource is Bundle bundle)
        {
            foreach (var entry in bundle.Entry)
            {
                if (entry?.Resource is { } inEntry && AnyIdProblem(inEntry))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddIdErrors(Resource resource, string path, bool typedEntries, List<ValidationError> errors)
    {
        if (resource.Id is { } id && IdProblem(id))
        {
            errors.Add(new ValidationError(path + ".id", "holds a character that cannot be shown as a label (a control character, an invisible or bidirectional formatting character such as a zero-width space, a line or paragraph separator, or a space), or is longer than FHIR's 64 characters: the mapper names resources by their id in its report, so such an id is refused, as the patient reader refuses such characters in a case label; the id is not repeated here."));
        }

        if (Contained(resource) is { } containedList)
        {
            for (var i = 0; i < containedList.Count; i++)
            {
                if (containedList[i] is { } contained)
                {
                    AddIdErrors(contained, FormattableString.Invariant($"{path}.contained[{i}]"), false, errors);
                }
            }
        }

        if (resource is Bundle bundle)
        {
            for (var i = 0; i < bundle.Entry.Count; i++)
            {
                if (bundle.Entry[i]?.Resource is { } entry)
                {
                    var entryPath = FormattableString.Invariant($"{path}.entry[{i}].resource") + (typedEntries ? "(" + entry.TypeName + ")" : string.Empty);
                    AddIdErrors(entry, entryPath, false, errors);
                }
            }
        }
    }

    // A resource's contained resources, read without the getter (which creates an empty list, and throws for a value
    // kept in Firely's overflow by a lenient parse).
    private static List<Resource>? Contained(Resource resource) =>
        resource is DomainResource && resource.TryGetValue("contained", out var value) ? value as List<Resource> : null;

    private static bool IdProblem(string id)
    {
        if (id.Length > MaximumIdLength)
        {
            return true;
        }

        foreach (var c in id)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.OtherNotAssigned:
                    return true;
            }
        }

        return false;
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

    private enum EntryTypeKind
    {
        NoResource,
        Present,
        Missing,
        NotAString,
    }

    private readonly record struct EntryType(EntryTypeKind Kind, string? Name);

    // The resourceType of each bundle entry's resource as written: a string, absent, or another JSON value.
    private static EntryType[] EntryTypes(JsonElement root)
    {
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<EntryType>();
        }

        return entries.EnumerateArray()
            .Select(e => e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("resource", out var r) || r.ValueKind != JsonValueKind.Object
                ? new EntryType(EntryTypeKind.NoResource, null)
                : !r.TryGetProperty("resourceType", out var t)
                    ? new EntryType(EntryTypeKind.Missing, null)
                    : t.ValueKind == JsonValueKind.String ? new EntryType(EntryTypeKind.Present, t.GetString()) : new EntryType(EntryTypeKind.NotAString, null))
            .ToArray();
    }

    private static string EntryResourcePath(int index) => FormattableString.Invariant($"Bundle.entry[{index}].resource");

    // Whether a name is a FHIR R4 resource type, exactly as written (resourceType is case-sensitive; Firely's own
    // ModelInfo.IsKnownResource is not).
    private static bool IsResourceType(string name) => ModelInfo.SupportedResources.Contains(name, StringComparer.Ordinal);

    private static string InstancePath(CodedException issue) => (issue as ExtendedCodedException)?.InstancePath ?? string.Empty;

    // Firely names the document's own resource "$this" in some issues ("$this.type"); it is named by its type here.
    private static string Root(string path, string rootType) =>
        path == "$this" ? rootType : path.StartsWith("$this.", StringComparison.Ordinal) ? rootType + path.Substring("$this".Length) : path;

    private static bool IsInside(string path, string container) =>
        path.Length > container.Length && path.StartsWith(container, StringComparison.Ordinal) && (path[container.Length] == '.' || path[container.Length] == '[');

    // The resourceType as written, for an issue at a bundle entry's resource; null elsewhere (contained resources).
    private static string? RawType(CodedException issue, EntryType[] entryTypes)
    {
        var match = EntryPath.Match(InstancePath(issue));
        return match.Success && match.Length == InstancePath(issue).Length &&
               int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < entryTypes.Length
            ? entryTypes[index].Name
            : null;
    }

    // Whether an issue is about Bundle.type (the document's, or a bundle entry's Bundle's).
    private static bool IsBundleTypePath(string path, string rootType, EntryType[] entryTypes)
    {
        if (rootType != "Bundle")
        {
            return false;
        }

        if (path == "Bundle.type")
        {
            return true;
        }

        var match = EntryTypePath.Match(path);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            index < entryTypes.Length && entryTypes[index].Name == "Bundle";
    }

    // A Bundle.type that is not a code of BundleType (Firely keeps it, PVAL116 or PVAL124, and then throws when it is read).
    private static bool IsBundleType(CodedException issue, string rootType, EntryType[] entryTypes) =>
        (issue.ErrorCode is "PVAL116" or "PVAL124") && IsBundleTypePath(Root(InstancePath(issue), rootType), rootType, entryTypes);

    private static string Message(CodedException issue, string rootType, EntryType[] entryTypes)
    {
        var path = Root(InstancePath(issue), rootType);
        return issue.ErrorCode switch
        {
            UnknownTypeCode or TypeCasingCode => UnknownResourceType(RawType(issue, entryTypes)),
            "PVAL116" or "PVAL124" when IsBundleTypePath(path, rootType, entryTypes) =>
                "is not a Bundle type of FHIR R4 (the value is not repeated here): Bundle.type is one of " + string.Join(", ", BundleTypes) + ".",
            "PVAL105" when IsBundleTypePath(path, rootType, entryTypes) =>
                "is missing: a Bundle must give its type, one of " + string.Join(", ", BundleTypes) + " (any of them is read here).",
            _ => Describe(issue.ErrorCode),
        };
    }

    /// <summary>
    /// The error for a resourceType that is not a FHIR R4 resource type. A type name is not patient data, but it comes
    /// from the input: it is repeated only when it is a plain identifier of at most 64 letters and digits, with the
    /// R4 resource type it differs from only in case (resourceType is case-sensitive), or else the closest one when one is
    /// near (a misspelling).
    /// </summary>
    private static string UnknownResourceType(string? written)
    {
        if (written is null)
        {
            return "has a resourceType that is not a FHIR R4 resource type; the resource's elements were not read (Firely " + UnknownTypeCode + ").";
        }

        if (!PlainIdentifier.IsMatch(written))
        {
            return "is not a FHIR R4 resource type (the unknown resourceType is not repeated: it is not a plain identifier of at most 64 letters and digits); the resource's elements were not read (Firely " + UnknownTypeCode + ").";
        }

        var sameButCase = ModelInfo.SupportedResources.FirstOrDefault(n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            return "is \"" + written + "\", which is not a FHIR R4 resource type: resourceType is case-sensitive (did you mean \"" + sameButCase + "\"?); the resource was not read.";
        }

        var suggestion = ClosestResourceType(written);
        return "is \"" + written + "\", which is not a FHIR R4 resource type" +
            (suggestion is null ? string.Empty : " (did you mean \"" + suggestion + "\"?)") +
            "; the resource's elements were not read (Firely " + UnknownTypeCode + ").";
    }

    /// <summary>Significant digits (and decimal places) that <see cref="decimal"/> always holds exactly.</summary>
    private const int MaximumSignificantDigits = 28;

    /// <summary>
    /// Whether a JSON number (its text, already checked by the JSON reader) can be read as a <see cref="decimal"/> without
    /// rounding: at most 28 significant digits, the last no further right than the 28th decimal place. Leading and
    /// trailing zeros do not count (25.50, 2.55e1 and 25.500…0 with 40 zeros are exact); zero always is.
    /// </summary>
    internal static bool HeldExactly(ReadOnlySpan<byte> number)
    {
        var i = number.Length > 0 && number[0] == (byte)'-' ? 1 : 0;
        int significant = 0, trailingZeros = 0, fractionDigits = 0;
        var inFraction = false;
        for (; i < number.Length && number[i] != (byte)'e' && number[i] != (byte)'E'; i++)
        {
            var c = number[i];
            if (c == (byte)'.')
            {
                inFraction = true;
                continue;
            }

            fractionDigits += inFraction ? 1 : 0;
            if (c == (byte)'0')
            {
                trailingZeros += significant > 0 ? 1 : 0;
            }
            else
            {
                significant += trailingZeros + 1;
                trailingZeros = 0;
            }
        }

        if (significant == 0)
        {
            return true;
        }

        long exponent = 0;
        if (i < number.Length)
        {
            i++;
            var negative = i < number.Length && number[i] == (byte)'-';
            i += i < number.Length && (number[i] == (byte)'-' || number[i] == (byte)'+') ? 1 : 0;
            for (; i < number.Length; i++)
            {
                exponent = Math.Min(exponent * 10 + (number[i] - (byte)'0'), 1_000_000_000L);
            }

            exponent = negative ? -exponent : exponent;
        }

        // The power of ten of the last significant digit.
        var lastDigitPower = exponent - fractionDigits + trailingZeros;
        return significant <= MaximumSignificantDigits && lastDigitPower >= -MaximumSignificantDigits;
    }

    /// <summary>Refuses JSON nested deeper than <see cref="MaxDepth"/> levels with one clear error, before any parser recurses into it.</summary>
    private static void CheckDepth(string json) => CheckText(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// The checks <see cref="ParseResource"/> makes on the JSON text before Firely reads it, for a caller that hands UTF-8
    /// JSON to Firely's deserializer itself: nesting deeper than 64 levels, a <c>\u</c> escape of a lone UTF-16
    /// surrogate, and a number with more digits than a <see cref="decimal"/> holds exactly (Firely would round it).
    /// Text that is not JSON passes here; the parser reports it.
    /// </summary>
    /// <param name="utf8Json">The JSON, UTF-8.</param>
    /// <exception cref="FhirInputException">One of the problems above, at <c>(document)</c> with its byte position; no value is repeated.</exception>
    public static void CheckText(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if ((reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) && reader.CurrentDepth >= MaxDepth)
                {
                    throw new FhirInputException(new[]
                    {
                        new ValidationError("(document)", FormattableString.Invariant($"nests JSON objects and arrays more than {MaxDepth} levels deep (from byte {reader.TokenStartIndex + 1}): no FHIR R4 resource needs that depth, so the document was not read.")),
                    });
                }

                if (reader.TokenType is JsonTokenType.Number && !HeldExactly(reader.ValueSpan))
                {
                    // Firely reads FHIR decimals as System.Decimal and rounds what does not fit: 24.99…9 (36 digits) would
                    // be read as 25 and cross a clinical threshold (the FLR's 25 %, a lesion's 10 mm). Refused, not rounded.
                    throw new FhirInputException(new[]
                    {
                        new ValidationError("(document)", FormattableString.Invariant($"holds a number with more digits than can be read exactly (at most {MaximumSignificantDigits} significant digits and {MaximumSignificantDigits} decimal places; trailing zeros do not count), at byte {reader.TokenStartIndex + 1}: it is not rounded, and the document was not read (the number is not repeated here).")),
                    });
                }

                if ((reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) && !IsText(ref reader))
                {
                    throw new FhirInputException(new[]
                    {
                        new ValidationError("(document)", FormattableString.Invariant($"holds a string that is not valid Unicode text (a \\u escape of a lone surrogate, at byte {reader.TokenStartIndex + 1}): the document was not read (the string is not repeated here).")),
                    });
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: reported, with its position, when the document is parsed.
        }
    }

    /// <summary>
    /// Whether the string or property name the reader is on is text: a <c>\u</c> escape of a lone UTF-16 surrogate is valid
    /// JSON but not text, nor are bytes that are not UTF-8; every reader of such a string (ours and Firely's) throws
    /// <see cref="InvalidOperationException"/> when it takes it. A string without escapes (nearly all) is checked as UTF-8 in
    /// place, without making a string of it (the same rule <see cref="Utf8JsonReader.GetString"/> applies).
    /// </summary>
    internal static bool IsText(ref Utf8JsonReader reader)
    {
#if NET8_0_OR_GREATER
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);
        }
#endif
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string JsonKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a JSON array",
        JsonValueKind.String => "a JSON string",
        JsonValueKind.Number => "a JSON number",
        JsonValueKind.True or JsonValueKind.False => "a JSON boolean",
        JsonValueKind.Null => "JSON null",
        _ => "a JSON object",
    };

    private static string? ClosestResourceType(string written)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in ModelInfo.SupportedResources.OrderBy(n => n, StringComparer.Ordinal))
        {
            var distance = EditDistance(written.ToUpperInvariant(), name.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        // A misspelling, not another word: at most 1 edit for 4 letters or fewer, 2 up to 8, 3 beyond.
        return bestDistance <= (written.Length <= 4 ? 1 : written.Length <= 8 ? 2 : 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    // The FHIR path of an issue, with the type of the bundle entry's resource: Bundle.entry[2].resource(Condition).onset.
    private static string Where(CodedException issue, string rootType, EntryType[] entryTypes)
    {
        var path = Root(InstancePath(issue), rootType);
        if (path.Length == 0)
        {
            return "(document)";
        }

        var match = EntryPath.Match(path);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            index < entryTypes.Length && entryTypes[index].Name is { } type && IsResourceType(type))
        {
            return path.Substring(0, match.Length) + "(" + type + ")" + path.Substring(match.Length);
        }

        return path;
    }

    private static string Describe(string code) => code switch
    {
        "PVAL123" => "has the wrong JSON type for its FHIR data type (Firely " + code + ").",
        "PVAL128" => "is not an element of this FHIR R4 resource or data type (Firely " + code + ").",
        "PVAL130" => "is not a FHIR R4 resource type (Firely " + code + ").",
        "PVAL105" => "is missing: FHIR R4 requires it (minimum cardinality 1) (Firely " + code + ").",
        "JSON103" => "has a resource without a resourceType: every FHIR resource names its type in \"resourceType\" (Firely " + code + ").",
        "JSON129" => "has an element given twice: the same element name written twice, or two forms of one choice element (such as valueCodeableConcept and valueBoolean); FHIR allows one value, and none is chosen here (the element and its values are not repeated) (Firely " + code + ").",
        "JSON120" or "PVAL129" => "is an empty JSON object: FHIR R4 allows no empty elements or resources (Firely JSON120, PVAL129).",
        _ when code.StartsWith("JSON", StringComparison.Ordinal) => "is not valid FHIR JSON (Firely " + code + ").",
        _ => "cannot be read as FHIR R4 (Firely " + code + ").",
    };
}
