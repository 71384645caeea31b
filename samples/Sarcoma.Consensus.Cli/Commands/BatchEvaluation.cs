using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Cli.Input;
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
/// the field paths — never a value from the line — and no report is written for it. So the reports are in input
/// order, one for each evaluated line; an out-of-scope patient is evaluated (its report says why it is out of scope).
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

    /// <summary>Runs the batch.</summary>
    /// <param name="environment">Standard error (messages, progress, summary) and the engine.</param>
    /// <param name="inputPath">The NDJSON input.</param>
    /// <param name="outputPath">The NDJSON output, created or replaced.</param>
    /// <param name="asOf">The evaluation date of every line.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="InvalidInputException">A file cannot be opened, or both paths name the same file.</exception>
    public static int Run(CliEnvironment environment, string inputPath, string outputPath, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new InvalidInputException($"{outputPath}: --out names the --batch input; write the reports to another file.");
        }

        // The input is opened first, so a missing input does not leave an empty output behind.
        using var input = PatientFile.OpenRead(inputPath, "batch input");
        using var output = PatientFile.Create(outputPath, "batch output");
        var stderr = environment.Stderr;
        var progress = new ProgressLine(stderr, environment.StderrIsTerminal);
        var reader = new NdjsonLineReader(input);
        var counts = new Counts();
        while (reader.ReadLine(out var content, out var tooLong))
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
            else
            {
                EvaluateLine(line, content);
            }

            if (counts.Read % ProgressEvery == 0)
            {
                progress.Draw(counts.Describe());
            }
        }

        output.Flush();
        progress.Clear();
        stderr.WriteLine($"Summary: {counts.Describe()}. As of {LocalDatePattern.Iso.Format(asOf)}; reports written to {outputPath}.");
        return counts.Rejected == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;

        void EvaluateLine(long line, ReadOnlyMemory<byte> content)
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
                ReportJson.Write(output, report, JsonLayout.SingleLine);
                output.WriteByte((byte)'\n');
                counts.Evaluated++;
                if (report.Scope.InScope == false)
                {
                    counts.OutOfScope++;
                }
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
            catch (Exception)
            {
                // Not the input's fault: say where the batch stopped, and let the generic handler report it (exit 1).
                progress.Clear();
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {line}: unexpected failure; the batch stops here ({counts.Describe()})."));
                throw;
            }
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
