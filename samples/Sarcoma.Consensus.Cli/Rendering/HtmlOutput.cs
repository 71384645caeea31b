using System;
using System.CommandLine;
using System.IO;
using System.Security;
using System.Text;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Reporting;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// <c>evaluate PATH --html FILE</c>: also writes the report as one self-contained HTML page (see <see cref="ReportHtml"/>),
/// alongside the normal output. The page is written to a temporary file beside FILE and then renamed over it, so FILE
/// is either the whole new page or left as it was: never half-written.
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
    public static void Write(string path, ConsensusReport report, PatientDocument document)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException($"{OptionName}: give the path of the HTML file to write.");
        }

        string? temporary = null;
        try
        {
            var target = Path.GetFullPath(path);
            if (Directory.Exists(target))
            {
                throw new InvalidInputException($"{OptionName} {path}: the HTML report cannot be written (it is a folder).");
            }

            temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Path.GetRandomFileName() + ".tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                ReportHtml.Write(report, document.Patient, writer, new ReportHtmlOptions { Label = document.Label });
            }

            File.Move(temporary, target, overwrite: true);
            temporary = null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException($"{OptionName} {path}: the HTML report cannot be written ({Reason(e)}).");
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the error that brought us here is what the user needs to read.
        }
    }

    // The reason in a few fixed words: the runtime's message repeats the path and may be localised.
    private static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => "its folder does not exist",
        UnauthorizedAccessException or SecurityException => "permission denied",
        PathTooLongException => "the path is too long",
        ArgumentException or NotSupportedException => "the path is not valid",
        _ => "an input/output error",
    };
}
