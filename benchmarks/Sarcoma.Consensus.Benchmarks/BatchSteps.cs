using System;
using System.Buffers;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Sarcoma.Consensus.Benchmarks.Baselines;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks;

/// <summary>
/// <c>--steps [count] [seed] [rounds]</c>: the CPU time of each step of a batch line over a generated cohort, on one thread
/// and by the batch's own paths (the line read from its UTF-8 bytes, the report written into a reused buffer with its line
/// number). Not a benchmark: for comparing two builds on a shared machine, where the process's CPU time (GC threads
/// included) varies far less than wall time. Every step runs unmeasured first (5 s), so that tiered compilation is done. Each step is run <c>rounds</c> times and the lowest is printed, in µs per line.
/// </summary>
public static class BatchSteps
{
    /// <summary>Runs the steps and prints their cost.</summary>
    /// <param name="count">Generated lines (those the validator rejects are left out).</param>
    /// <param name="seed">The cohort's seed.</param>
    /// <param name="rounds">Repetitions of each step; the lowest is printed.</param>
    /// <returns>The exit code.</returns>
    public static int Run(int count, int seed, int rounds)
    {
        var engine = new ConsensusEngine();
        var lines = Cohort.Lines(count, seed).Select(text => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(text))).Where(Valid).ToArray();
        var patients = lines.Select(line => PatientJson.ReadDocument(line).Patient).ToArray();
        var reports = patients.Select(patient => engine.Evaluate(patient, Cohort.AsOf)).ToArray();
        var compact = new ReportJsonOptions { Layout = ReportLayout.Compact, Formatting = JsonLayout.SingleLine, LineNumber = 1 };
        var full = new ReportJsonOptions { Layout = ReportLayout.Full, Formatting = JsonLayout.SingleLine, LineNumber = 1 };
        var output = new ArrayBufferWriter<byte>(256 * 1024);
        // Every step first runs unmeasured for a few seconds, so that tiered compilation has finished (the JIT's background
        // thread would otherwise count in the process's CPU time and the steps would run partly unoptimised code).
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 5)
        {
            foreach (var line in lines)
            {
                output.ResetWrittenCount();
                ReportJson.Write(output, engine.Evaluate(PatientJson.ReadDocument(line).Patient, Cohort.AsOf), compact);
            }

            Write(full);
        }

        Console.WriteLine($"CPU time per line over {lines.Length} generated lines (seed {seed}, {count - lines.Length} rejected left out), lowest of {rounds} rounds:");
        Step("read (PatientJson.ReadDocument, bytes)", () => { foreach (var line in lines) { _ = PatientJson.ReadDocument(line); } });
        Step("evaluate all 34", () => { foreach (var patient in patients) { _ = engine.Evaluate(patient, Cohort.AsOf); } });
        Step("write compact (reused buffer)", () => Write(compact));
        Step("write full (reused buffer)", () => Write(full));
        Step("compact line (read, evaluate, write)", () =>
        {
            foreach (var line in lines)
            {
                output.ResetWrittenCount();
                ReportJson.Write(output, engine.Evaluate(PatientJson.ReadDocument(line).Patient, Cohort.AsOf), compact);
            }
        });
        return 0;

        void Write(ReportJsonOptions options)
        {
            foreach (var report in reports)
            {
                output.ResetWrittenCount();
                ReportJson.Write(output, report, options);
            }
        }

        void Step(string name, Action action)
        {
            var best = double.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                var process = Process.GetCurrentProcess();
                var before = process.TotalProcessorTime;
                action();
                process.Refresh();
                best = Math.Min(best, (process.TotalProcessorTime - before).TotalMilliseconds * 1000 / lines.Length);
            }

            Console.WriteLine($"  {name,-40} {best,8:F1} µs");
        }
    }

    private static bool Valid(ReadOnlyMemory<byte> line)
    {
        try
        {
            _ = PatientJson.ReadDocument(line);
            return true;
        }
        catch (PatientJsonException)
        {
            return false;
        }
        catch (PatientValidationException)
        {
            return false;
        }
    }
}
