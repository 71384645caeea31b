using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>evaluate --batch IN.ndjson --out OUT.ndjson</c>: one patient document per input line, one compact report
/// (<see cref="JsonLayout.SingleLine"/>, <c>docs/schema/report.schema.json</c>) per output line.
/// </summary>
/// <remarks>
/// <para>
/// Streaming: a line is read, evaluated and written before the next is read, so memory stays flat however long the
/// file (a line longer than <see cref="NdjsonLineReader.MaximumLineBytes"/> is rejected without being held).
/// </para>
/// <para>
/// Blank lines are skipped. A line that cannot be evaluated (not JSON, not a patient document, an unknown property, an
/// invalid or inconsistent field, a date after the evaluation date) is rejected: standard error gets its line number and
/// the field paths — never a value from the line — and no report is written for it. A line whose evaluation fails
/// unexpectedly is rejected the same way (by the exception's type only) and the batch goes on: no input line stops a
/// batch. So the reports are in input order, one for each evaluated line; an out-of-scope patient is evaluated (its
/// report says why it is out of scope).
/// </para>
/// <para>
/// The reports go to a temporary file beside <c>--out</c>, renamed over it when the batch ends (<see cref="OutputFile"/>):
/// whatever stops the run early — an output failure, SIGINT or SIGTERM, even SIGKILL — <c>--out</c> is left absent or
/// as the previous complete file, never half-written. On SIGINT or SIGTERM the batch stops after the line it is on,
/// prints its summary and exits 130 or 143. A failure to write the output (a full disk) is reported as an output
/// failure naming <c>--out</c>, not blamed on a line.
/// </para>
/// <para>
/// Standard error ends with a summary (lines read, evaluated, of which out of scope, rejected, blank). While running, a
/// progress line is drawn on standard error only when it is a terminal. Exit code: 0 when every non-blank line was
/// evaluated, <see cref="ExitCodes.InvalidInput"/> (2) when any line was rejected, so a pipeline cannot mistake a
/// partial batch for a complete one; the good lines' reports are written either way.
/// </para>
/// </remarks>
public static class BatchEvaluation
{
    /// <summary>How often the progress line is redrawn, in lines.</summary>
    public const int ProgressEvery = 1000;

    private static readonly byte[] LineEnd = { (byte)'\n' };

    /// <summary>Runs the batch.</summary>
    /// <param name="environment">Standard error (messages, progress, summary), the engine and stop requests.</param>
    /// <param name="inputPath">The NDJSON input.</param>
    /// <param name="outputPath">The NDJSON output, created or replaced when the batch ends.</param>
    /// <param name="asOf">The evaluation date of every line.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="InvalidInputException">A file cannot be opened or read, or both paths name the same file.</exception>
    public static int Run(CliEnvironment environment, string inputPath, string outputPath, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        var shownOutput = DisplayText.Path(outputPath);
        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new InvalidInputException($"{shownOutput}: --out names the --batch input; write the reports to another file.");
        }

