using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Cli.Commands;

/// <summary>
/// <c>evaluate --batch IN.ndjson --out OUT.ndjson [--layout compact|full]</c>: one patient document per input line, one
/// output line per non-blank input line: its report (<see cref="ReportLayout.Compact"/> by default,
/// <c>docs/schema/report-compact.schema.json</c>; <see cref="ReportLayout.Full"/> with <c>--layout full</c>,
/// <c>docs/schema/report.schema.json</c>) or, when the line is rejected, a rejection
/// (<c>docs/schema/batch-rejection.schema.json</c>). Every output line carries <c>line</c>, the input line number, and a
/// report carries the document's <c>label</c>, so outputs join back to inputs.
/// </summary>
/// <remarks>
/// <para>
/// Streaming and parallel (#12): lines are read in order and evaluated by one thread per processor — the calling thread
/// and helper threads — and their outputs are written in input order, byte for byte what one line at a time would write.
/// At most <see cref="WindowPerWorker"/> lines per worker and <see cref="MaximumBytesInFlight"/> input bytes are in flight
/// (read, not yet written): beyond that the calling thread evaluates the oldest line not yet taken by a helper, or blocks
/// (without spinning) until the oldest is done, so memory stays bounded however long the file (a line longer than
/// <see cref="NdjsonLineReader.MaximumLineBytes"/> is rejected without being held). Each line in flight keeps its own
/// buffers for its bytes and its report, reused for later lines, so a line costs no copy beyond them.
/// </para>
/// <para>
/// Blank lines are skipped. A line that cannot be evaluated (not JSON, not a patient document, an unknown property, an
/// invalid or inconsistent field, a date after the evaluation date) is rejected: standard error gets its line number and
/// the field paths — never a value from the line — and the output gets a rejection line
/// <c>{"line":N,"rejected":true,"errors":[{"field":…,"message":…}]}</c> with the same paths and messages (no label: a
/// rejected line is not trusted). A line whose evaluation fails unexpectedly is rejected the same way (by the
/// exception's type only) and the batch goes on: no input line stops a batch. So the output lines are in input order,
/// one for each non-blank input line; an out-of-scope patient is evaluated (its report says why it is out of scope).
/// </para>
/// <para>
/// The reports go to a temporary file beside <c>--out</c>, renamed over it when the batch ends (<see cref="OutputFile"/>):
/// whatever stops the run early — an output failure, SIGINT or SIGTERM, even SIGKILL — <c>--out</c> is left absent or
/// as the previous complete file, never half-written. On SIGINT or SIGTERM the batch stops reading after the line it is on, finishes
/// the lines in flight, prints its summary and exits 130 or 143. A failure to write the output (a full disk) is reported as an output
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

    /// <summary>How many lines may be in flight (read, not yet written) per worker.</summary>
    public const int WindowPerWorker = 16;

    /// <summary>The most input bytes in flight; past it the batch waits for the oldest line, so memory stays bounded.</summary>
    public const long MaximumBytesInFlight = 16 * 1024 * 1024;

    private static readonly byte[] LineEnd = { (byte)'\n' };

    /// <summary>Runs the batch.</summary>
    /// <param name="environment">Standard error (messages, progress, summary), the engine and stop requests.</param>
    /// <param name="inputPath">The NDJSON input.</param>
    /// <param name="outputPath">The NDJSON output, created or replaced when the batch ends.</param>
    /// <param name="asOf">The evaluation date of every line.</param>
    /// <param name="layout">The layout of the reports: compact (the default) or full.</param>
    /// <param name="parallelism">How many lines are evaluated at once; <see cref="Environment.ProcessorCount"/> when
    /// <see langword="null"/>, 1 for one line at a time on the calling thread. The output is the same byte for byte.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="InvalidInputException">A file cannot be opened or read, or both paths name the same file.</exception>
    public static int Run(CliEnvironment environment, string inputPath, string outputPath, LocalDate asOf, ReportLayout layout = ReportLayout.Compact, int? parallelism = null)
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
        using var output = OutputFile.Create(outputPath, "batch output", "--out", ("--batch", inputPath));
        using var cooperation = environment.Interruption.Cooperate();
        var stderr = environment.Stderr;
        var progress = new ProgressLine(stderr, environment.StderrIsTerminal);
        var reader = new NdjsonLineReader(input);
        var counts = new Counts();
        var workers = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        var window = new Queue<LineWork>();
        var spare = new Stack<LineWork>();
        long bytesInFlight = 0;
        long writingLine = 0;

        // The calling thread reads, writes and evaluates too: workers - 1 helper threads evaluate beside it.
        using var helpers = workers > 1 ? new Helpers(workers - 1, EvaluateLine) : null;
        try
        {
            while (ReadLine(reader, inputPath, out var content, out var tooLong))
            {
                counts.Read++;
                var line = reader.LineNumber;
                if (tooLong)
                {
                    window.Enqueue(Take().Finished(line, LineOutcome.Rejected(Document(string.Create(CultureInfo.InvariantCulture, $"the line is longer than {NdjsonLineReader.MaximumLineBytes} bytes.")))));
                }
                else if (NdjsonLineReader.IsBlank(content.Span))
                {
                    counts.Blank++;
                }
                else
                {
                    // The reader reuses its buffer: the line is copied into the work item's own (reused) buffer.
                    var work = Take().Queue(line, content.Span);
                    bytesInFlight += work.InputLength;
                    window.Enqueue(work);
                    if (helpers is null)
                    {
                        work.TryRun(EvaluateLine);
                    }
                    else
                    {
                        helpers.Add(work);
                    }
                }

                // Write, in input order, every line already done; while the window is full, help evaluate or wait for
                // the oldest, so memory stays bounded whatever the input size.
                Drain(all: false);

                if (counts.Read % ProgressEvery == 0)
                {
                    progress.Draw(counts.Describe());
                }

                if (environment.Interruption.IsRequested)
                {
                    break;
                }
            }

            // The lines already read are finished and written, so the output holds every line up to the last one read.
            Drain(all: true);

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
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The batch stopped after line {writingLine} ({counts.Describe()}); ")
                + (output.IsDirect ? "the output holds the reports written before the failure." : $"{shownOutput} was left as it was."));
            return ExitCodes.OutputFailure;
        }

        progress.Clear();
        stderr.WriteLine($"Summary: {counts.Describe()}. As of {LocalDatePattern.Iso.Format(asOf)}; reports written to {shownOutput}.");
        return counts.Rejected == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;

        // A work item from the spare ones (their buffers kept), or a new one: at most the window's size are ever made.
        LineWork Take() => spare.Count > 0 ? spare.Pop() : new LineWork();

        // Writes the lines done, oldest first. Unless all are wanted, stops at the first not done while the window has
        // room; else makes it progress: evaluates it here when no helper has taken it, or another line waiting for a
        // helper, or waits for it.
        void Drain(bool all)
        {
            while (window.Count > 0)
            {
                var oldest = window.Peek();
                if (!oldest.IsDone)
                {
                    if (!all && window.Count < workers * WindowPerWorker && bytesInFlight <= MaximumBytesInFlight)
                    {
                        return;
                    }

                    if (!oldest.TryRun(EvaluateLine) && !(helpers?.TryRunOne(EvaluateLine) ?? false))
                    {
                        oldest.Wait();
                    }

                    continue;
                }

                WriteNext();
            }
        }

        // Writes the oldest line in flight, which is done: its report, or its rejection on both outputs.
        void WriteNext()
        {
            var next = window.Dequeue();
            bytesInFlight -= next.InputLength;
            writingLine = next.Line;
            var outcome = next.Outcome!;
            if (outcome.Report)
            {
                counts.Evaluated++;
                if (outcome.OutOfScope)
                {
                    counts.OutOfScope++;
                }

                output.Write(next.Output.WrittenSpan);
                output.Write(LineEnd);
            }
            else
            {
                Reject(next.Line, outcome.Problems!);
            }

            spare.Push(next.Recycle());
        }

        // Runs on the calling thread or a helper: touches nothing shared but the (thread-safe) evaluator; the report
        // goes to the work item's own buffer and is written in order by the calling thread.
        LineOutcome EvaluateLine(long line, ReadOnlyMemory<byte> content, IBufferWriter<byte> report)
        {
            try
            {
                var document = FhirPatientFile.IsFhirLine(content.Span) ? FhirPatientFile.ReadBatchLine(content.Span, asOf) : PatientJson.ReadDocument(content);
                var evaluated = environment.Evaluator.Evaluate(document.Patient, asOf);
                var options = new ReportJsonOptions { Layout = layout, Formatting = JsonLayout.SingleLine, Label = document.Label, LineNumber = line };
                ReportJson.Write(report, evaluated, options);
                return evaluated.Scope.InScope == false ? LineOutcome.OutOfScopeReport : LineOutcome.InScopeReport;
            }
            catch (PatientJsonException e) when (e.IsSyntaxError)
            {
                return LineOutcome.Rejected(Document(string.Create(CultureInfo.InvariantCulture, $"not a valid JSON document in UTF-8 (the error is at byte {e.BytePositionInLine + 1} of the line).")));
            }
            catch (PatientJsonException e)
            {
                return LineOutcome.Rejected(e.Errors);
            }
            catch (PatientValidationException e)
            {
                return LineOutcome.Rejected(e.Errors);
            }
            catch (Fhir.Input.FhirInputException e)
            {
                return LineOutcome.Rejected(e.Errors);
            }
#pragma warning disable CA1031 // One line's failure must not stop the batch; its type is reported, never its message.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return LineOutcome.Rejected(Document(
                    $"unexpected failure while evaluating this line ({e.GetType().Name}); the line was skipped. "
                    + "Its details are not shown because they may contain patient data; please report it."));
            }
        }

        // Standard error gets the problems as lines; the output gets them as a rejection line, so it joins back too.
        void Reject(long line, IReadOnlyList<ValidationError> problems)
        {
            counts.Rejected++;
            progress.Clear();
            foreach (var problem in InputErrors.Lines(problems))
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {line}: {problem}"));
            }

            output.Write(Rejection(line, problems));
            output.Write(LineEnd);
        }
    }

    // A problem with the line as a whole: the path of the document root, as the library names it.
    private static ValidationError[] Document(string message) => new[] { new ValidationError("$", message) };

    /// <summary>
    /// The output line of a rejected input line (<c>docs/schema/batch-rejection.schema.json</c>): its number and every
    /// problem with the field path the libraries give (<c>$</c> for the line as a whole) — never a value from the line.
    /// </summary>
    /// <param name="line">The one-based input line.</param>
    /// <param name="problems">The problems.</param>
    /// <returns>The UTF-8 JSON, one line without its line end.</returns>
    public static byte[] Rejection(long line, IReadOnlyList<ValidationError> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", line);
            writer.WriteBoolean("rejected", true);
            writer.WriteStartArray("errors");
            foreach (var problem in problems)
            {
                writer.WriteStartObject();
                writer.WriteString("field", problem.Field);
                writer.WriteString("message", problem.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
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

    // What a worker made of a line: a report (in the work item's buffer), or the problems of its rejection.
    internal sealed record LineOutcome(bool Report, bool OutOfScope, IReadOnlyList<ValidationError>? Problems)
    {
        public static readonly LineOutcome InScopeReport = new(true, false, null);

        public static readonly LineOutcome OutOfScopeReport = new(true, true, null);

        public static LineOutcome Rejected(IReadOnlyList<ValidationError> problems) => new(false, false, problems);
    }

    // How a line is evaluated: its number, its bytes, and the buffer its report is written to.
    internal delegate LineOutcome Evaluation(long line, ReadOnlyMemory<byte> content, IBufferWriter<byte> report);

    // A line in flight, in input order: its bytes, then its outcome and report. Claimed once (by the calling thread or a
    // helper, whichever comes first), so a line is evaluated exactly once; reused for a later line once written, with its
    // buffers, by the calling thread only.
    internal sealed class LineWork
    {
        private const int Queued = 0;
        private const int Running = 1;
        private const int Done = 2;

        private byte[] input = Array.Empty<byte>();
        private int state = Done;
        private readonly object gate = new();
        private int waiting;

        public long Line { get; private set; }

        public int InputLength { get; private set; }

        // The largest report array kept between lines (a compact report is a few kilobytes, a full one about 100 KB).
        public const int RetainedReportBytes = 256 * 1024;

        public ArrayBufferWriter<byte> Output { get; private set; } = new();

        public LineOutcome? Outcome { get; private set; }

        public bool IsDone => Volatile.Read(ref state) == Done;

        // Takes a copy of the line and makes it claimable (published last, so whoever claims it sees the copy).
        public LineWork Queue(long line, ReadOnlySpan<byte> content)
        {
            if (input.Length < content.Length)
            {
                input = new byte[Math.Max(content.Length, Math.Min(2 * input.Length, NdjsonLineReader.MaximumLineBytes))];
            }

            content.CopyTo(input);
            Line = line;
            InputLength = content.Length;
            Outcome = null;
            ClearOutput();
            Volatile.Write(ref state, Queued);
            return this;
        }

        // A line decided without evaluation (too long).
        public LineWork Finished(long line, LineOutcome outcome)
        {
            Line = line;
            InputLength = 0;
            ClearOutput();
            Outcome = outcome;
            Volatile.Write(ref state, Done);
            return this;
        }

        // Evaluates the line unless someone else has claimed it; whether this call did.
        public bool TryRun(Evaluation evaluate)
        {
            if (Interlocked.CompareExchange(ref state, Running, Queued) != Queued)
            {
                return false;
            }

            Outcome = evaluate(Line, new ReadOnlyMemory<byte>(input, 0, InputLength), Output);

            // Done is published with a full fence before waiting is read, and Wait sets waiting with a full fence before
            // reading the state: either the waiter sees Done, or this sees the waiter and wakes it (no lock otherwise).
            Interlocked.Exchange(ref state, Done);
            if (Volatile.Read(ref waiting) != 0)
            {
                lock (gate)
                {
                    Monitor.PulseAll(gate);
                }
            }

            return true;
        }

        // Blocks (without spinning, so the helpers keep the processors) until the line is done.
        public void Wait()
        {
            lock (gate)
            {
                Interlocked.Exchange(ref waiting, 1);
                while (Volatile.Read(ref state) != Done)
                {
                    Monitor.Wait(gate);
                }

                Volatile.Write(ref waiting, 0);
            }
        }

        // The largest input array kept between lines: a patient line is a few kilobytes, so an array grown for a rare long
        // line (up to NdjsonLineReader.MaximumLineBytes) is given back rather than held by every reused item of the window.
        public const int RetainedInputBytes = 64 * 1024;

        // Ready for another line: the buffers are kept, an over-large input or report buffer is given back, so what the
        // window holds stays bounded by its line count and MaximumBytesInFlight whatever mix of line lengths comes in.
        public LineWork Recycle()
        {
            Outcome = null;
            ClearOutput();
            if (input.Length > RetainedInputBytes)
            {
                input = Array.Empty<byte>();
            }

            return this;
        }

        // Forgets the report written; keeps its array for the next line unless it grew beyond RetainedReportBytes.
        private void ClearOutput()
        {
            if (Output.Capacity > RetainedReportBytes)
            {
                Output = new ArrayBufferWriter<byte>();
            }
            else
            {
                Output.ResetWrittenCount();
            }
        }

        // The input array's length (for the tests of what a recycled item keeps).
        internal int InputCapacity => input.Length;
    }

    // The helper threads: each takes the oldest line not yet claimed, evaluates it, and waits when there is none. Their
    // queue may hold a line the calling thread has claimed already (it is skipped) or a reused item twice (run once).
    private sealed class Helpers : IDisposable
    {
        private readonly ConcurrentQueue<LineWork> queue = new();
        private readonly SemaphoreSlim available = new(0);
        private readonly Thread[] threads;
        private readonly Evaluation evaluate;
        private volatile bool stopping;

        public Helpers(int count, Evaluation evaluate)
        {
            this.evaluate = evaluate;
            threads = new Thread[count];
            for (var i = 0; i < count; i++)
            {
                threads[i] = new Thread(Loop) { IsBackground = true, Name = "batch helper " + (i + 1).ToString(CultureInfo.InvariantCulture) };
                threads[i].Start();
            }
        }

        public void Add(LineWork work)
        {
            queue.Enqueue(work);
            available.Release();
        }

        // Evaluates on the calling thread the oldest line no helper has taken; whether there was one.
        public bool TryRunOne(Evaluation evaluation)
        {
            while (queue.TryDequeue(out var work))
            {
                if (work.TryRun(evaluation))
                {
                    return true;
                }
            }

            return false;
        }

        public void Dispose()
        {
            stopping = true;
            queue.Clear();
            available.Release(threads.Length);
            foreach (var thread in threads)
            {
                if (thread.IsAlive)
                {
                    thread.Join();
                }
            }

            available.Dispose();
        }

        private void Loop()
        {
            while (true)
            {
                available.Wait();
                if (stopping)
                {
                    return;
                }

                while (queue.TryDequeue(out var work))
                {
                    if (work.TryRun(evaluate))
                    {
                        break;
                    }
                }
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
