using System;
using System.IO;
using System.Runtime.InteropServices;
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
/// reported together with their paths (<c>metastases.lesions[0].sizeMm</c>, the <see cref="FactNames"/> form every
/// exception of the library uses) in one <see cref="PatientJsonException"/>. Unknown facts are written by
/// leaving the property out or setting it to <see langword="null"/>; unknown is never read as "no". Dates are
/// <c>yyyy-MM-dd</c> with a four-digit year (no sign); codes are kebab-case (<c>"intra-abdominal-visceral"</c>, <c>"partial-response"</c>,
/// <c>"r0"</c>); <c>primary.histology</c> is a histology code (<c>"leiomyosarcoma"</c>) or an ICD-O-3 morphology
/// code (<c>"8890/3"</c>); <c>primary.grade</c> is 1, 2 or 3 (or <c>"g1"</c>, <c>"g2"</c>, <c>"g3"</c>).
/// After mapping, the patient is checked by <see cref="PatientValidator"/> without an evaluation date, with the
/// plausible date range of the options passed (the defaults, 1950-01-01 to 2099-12-31, when none are), and
/// its problems are reported in the same exception: together with the unknown properties when those are the only
/// problems of the reading (an unknown property is ignored, so the patient read is exactly what the known properties
/// say), so that a client learns every problem at once; after any other problem (a wrong type, a repeated property) the
/// patient is not checked, since what was read is not what the document says.
/// </para>
/// <para>
/// Any string of the document, or property name, that is not valid Unicode (an escaped lone surrogate such as
/// <c>"\ud800"</c>) is reported by its path in a <see cref="PatientJsonException"/>, whichever way the document is
/// read. A string and a stream are read alike: one leading byte order mark is allowed in both.
/// </para>
/// <para>
/// Two top-level properties besides the patient's are accepted: <c>"$schema"</c> (a string, for editors; ignored)
/// and <c>"label"</c> (a non-identifying case label of at most 200 characters, returned by
/// <see cref="ParseDocument(string)"/>; never written to error messages; do not log it). The label is free text
/// shown in reports, so it must not hold control characters (line breaks, tabs, terminal escape sequences), Unicode
/// line or paragraph separators, bidirectional formatting characters or other invisible format characters (Unicode
/// category Cf, such as the zero-width space U+200B): they could forge or hide report lines.
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

    /// <summary>Parses a patient document, checking its dates against the default plausible range.</summary>
    /// <param name="json">The JSON text; one leading byte order mark (U+FEFF) is allowed, as <see cref="Read(Stream)"/> allows one.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The text is not valid JSON, not a valid patient document, or describes an inconsistent patient; every problem is listed.</exception>
    public static Patient Parse(string json) => ParseDocument(json, null).Patient;

    /// <summary>Parses a patient document, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="json">The JSON text; one leading byte order mark is allowed.</param>
    /// <param name="options">The options the patient will be evaluated with (their <see cref="ConsensusOptions.EarliestPlausibleDate"/> and <see cref="ConsensusOptions.LatestPlausibleDate"/>); the defaults when <see langword="null"/>.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static Patient Parse(string json, ConsensusOptions? options) => ParseDocument(json, options).Patient;

    /// <summary>Parses a patient document, keeping its case label.</summary>
    /// <param name="json">The JSON text; one leading byte order mark is allowed.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ParseDocument(string json) => ParseDocument(json, null);

    /// <summary>Parses a patient document, keeping its case label, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="json">The JSON text; one leading byte order mark is allowed.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ParseDocument(string json, ConsensusOptions? options)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        // One byte order mark is allowed, whether the text came from a string or from a stream (Read keeps it as U+FEFF).
        if (json.Length > 0 && json[0] == '\uFEFF')
        {
            json = json.Substring(1);
        }

        var text = TextCheck.EscapeLoneSurrogates(json)
            ?? throw new PatientJsonException(new[] { new ValidationError(JsonPath.Root, "contains text that is not valid Unicode (a lone surrogate).") });
        using var document = ParseSyntax(text);
        return PatientReader.Read(document.RootElement, options, unicodeKnownValid: !TextCheck.MayHoldSurrogateEscape(text));
    }

    /// <summary>Reads a patient document from a UTF-8 stream (a leading byte order mark is allowed).</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static Patient Read(Stream utf8Json) => ReadDocument(utf8Json, null).Patient;

    /// <summary>Reads a patient document from a UTF-8 stream, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static Patient Read(Stream utf8Json, ConsensusOptions? options) => ReadDocument(utf8Json, options).Patient;

    /// <summary>Reads a patient document from a UTF-8 stream, keeping its case label.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ReadDocument(Stream utf8Json) => ReadDocument(utf8Json, null);

    /// <summary>Reads a patient document from a UTF-8 stream, keeping its case label, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ReadDocument(Stream utf8Json, ConsensusOptions? options)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return ParseUtf8(buffer.GetBuffer(), (int)buffer.Length, options);
    }

    /// <summary>
    /// Reads a patient document from UTF-8 bytes, keeping its case label: the same document, problems and exceptions as
    /// <see cref="ReadDocument(Stream)"/> over a stream of these bytes, without copying them into a stream (for callers
    /// that hold the bytes already, such as an NDJSON batch line).
    /// </summary>
    /// <param name="utf8Json">The document's bytes (one UTF-8 byte order mark may open them); not kept after the call.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ReadDocument(ReadOnlyMemory<byte> utf8Json) => ReadDocument(utf8Json, null);

    /// <summary>
    /// Reads a patient document from UTF-8 bytes, keeping its case label, checking its dates against the plausible range
    /// of <paramref name="options"/>: as <see cref="ReadDocument(Stream, ConsensusOptions?)"/> over a stream of these bytes.
    /// </summary>
    /// <param name="utf8Json">The document's bytes (one UTF-8 byte order mark may open them); not kept after the call.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static PatientDocument ReadDocument(ReadOnlyMemory<byte> utf8Json, ConsensusOptions? options)
    {
        if (MemoryMarshal.TryGetArray(utf8Json, out var segment))
        {
            return ParseUtf8(segment.Array!, segment.Offset, segment.Count, options);
        }

        var copy = utf8Json.ToArray();
        return ParseUtf8(copy, 0, copy.Length, options);
    }

    /// <summary>Reads a patient document from a UTF-8 stream asynchronously.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static Task<Patient> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        ReadAsync(utf8Json, null, cancellationToken);

    /// <summary>Reads a patient document from a UTF-8 stream asynchronously, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated patient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static async Task<Patient> ReadAsync(Stream utf8Json, ConsensusOptions? options, CancellationToken cancellationToken = default) =>
        (await ReadDocumentAsync(utf8Json, options, cancellationToken).ConfigureAwait(false)).Patient;

    /// <summary>Reads a patient document from a UTF-8 stream asynchronously, keeping its case label.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static Task<PatientDocument> ReadDocumentAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        ReadDocumentAsync(utf8Json, null, cancellationToken);

    /// <summary>Reads a patient document from a UTF-8 stream asynchronously, keeping its case label, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed.</exception>
    public static async Task<PatientDocument> ReadDocumentAsync(Stream utf8Json, ConsensusOptions? options, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return ParseUtf8(buffer.GetBuffer(), (int)buffer.Length, options);
    }

    /// <summary>Reads a patient document from a parsed JSON value (for example, a property of a larger document).</summary>
    /// <param name="element">The value: the patient object.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed. Paths are relative to <paramref name="element"/> (itself <c>$</c>).</exception>
    public static PatientDocument ReadDocument(JsonElement element) => ReadDocument(element, null);

    /// <summary>Reads a patient document from a parsed JSON value, checking its dates against the plausible range of <paramref name="options"/>.</summary>
    /// <param name="element">The value: the patient object.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <returns>The validated patient and its label.</returns>
    /// <exception cref="ArgumentException">The options' plausible date range is invalid.</exception>
    /// <exception cref="PatientJsonException">The document is invalid; every problem is listed. Paths are relative to <paramref name="element"/> (itself <c>$</c>); text that is not valid Unicode (a lone surrogate, or bytes that were not UTF-8) is named by its path.</exception>
    public static PatientDocument ReadDocument(JsonElement element, ConsensusOptions? options)
    {
        try
        {
            return PatientReader.Read(element, options);
        }
        catch (InvalidOperationException)
        {
            // Every string was checked by path first (TextCheck); this is the last line of defence.
            throw new PatientJsonException(new[] { new ValidationError(JsonPath.Root, "contains text that is not valid Unicode.") });
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

    /// <summary>Writes a patient document, with its label, as UTF-8 JSON to a stream asynchronously (built in memory, then written with one asynchronous write, so it suits an ASP.NET Core response body).</summary>
    /// <param name="utf8Json">The stream; not closed or flushed.</param>
    /// <param name="document">The document.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The patient is inconsistent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task WriteAsync(Stream utf8Json, PatientDocument document, JsonLayout layout = JsonLayout.Indented, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        var checkedDocument = Check(document);
        var bytes = JsonOutput.ToUtf8Bytes(layout, w => PatientWriter.Write(w, checkedDocument.Patient, checkedDocument.Label));
        return JsonOutput.WriteAsync(utf8Json, bytes, cancellationToken);
    }

    /// <summary>Gets the JSON Schema (draft 2020-12) of the patient document as shipped in this package: the text of <c>docs/schema/patient.schema.json</c>.</summary>
    public static string Schema => EmbeddedSchemas.Read("patient.schema.json");

    private static PatientDocument Check(PatientDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        PatientValidator.EnsureValid(document.Patient);
        return document;
    }

    private static PatientDocument ParseUtf8(byte[] bytes, int length, ConsensusOptions? options) => ParseUtf8(bytes, 0, length, options);

    // The bytes of a document, read as ParseDocument reads their text (decoded strictly) but without making the text:
    // valid UTF-8 is parsed as it is (JsonDocument would transcode the text back to these very bytes, so the document,
    // the positions in syntax errors and the problems are the same); one byte order mark is skipped as ParseDocument
    // skips U+FEFF; valid UTF-8 holds no lone surrogate (the strict decoder refuses encoded ones), so only an escape can
    // make one. Anything else (invalid UTF-8, or a target without a UTF-8 validator) goes through the text, unchanged.
    private static PatientDocument ParseUtf8(byte[] bytes, int offset, int length, ConsensusOptions? options)
    {
#if NET8_0_OR_GREATER
        var span = new ReadOnlySpan<byte>(bytes, offset, length);
        if (System.Text.Unicode.Utf8.IsValid(span))
        {
            var skip = span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF ? 3 : 0;
            var json = new ReadOnlyMemory<byte>(bytes, offset + skip, length - skip);
            using var document = ParseSyntax(json);
            return PatientReader.Read(document.RootElement, options, unicodeKnownValid: !TextCheck.MayHoldSurrogateEscape(json.Span));
        }
#endif

        return ParseDocument(Decode(bytes, offset, length), options);
    }

    // Decodes strictly, so that invalid UTF-8 is reported with its position instead of failing later. A byte order mark
    // is decoded like any other character (U+FEFF) and left to ParseDocument, so a string and a stream accept the same.
    private static string Decode(byte[] buffer, int offset, int length)
    {
        var bytes = offset == 0 ? buffer : new ReadOnlySpan<byte>(buffer, offset, length).ToArray();
        try
        {
            return StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Max(0, e.Index);
            long line = 0;
            var lineStart = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            for (var i = 0; i < index && i < length; i++)
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

    private static JsonDocument ParseSyntax(string text)
    {
        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
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

#if NET8_0_OR_GREATER
    // The same for valid UTF-8 bytes (which hold no lone surrogate).
    private static JsonDocument ParseSyntax(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            // The parser's message can quote a fragment of the document: keep only the position.
            throw PatientJsonException.Syntax(e.LineNumber, e.BytePositionInLine, "is not valid JSON");
        }
    }
#endif
}
