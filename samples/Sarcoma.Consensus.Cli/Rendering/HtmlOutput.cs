using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Reporting;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// <c>evaluate PATH --html FILE</c>: also writes the report as one self-contained HTML page (see <see cref="ReportHtml"/>),
/// alongside the normal output. The page is written through <see cref="OutputFile"/>, like every output option: to a
/// temporary file beside FILE and then renamed over it, so FILE is either the whole new page or left as it was, never
/// half-written; a device or pipe is written as it is; FILE may not be the patient file.
/// </summary>
public static class HtmlOutput
{
    /// <summary>The option's name on the command line.</summary>
    public const string OptionName = "--html";

    /// <summary>Adds the <c>--html FILE</c> option to the evaluate command, refused together with <c>--batch</c>.</summary>
    /// <param name="command">The evaluate command.</param>
    /// <param name="batch">Its <c>--batch</c> option.</param>
    /// <returns>The option, to read in the command's action.</returns>
    public static Option<string?> Attach(Command command, Option<string?> batch)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(batch);
        var html = new Option<string?>(OptionName)
        {
            Description = "Also write the report as one self-contained HTML page (disease timeline, liver map, follow-up calendar, "
                + "recommendation cards; no network, printable on A4) to FILE, replaced if it exists.",
            HelpName = "FILE",
        };
        command.Options.Add(html);
        command.Validators.Add(result =>
        {
            if (result.GetResult(html) is not null && result.GetResult(batch) is not null)
            {
                result.AddError("--html is for a single PATH; --batch writes one JSON report per line.");
            }
        });
        return html;
    }

    /// <summary>Writes the HTML page of a report.</summary>
    /// <param name="path">FILE, as given on the command line.</param>
    /// <param name="report">The report.</param>
    /// <param name="document">The patient document the report was evaluated from (the patient and its case label).</param>
    /// <exception cref="InvalidInputException">FILE cannot be written; the message names <c>--html</c> and the path, never patient data.</exception>
    /// <exception cref="OutputFailureException">FILE could not be written (a full disk or device); the message names <c>--html</c>.</exception>
    public static void Write(string path, ConsensusReport report, PatientDocument document) => Write(path, report, document, (string?)null);

    /// <summary>
    /// Writes the HTML page of a report through <see cref="OutputFile"/>: replaced whole or not at all, a device or pipe
    /// written as it is (never replaced by a file), and never the patient file it was evaluated from.
    /// </summary>
    /// <param name="path">FILE, as given on the command line.</param>
    /// <param name="report">The report.</param>
    /// <param name="document">The patient document the report was evaluated from (the patient and its case label).</param>
    /// <param name="inputPath">PATH, the patient file read; FILE may not be the same file. <see langword="null"/> when there is none.</param>
    /// <exception cref="InvalidInputException">FILE cannot be written, or is the patient file; the message names <c>--html</c> and the path, never patient data.</exception>
    /// <exception cref="OutputFailureException">FILE could not be written (a full disk or device); the message names <c>--html</c>.</exception>
    public static void Write(string path, ConsensusReport report, PatientDocument document, string? inputPath) =>
        Write(path, report, document, ("PATH", inputPath));

    /// <summary>
    /// Writes the HTML page of a report evaluated from a FHIR Bundle (<c>--fhir</c>) and, optionally, its answers
    /// (<c>--answers</c>): FILE may be neither of them (through <c>..</c>, a symlink or a hard link).
    /// </summary>
    /// <param name="path">FILE, as given on the command line.</param>
    /// <param name="report">The report.</param>
    /// <param name="document">The patient the report was evaluated from.</param>
    /// <param name="bundlePath">The <c>--fhir</c> file.</param>
    /// <param name="answersPath">The <c>--answers</c> file, or <see langword="null"/>.</param>
    /// <exception cref="InvalidInputException">FILE cannot be written, or is an input; the message names <c>--html</c> and the paths, never patient data.</exception>
    /// <exception cref="OutputFailureException">FILE could not be written (a full disk or device); the message names <c>--html</c>.</exception>
    public static void Write(string path, ConsensusReport report, PatientDocument document, string bundlePath, string? answersPath) =>
        Write(path, report, document, ("--fhir", bundlePath), ("--answers", answersPath));

    private static void Write(string path, ConsensusReport report, PatientDocument document, params (string Name, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException($"{OptionName}: give the path of the HTML file to write.");
        }

        using var file = OutputFile.Create(path, "HTML report", OptionName, inputs);
        using (var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
        {
            ReportHtml.Write(report, document.Patient, text, new ReportHtmlOptions { Label = document.Label });
            file.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()));
        }

        file.Commit();
    }
}