        // The input is opened first, so a missing input does not touch the output.
        using var input = PatientFile.OpenRead(inputPath, "batch input");
        using var output = OutputFile.Create(outputPath, "batch output");
        using var cooperation = environment.Interruption.Cooperate();
        var stderr = environment.Stderr;
        var progress = new ProgressLine(stderr, environment.StderrIsTerminal);
        var reader = new NdjsonLineReader(input);
        var counts = new Counts();
        try
        {
            while (ReadLine(reader, inputPath, out var content, out var tooLong))
            {
                counts.Read++;
                var line = reader.LineNumber;
                if (tooLong)
                {
                    Reject(line, new[] { string.Create(CultureInfo.InvariantCulture, $"(document): the line is longer than {NdjsonLineReader.MaximumLineBytes} bytes.") });
                }
                else if (NdjsonLineReader.IsBlank(content.Span))
                {
                    counts.Blank++;
                }
                else if (EvaluateLine(line, content) is { } report)
                {
                    output.Write(report);
                    output.Write(LineEnd);
                }

                if (counts.Read % ProgressEvery == 0)
                {
                    progress.Draw(counts.Describe());
                }

                if (environment.Interruption.IsRequested)
                {
                    break;
                }
            }

            if (environment.Interruption.IsRequested)
            {
                progress.Clear();
                var kept = output.IsDirect
                    ? $"the reports of the lines evaluated were written to {shownOutput}"
                    : $"no reports were written: {shownOutput} was left as it was";
                stderr.WriteLine($"Summary: {counts.Describe()}. As of {LocalDatePattern.Iso.Format(asOf)}. "
                    + string.Create(CultureInfo.InvariantCulture, $"Stopped by {environment.Interruption.SignalName} after line {reader.LineNumber}; {kept}."));
                return environment.Interruption.ExitCode;
            }

            output.Commit();
        }
        catch (OutputFailureException e)
        {
            progress.Clear();
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The batch stopped after line {reader.LineNumber} ({counts.Describe()}); ")
                + (output.IsDirect ? "the output holds the reports written before the failure." : $"{shownOutput} was left as it was."));
            return ExitCodes.OutputFailure;
        }

        progress.Clear();
        stderr.WriteLine($"Summary: {counts.Describe()}. As of {LocalDatePattern.Iso.Format(asOf)}; reports written to {shownOutput}.");
        return counts.Rejected == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;

        byte[]? EvaluateLine(long line, ReadOnlyMemory<byte> content)
        {
            try
            {
                if (!MemoryMarshal.TryGetArray(content, out var bytes))
                {
                    throw new InvalidOperationException("The line reader returns array-backed memory.");
                }

                using var json = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
                var document = FhirPatientFile.IsFhirLine(content.Span) ? FhirPatientFile.ReadBatchLine(content.Span) : PatientJson.ReadDocument(json);
                var report = environment.Evaluator.Evaluate(document.Patient, asOf);
                var serialized = ReportJson.SerializeToUtf8Bytes(report, JsonLayout.SingleLine);
                counts.Evaluated++;
                if (report.Scope.InScope == false)
                {
                    counts.OutOfScope++;
                }

                return serialized;
            }
            catch (PatientJsonException e) when (e.IsSyntaxError)
            {
                Reject(line, new[] { string.Create(CultureInfo.InvariantCulture, $"(document): not a valid JSON document in UTF-8 (the error is at byte {e.BytePositionInLine + 1} of the line).") });
            }
            catch (PatientJsonException e)
            {
                Reject(line, InputErrors.Lines(e.Errors));
            }
            catch (PatientValidationException e)
            {
                Reject(line, InputErrors.Lines(e.Errors));
            }
            catch (Fhir.Input.FhirInputException e)
            {
                Reject(line, FhirPatientFile.Lines(e));
            }
#pragma warning disable CA1031 // One line's failure must not stop the batch; its type is reported, never its message.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Reject(line, new[]
                {
                    $"(document): unexpected failure while evaluating this line ({e.GetType().Name}); the line was skipped. "
                    + "Its details are not shown because they may contain patient data; please report it.",
                });
            }

            return null;
        }

        void Reject(long line, System.Collections.Generic.IReadOnlyList<string> problems)
        {
            counts.Rejected++;
            progress.Clear();
            foreach (var problem in problems)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {line}: {problem}"));
            }
        }
    }

    // Reads the next line; a failure of the input itself (not of a line's content) stops the batch as unreadable input.
    private static bool ReadLine(NdjsonLineReader reader, string inputPath, out ReadOnlyMemory<byte> content, out bool tooLong)
    {
        try
        {
            return reader.ReadLine(out content, out tooLong);
        }
        catch (IOException e)
        {
            throw new InvalidInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"{DisplayText.Path(inputPath)}: the batch input cannot be read after line {reader.LineNumber} ({PatientFile.Reason(e)}); no reports were written."));
        }
    }

    private sealed class Counts
    {
        public long Read { get; set; }

        public long Evaluated { get; set; }

        public long OutOfScope { get; set; }

        public long Rejected { get; set; }

        public long Blank { get; set; }

        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Read} {(Read == 1 ? "line" : "lines")} read, {Evaluated} evaluated ({OutOfScope} out of scope), {Rejected} rejected, {Blank} blank");
    }

    // A single status line redrawn in place with a carriage return; drawn only on a terminal.
    private sealed class ProgressLine
    {
        private readonly TextWriter stderr;
        private readonly bool enabled;
        private int drawnLength;

        public ProgressLine(TextWriter stderr, bool enabled)
        {
            this.stderr = stderr;
            this.enabled = enabled;
        }

        public void Draw(string text)
        {
            if (!enabled)
            {
                return;
            }

            var line = "… " + text;
            stderr.Write("\r" + line.PadRight(drawnLength));
            stderr.Flush();
            drawnLength = line.Length;
        }

        public void Clear()
        {
            if (!enabled || drawnLength == 0)
            {
                return;
            }

            stderr.Write("\r" + new string(' ', drawnLength) + "\r");
            drawnLength = 0;
        }
    }
}
