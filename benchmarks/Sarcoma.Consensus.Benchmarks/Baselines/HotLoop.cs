using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// <c>--alloc</c>: bytes allocated per patient over the in-scope sample patients (the BaselineBenchmarks input), for the
/// context, each of the 9 core evaluators on a fresh context, the 9 together and all 34; deterministic, so usable on a
/// loaded machine. <c>--hot nine|all|line SECONDS</c>: runs one of those loops for a CPU profiler (dotnet-trace) to sample.
/// </summary>
public static class HotLoop
{
    /// <summary>Loads the in-scope sample patients.</summary>
    public static Patient[] Samples()
    {
        var engine = new ConsensusEngine();
        return Directory.GetFiles(Path.Combine(Paths.RepositoryRoot(), "samples", "patients"), "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => PatientJson.Parse(File.ReadAllText(f)))
            .Where(p => engine.Evaluate(p, Cohort.AsOf).Scope.InScope != false)
            .ToArray();
    }

    /// <summary>The JSON documents of the in-scope sample patients.</summary>
    public static string[] SampleJson(ConsensusEngine engine) =>
        Directory.GetFiles(Path.Combine(Paths.RepositoryRoot(), "samples", "patients"), "*.json")
            .OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText)
            .Where(t => engine.Evaluate(PatientJson.Parse(t), Cohort.AsOf).Scope.InScope != false).ToArray();

    /// <summary>Prints allocation per patient.</summary>
    public static int Alloc()
    {
        var patients = Samples();
        var engine = new ConsensusEngine();
        var nine = EvaluatorRegistry.All.Where(e => DecisionFacts.Ids.Contains(e.Recommendation.Id, StringComparer.Ordinal)).ToArray();
        Console.WriteLine($"Bytes allocated per patient over {patients.Length} in-scope samples:");
        Row("context (validation)", () => { foreach (var p in patients) { _ = new EvaluationContext(p, Cohort.AsOf); } });
        var baseBytes = Bytes(() => { foreach (var p in patients) { _ = new EvaluationContext(p, Cohort.AsOf); } });
        foreach (var e in nine)
        {
            var b = Bytes(() => { foreach (var p in patients) { e.Evaluate(new EvaluationContext(p, Cohort.AsOf)); } }) - baseBytes;
            Console.WriteLine($"  {e.Recommendation.Id,-36} {b / patients.Length,10:N0}");
        }

        var concepts = new (string Name, Func<EvaluationContext, object?> Read)[]
        {
            ("Timing", c => c.Timing),
            ("Oligometastatic", c => c.Oligometastatic),
            ("TreatmentFreeInterval", c => c.TreatmentFreeInterval),
            ("Fitness", c => c.Fitness),
            ("LiverResection", c => c.LiverResection),
            ("ImagingPlan", c => c.ImagingPlan),
            ("IsLiverRecurrence", c => c.IsLiverRecurrence),
        };
        foreach (var (name, read) in concepts)
        {
            var b = Bytes(() => { foreach (var p in patients) { read(new EvaluationContext(p, Cohort.AsOf)); } }) - baseBytes;
            Console.WriteLine($"  concept {name,-28} {b / patients.Length,10:N0}");
        }

        Row("the 9 (EngineNine)", () => Nine(patients, nine));
        Row("all 34 (engine.Evaluate)", () => { foreach (var p in patients) { engine.Evaluate(p, Cohort.AsOf); } });
        var json = SampleJson(engine);
        var compact = new ReportJsonOptions { Layout = ReportLayout.Compact, Formatting = JsonLayout.SingleLine };
        var reports = patients.Select(p => engine.Evaluate(p, Cohort.AsOf)).ToArray();
        Row("parse (PatientJson.Parse)", () => { foreach (var text in json) { PatientJson.Parse(text); } });
        Row("write compact (evaluated report)", () => { foreach (var r in reports) { ReportJson.SerializeToUtf8Bytes(r, compact); } });
        Row("compact line (parse, evaluate, write)", () => { foreach (var text in json) { ReportJson.SerializeToUtf8Bytes(engine.Evaluate(PatientJson.Parse(text), Cohort.AsOf), compact); } });
        return 0;

        void Row(string name, Action action) => Console.WriteLine($"  {name,-36} {Bytes(action) / patients.Length,10:N0}");
    }

    /// <summary>Loops for a profiler.</summary>
    public static int Hot(string what, double seconds)
    {
        var patients = Samples();
        var engine = new ConsensusEngine();
        var nine = EvaluatorRegistry.All.Where(e => DecisionFacts.Ids.Contains(e.Recommendation.Id, StringComparer.Ordinal)).ToArray();
        var json = what == "line" ? SampleJson(engine) : null;
        var compact = new ReportJsonOptions { Layout = ReportLayout.Compact, Formatting = JsonLayout.SingleLine };
        // A third of the time first, unmeasured, so that the JIT's tiering is done (its CPU time would count otherwise).
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < seconds / 3)
        {
            Round();
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcs = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            n += Round();
        }

        // CPU time (all the process's threads, GC included) is the figure to compare on a shared machine: wall time
        // there measures the other processes too.
        var cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / n;
        Console.WriteLine($"{n} patients, {watch.Elapsed.TotalMilliseconds * 1000 / n:F2} µs wall and {cpuMicros:F2} µs CPU per patient, {GC.CollectionCount(0) - gcs} gen-0 collections");
        return 0;

        int Round()
        {
            if (what == "nine")
            {
                Nine(patients, nine);
            }
            else if (json is not null)
            {
                // A compact batch line end to end: parse, evaluate all 34, write.
                foreach (var text in json)
                {
                    _ = ReportJson.SerializeToUtf8Bytes(engine.Evaluate(PatientJson.Parse(text), Cohort.AsOf), compact);
                }
            }
            else
            {
                foreach (var p in patients)
                {
                    engine.Evaluate(p, Cohort.AsOf);
                }
            }

            return patients.Length;
        }
    }

    private static int Nine(Patient[] patients, IRecommendationEvaluator[] nine)
    {
        var sum = 0;
        foreach (var patient in patients)
        {
            var context = new EvaluationContext(patient, Cohort.AsOf);
            foreach (var evaluator in nine)
            {
                sum += (int)evaluator.Evaluate(context).Status;
            }
        }

        return sum;
    }

    private static long Bytes(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
