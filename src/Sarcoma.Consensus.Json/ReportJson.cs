using System;
using System.IO;
using System.Text.Json;
using Sarcoma.Consensus.Json.Internal;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// Writes a <see cref="ConsensusReport"/> as JSON, in the shape of <c>docs/schema/report.schema.json</c>: the
/// guideline, the evaluation date, scope, timing, oligometastatic status, treatment-free interval and every
/// recommendation's result in catalog order, with its wording, grade, votes, status, rationale and the facts it read.
/// </summary>
/// <remarks>
/// <para>
/// The output is deterministic: the same report always gives the same bytes (fixed property order, UTF-8 without a
/// byte order mark, <c>\n</c> line ends on every platform). Every property is always present; an unknown or
/// not-applicable value is <see langword="null"/> and an empty list is <c>[]</c>, so consumers never need to tell
/// "absent" from "null".
/// </para>
/// <para>
/// Text is written with relaxed escaping (<see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>),
/// so the guideline's wording (≤, –) reads as written in files; HTML-sensitive characters are not escaped, so
/// HTML-encode any text taken from the report before putting it in a page.
/// </para>
/// <para>
/// For NDJSON, write each report with <see cref="JsonLayout.SingleLine"/> followed by <c>\n</c>. The report holds no
/// patient identifiers, but its findings quote the patient's clinical facts (dates, sizes): treat it as clinical data.
/// All members are thread-safe.
/// </para>
/// </remarks>
public static class ReportJson
{
    /// <summary>Writes a report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string Serialize(ConsensusReport report, JsonLayout layout = JsonLayout.Indented)
    {
        var checkedReport = Check(report);
        return JsonOutput.ToText(layout, w => ReportWriter.Write(w, checkedReport));
    }

    /// <summary>Writes a report as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="report">The report.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(ConsensusReport report, JsonLayout layout = JsonLayout.Indented)
    {
        var checkedReport = Check(report);
        return JsonOutput.ToUtf8Bytes(layout, w => ReportWriter.Write(w, checkedReport));
    }

    /// <summary>Writes a report as UTF-8 JSON to a stream (no byte order mark, no trailing line end).</summary>
    /// <param name="utf8Json">The stream; not closed.</param>
    /// <param name="report">The report.</param>
    /// <param name="layout">Indented (default) or single-line.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Stream utf8Json, ConsensusReport report, JsonLayout layout = JsonLayout.Indented)
    {
        var checkedReport = Check(report);
        JsonOutput.ToStream(utf8Json, layout, w => ReportWriter.Write(w, checkedReport));
    }

    /// <summary>Writes a report as a JSON value to a writer; the writer's own options (indentation, encoder) apply.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, ConsensusReport report)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        ReportWriter.Write(writer, Check(report));
    }

    private static ConsensusReport Check(ConsensusReport report) =>
        report ?? throw new ArgumentNullException(nameof(report));
}
