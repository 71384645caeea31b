using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sarcoma.Consensus.Json.Internal;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// Writes a <see cref="ConsensusReport"/> as JSON, in one of two layouts (<see cref="ReportLayout"/>). The full layout
/// (<c>docs/schema/report.schema.json</c>, the default) holds the guideline, the evaluation date, scope, timing,
/// oligometastatic status, treatment-free interval and every recommendation's result in catalog order, with its wording,
/// grade, votes, status, rationale and the facts it read. The compact layout (<c>docs/schema/report-compact.schema.json</c>)
/// holds the decisions and their reasons as data and references the catalogue's wording. Both carry the provenance
/// (library version, guideline DOI, catalogue hash, <c>asOf</c>, options that differ from the defaults), the patient
/// document's <c>label</c> and, in a batch, the input <c>line</c> (<see cref="ReportJsonOptions"/>).
/// </summary>
/// <remarks>
/// <para>
/// The output is deterministic: the same report and options always give the same bytes (fixed property order, message
/// arguments in the order stored, numbers and dates formatted invariantly, dates ISO <c>yyyy-MM-dd</c>, UTF-8 without a
/// byte order mark, <c>\n</c> line ends on every platform). In the full layout every property is always present (except
/// <c>line</c>, written only in a batch); an unknown or not-applicable value is <see langword="null"/> and an empty list is <c>[]</c>. In the compact layout
/// a <see langword="null"/> value or an empty list is left out.
/// </para>
/// <para>
/// Text is written with relaxed escaping (<see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>),
/// so the guideline's wording (≤, –) reads as written in files; HTML-sensitive characters are not escaped, so
/// HTML-encode any text taken from the report before putting it in a page.
/// </para>
/// <para>
/// For NDJSON, write each report with <see cref="JsonLayout.SingleLine"/> followed by <c>\n</c>. For an HTTP response,
/// use <see cref="WriteAsync(Stream, ConsensusReport, ReportJsonOptions?, CancellationToken)"/> (ASP.NET Core forbids
/// synchronous writes to a response body) or let the serializer write the report through
/// <see cref="SarcomaJsonSerializerOptions.AddSarcomaConsensus"/>. The report holds no patient identifiers, but its
/// findings quote the patient's clinical facts (dates, sizes) and the label is free text: treat it as clinical data.
/// All members are thread-safe.
/// </para>
/// </remarks>
public static class ReportJson
{
    /// <summary>Writes a report as JSON text in the full layout.</summary>
    /// <param name="report">The report.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string Serialize(ConsensusReport report, JsonLayout layout = JsonLayout.Indented) =>
        Serialize(report, ReportJsonOptions.Default with { Formatting = layout });

    /// <summary>Writes a report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The layout, white space, label and line; <see cref="ReportJsonOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string Serialize(ConsensusReport report, ReportJsonOptions? options)
    {
        var checkedReport = Check(report);
        var o = options ?? ReportJsonOptions.Default;
        return JsonOutput.ToText(o.Formatting, w => ReportWriter.Write(w, checkedReport, o));
    }

    /// <summary>Writes a report as UTF-8 JSON bytes (no byte order mark) in the full layout.</summary>
    /// <param name="report">The report.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(ConsensusReport report, JsonLayout layout = JsonLayout.Indented) =>
        SerializeToUtf8Bytes(report, ReportJsonOptions.Default with { Formatting = layout });

    /// <summary>Writes a report as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The layout, white space, label and line; <see cref="ReportJsonOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(ConsensusReport report, ReportJsonOptions? options)
    {
        var checkedReport = Check(report);
        var o = options ?? ReportJsonOptions.Default;
        return JsonOutput.ToUtf8Bytes(o.Formatting, w => ReportWriter.Write(w, checkedReport, o));
    }

