using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sarcoma.Consensus.Json.Internal;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// Reads and writes the patient document described by <c>docs/schema/patient.schema.json</c>: the JSON form of
/// <see cref="Patient"/>, with the property paths of <see cref="FactNames"/>.
/// </summary>
/// <remarks>
/// <para>
/// Reading is strict, because a misspelt field in clinical data must never be silently ignored: an unknown or
/// repeated property, a value of the wrong type, a code not in its list and a lesion without a site are all errors,
/// reported together with their JSONPaths in one <see cref="PatientJsonException"/>. Unknown facts are written by
/// leaving the property out or setting it to <see langword="null"/>; unknown is never read as "no". Dates are
/// <c>yyyy-MM-dd</c>; codes are kebab-case (<c>"intra-abdominal-visceral"</c>, <c>"partial-response"</c>,
/// <c>"r0"</c>); <c>primary.histology</c> is a histology code (<c>"leiomyosarcoma"</c>) or an ICD-O-3 morphology
/// code (<c>"8890/3"</c>); <c>primary.grade</c> is 1, 2 or 3 (or <c>"g1"</c>, <c>"g2"</c>, <c>"g3"</c>).
/// After mapping, the patient is checked by <see cref="PatientValidator"/> without an evaluation date, and
/// its problems are reported in the same exception type.
/// </para>
/// <para>
/// Two top-level properties besides the patient's are accepted: <c>"$schema"</c> (a string, for editors; ignored)
/// and <c>"label"</c> (a non-identifying case label of at most 200 characters, returned by
/// <see cref="ParseDocument(string)"/>; never written to error messages; do not log it).
/// </para>
/// <para>
/// Writing omits unknown facts and sections whose facts are all unknown, writes the histology as its code and the
/// grade as a number, and is deterministic: the same patient always gives the same bytes. All members are
/// thread-safe.
/// </para>
/// </remarks>
public static class PatientJson
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>Parses a patient document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The text is not valid JSON, not a valid patient document, or describes an inconsistent patient; every problem is listed.</exception>
    public static Patient Parse(string json) => ParseDocument(json).Patient;

    /// <summary>Parses a patient document, keeping its case label.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ParseDocument(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        using var document = ParseSyntax(() => JsonDocument.Parse(json, DocumentOptions));
        return PatientReader.Read(document.RootElement);
    }

    /// <summary>Reads a patient document from a UTF-8 stream (a leading byte order mark is allowed).</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static Patient Read(Stream utf8Json) => ReadDocument(utf8Json).Patient;

    /// <summary>Reads a patient document from a UTF-8 stream, keeping its case label.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ReadDocument(Stream utf8Json)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return ParseDocument(Decode(buffer));
    }

    /// <summary>Reads a patient document from a UTF-8 stream asynchronously.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static async Task<Patient> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        (await ReadDocumentAsync(utf8Json, cancellationToken).ConfigureAwait(false)).Patient;

    /// <summary>Reads a patient document from a UTF-8 stream asynchronously, keeping its case label.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static async Task<PatientDocument> ReadDocumentAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return ParseDocument(Decode(buffer));
    }

    /// <summary>Reads a patient document from a parsed JSON value (for example, a property of a larger document).</summary>
    /// <param name="element">The value: the patient object.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed. Paths are relative to <paramref name="element"/> (<c>$</c>).</exception>
    public static PatientDocument ReadDocument(JsonElement element)
    {
        try
        {
            return PatientReader.Read(element);
        }
        catch (InvalidOperationException)
        {
            // A document parsed by the caller from bytes may hold text that is not valid UTF-8.
            throw new PatientJsonException(new[] { new ValidationError(JsonPath.Root, "contains text that is not valid UTF-8.") });
        }
    }

    /// <summary>Writes a patient as a JSON document.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The patient is inconsistent, so its document could not be read back.</exception>
    public static string Serialize(Patient patient, JsonLayout layout = JsonLayout.Indented) =>
        Serialize(new PatientDocument(patient ?? throw new ArgumentNullException(nameof(patient))), layout);

    /// <summary>Writes a patient document, with its label, as JSON.</summary>
    /// <param name="document">The document.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The patient is inconsistent.</exception>
    public static string Serialize(PatientDocument document, JsonLayout layout = JsonLayout.Indented)
    {
        var checkedDocument = Check(document);
        return JsonOutput.ToText(layout, w => PatientWriter.Write(w, checkedDocument.Patient, checkedDocument.Label));
    }

    /// <summary>Writes a patient as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The patient is inconsistent.</exception>
    public static byte[] SerializeToUtf8Bytes(Patient patient, JsonLayout layout = JsonLayout.Indented)
    {
        var checkedDocument = Check(new PatientDocument(patient ?? throw new ArgumentNullException(nameof(patient))));
        return JsonOutput.ToUtf8Bytes(layout, w => PatientWriter.Write(w, checkedDocument.Patient, null));
    }

    /// <summary>Writes a patient as a JSON value to a writer; the writer's own options (indentation, encoder) apply.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="patient">The patient.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The patient is inconsistent.</exception>
    public static void Write(Utf8JsonWriter writer, Patient patient)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var checkedDocument = Check(new PatientDocument(patient ?? throw new ArgumentNullException(nameof(patient))));
        PatientWriter.Write(writer, checkedDocument.Patient, null);
    }

    private static PatientDocument Check(PatientDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        PatientValidator.EnsureValid(document.Patient);
        return document;
    }

    // Decodes strictly, so that invalid UTF-8 is reported with its position instead of failing later.
    private static string Decode(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer();
        var length = (int)buffer.Length;
        var start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, length - start);
        }
        catch (DecoderFallbackException e)
        {
            var index = start + Math.Max(0, e.Index);
            long line = 0;
            var lineStart = start;
            for (var i = start; i < index && i < length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            throw PatientJsonException.Syntax(line, index - lineStart, "is not valid UTF-8");
        }
    }

    private static JsonDocument ParseSyntax(Func<JsonDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            // The parser's message can quote a fragment of the document: keep only the position.
            throw PatientJsonException.Syntax(e.LineNumber, e.BytePositionInLine, "is not valid JSON");
        }
        catch (ArgumentException)
        {
            // Thrown when the string holds a lone surrogate, which has no UTF-8 form.
            throw new PatientJsonException(new[] { new ValidationError(JsonPath.Root, "contains text that is not valid Unicode (a lone surrogate).") });
        }
    }
}
