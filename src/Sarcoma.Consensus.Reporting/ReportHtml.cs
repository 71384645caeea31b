using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Reporting.Internal;

namespace Sarcoma.Consensus.Reporting;

/// <summary>
/// Writes a <see cref="ConsensusReport"/> as one self-contained HTML page for a clinician: the header (guideline,
/// evaluation date, scope, case label), the derived concepts at a glance, a disease timeline (with the synchronous
/// window of 2.1 and the DFI and TFI spans), the 13.1 follow-up calendar when there is one, a liver map of Couinaud
/// segments 1–8 with each liver lesion placed, sized and marked resectable / ablatable / vascular / central, the imaging
/// plan, and every recommendation as a card with its grade, a vote bar, its status for the patient and the reasons
/// (what applies first, then what needs facts, then what does not apply), the three items without consensus apart.
/// An out-of-scope patient gets a short page saying so and why.
/// </summary>
/// <remarks>
/// <para>
/// The page needs nothing else: inline CSS and SVG, no script, no font, image or style sheet from elsewhere (a
/// Content-Security-Policy forbids any load), so it opens on an offline workstation and can be archived as it is. It
/// prints on A4. Every drawing has a title, a description and a table that says the same in text; meaning is carried
/// by shape, pattern and words as well as colour.
/// </para>
/// <para>
/// Deterministic: the same report and patient give the same bytes (no clock, no random identifiers, invariant culture,
/// catalog and record order, <c>\n</c> line ends). Every value is HTML-encoded, and control characters are removed
/// from free text such as the case label. The page quotes the patient's clinical facts (dates, sizes): treat it as
/// clinical data. All members are thread-safe.
/// </para>
/// </remarks>
public static class ReportHtml
{
    /// <summary>Renders the report as an HTML document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="patient">The patient the report was evaluated for: the timeline and the liver map are drawn from its record.</param>
    /// <param name="options">The options (the case label); none when <see langword="null"/>.</param>
    /// <returns>The HTML document, starting with <c>&lt;!DOCTYPE html&gt;</c> and ending with a line end.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="patient"/> is <see langword="null"/>.</exception>
    public static string Render(ConsensusReport report, Patient patient, ReportHtmlOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(report, patient, writer, options);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the report as an HTML document to a writer (encode it as UTF-8: the page declares that charset). For an
    /// ASP.NET Core response body, where synchronous writes are disallowed, use
    /// <see cref="WriteAsync(Stream, ConsensusReport, Patient, ReportHtmlOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="patient">The patient the report was evaluated for: the timeline and the liver map are drawn from its record.</param>
    /// <param name="output">The writer; not closed.</param>
    /// <param name="options">The options (the case label); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/>, <paramref name="patient"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    public static void Write(ConsensusReport report, Patient patient, TextWriter output, ReportHtmlOptions? options = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        var view = ReportViewBuilder.Build(report, patient, options ?? new ReportHtmlOptions());
        HtmlTemplates.Render(view, output);
    }

    /// <summary>
    /// Writes the report as a UTF-8 HTML document (no byte order mark) to a stream asynchronously: the page is rendered
    /// in memory (about 100 KB for an in-scope patient), then written with one asynchronous write, so it suits an
    /// ASP.NET Core response body, where synchronous writes are disallowed. The bytes are those of
    /// <see cref="Render"/> encoded as UTF-8.
    /// </summary>
    /// <param name="utf8Html">The stream; not closed or flushed.</param>
    /// <param name="report">The report.</param>
    /// <param name="patient">The patient the report was evaluated for: the timeline and the liver map are drawn from its record.</param>
    /// <param name="options">The options (the case label); none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the page is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Html"/>, <paramref name="report"/> or <paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task WriteAsync(Stream utf8Html, ConsensusReport report, Patient patient, ReportHtmlOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (utf8Html is null)
        {
            throw new ArgumentNullException(nameof(utf8Html));
        }

        // Arguments are checked (and the page rendered) before the task starts, so a null argument throws here.
        var bytes = Utf8.GetBytes(Render(report, patient, options));
        return utf8Html.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