    /// <summary>
    /// Appends a report as UTF-8 JSON (no byte order mark, no trailing line end) to a buffer writer: the bytes
    /// <see cref="SerializeToUtf8Bytes(ConsensusReport, ReportJsonOptions?)"/> returns, without allocating an array for
    /// them (for batches that write many reports into reused buffers).
    /// </summary>
    /// <param name="utf8Json">
    /// The buffer writer; the document is appended to what it holds. If writing fails (an exception), part of the document
    /// may already have been appended: discard what was written since the call (as <c>evaluate --batch</c> does).
    /// </param>
    /// <param name="report">The report.</param>
    /// <param name="options">The layout, white space, label and line; <see cref="ReportJsonOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is <see langword="null"/>.</exception>
    public static void Write(IBufferWriter<byte> utf8Json, ConsensusReport report, ReportJsonOptions? options)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        var checkedReport = Check(report);
        var o = options ?? ReportJsonOptions.Default;
        JsonOutput.ToBufferWriter(utf8Json, o.Formatting, w => ReportWriter.Write(w, checkedReport, o));
    }

    /// <summary>Writes a report as UTF-8 JSON to a stream in the full layout (no byte order mark, no trailing line end).</summary>
    /// <param name="utf8Json">The stream; not closed.</param>
    /// <param name="report">The report.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Stream utf8Json, ConsensusReport report, JsonLayout layout = JsonLayout.Indented) =>
        Write(utf8Json, report, ReportJsonOptions.Default with { Formatting = layout });

    /// <summary>Writes a report as UTF-8 JSON to a stream (no byte order mark, no trailing line end), synchronously.</summary>
    /// <param name="utf8Json">The stream; not closed. For an ASP.NET Core response body use <see cref="WriteAsync(Stream, ConsensusReport, ReportJsonOptions?, CancellationToken)"/>.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">The layout, white space, label and line; <see cref="ReportJsonOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is <see langword="null"/>.</exception>
    public static void Write(Stream utf8Json, ConsensusReport report, ReportJsonOptions? options)
    {
        var checkedReport = Check(report);
        var o = options ?? ReportJsonOptions.Default;
        JsonOutput.ToStream(utf8Json, o.Formatting, w => ReportWriter.Write(w, checkedReport, o));
    }

    /// <summary>
    /// Writes a report as UTF-8 JSON to a stream asynchronously (no byte order mark, no trailing line end): the document
    /// is built in memory, then written with one asynchronous write, so it suits an ASP.NET Core response body, where
    /// synchronous writes are disallowed.
    /// </summary>
    /// <param name="utf8Json">The stream; not closed or flushed.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">The layout, white space, label and line; <see cref="ReportJsonOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code language="csharp"><![CDATA[
    /// app.MapPost("/report", async (HttpContext http, IConsensusEvaluator evaluator, CancellationToken ct) =>
    /// {
    ///     var document = await PatientJson.ReadDocumentAsync(http.Request.Body, ct);
    ///     var report = evaluator.EvaluateToday(document.Patient);
    ///     http.Response.ContentType = "application/json";
    ///     await ReportJson.WriteAsync(http.Response.Body, report, ReportJsonOptions.Default.For(document), ct);
    /// });
    /// ]]></code>
    /// </example>
    public static Task WriteAsync(Stream utf8Json, ConsensusReport report, ReportJsonOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        var bytes = SerializeToUtf8Bytes(report, options);
        return JsonOutput.WriteAsync(utf8Json, bytes, cancellationToken);
    }

    /// <summary>Writes a report in the full layout as a JSON value to a writer; the writer's own options (indentation, encoder) apply.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, ConsensusReport report) => Write(writer, report, null);

    /// <summary>Writes a report as a JSON value to a writer; the writer's own options (indentation, encoder) apply, so <see cref="ReportJsonOptions.Formatting"/> is ignored.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <param name="options">The layout, label and line; <see cref="ReportJsonOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="report"/> is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, ConsensusReport report, ReportJsonOptions? options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        ReportWriter.Write(writer, Check(report), options ?? ReportJsonOptions.Default);
    }

    /// <summary>
    /// Gets the JSON Schema (draft 2020-12) of a layout, as shipped in this package: the text of
    /// <c>docs/schema/report.schema.json</c> (full) or <c>docs/schema/report-compact.schema.json</c> (compact).
    /// </summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The schema text (UTF-8 JSON).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is not a defined layout.</exception>
    public static string Schema(ReportLayout layout) => layout switch
    {
        ReportLayout.Full => EmbeddedSchemas.Read("report.schema.json"),
        ReportLayout.Compact => EmbeddedSchemas.Read("report-compact.schema.json"),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), "Not a report layout."),
    };

    /// <summary>
    /// Gets the catalogue a compact report refers to, as JSON text (indented, <c>\n</c> line ends): the library version,
    /// the recommendation catalogue's hash (as in <see cref="ReportProvenance.CatalogHash"/>), the
    /// <c>compactCatalogHash</c> (<c>sha256:</c> and 64 hex digits, identifying the key table and the defaults; every compact
    /// report written against this catalogue carries the same value, so a mismatch is detected, never misread), the
    /// language, the <c>keys</c> (every message code of the reference wording in ordinal order: a compact report's key
    /// <c>n</c> is item <c>n</c>), the <c>arguments</c> defaults by message code (the arguments a compact report's message
    /// leaves out when it has exactly these values), the <c>findings</c> defaults by message code (the <c>fact</c>, <c>value</c>, <c>comparison</c>, <c>threshold</c> and
    /// <c>source</c> that a compact report's finding leaves out when it has exactly these) and the <c>messages</c>: every
    /// message template of the language by code (the subset of ICU MessageFormat of <c>docs/wording.md</c>, English where
    /// the language lacks a code). With it and the recommendation catalogue (<c>sarcoma-consensus catalog --json</c>), every
    /// sentence and finding of the full layout can be rebuilt from a compact report. <c>sarcoma-consensus catalog
    /// --messages</c> writes the same document. Decode a report only with the catalogue whose <c>compactCatalogHash</c>
    /// equals the report's.
    /// </summary>
    /// <param name="language">An ISO 639-1 code among <see cref="Wording.MessageCatalog.Languages"/>; <c>en</c> (the reference wording) by default.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">No wording ships for <paramref name="language"/>.</exception>
    public static string CompactCatalog(string language = "en") => CompactCatalogWriter.Write(language);

    private static ConsensusReport Check(ConsensusReport report) =>
        report ?? throw new ArgumentNullException(nameof(report));
}
