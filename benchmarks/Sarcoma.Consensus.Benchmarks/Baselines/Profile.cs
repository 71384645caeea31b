using System;
using System.Diagnostics;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// <c>--profile [count] [seed]</c>: a coarse stopwatch profile over a generated cohort (not a benchmark; the numbers are
/// for finding hot spots): the cost of each step of a batch line, and of each evaluator run alone on a fresh
/// <see cref="EvaluationContext"/> (so it pays for the derived concepts it reads), in µs per patient.
/// </summary>
public static class Profile
{
    /// <summary>Runs the profile.</summary>
    public static int Run(int count, int seed)
    {
        var engine = new ConsensusEngine();
        // Lines the validator rejects (the cohort makes some on purpose-free chance) are left out of every step.
        var json = Cohort.Lines(count, seed).Where(Valid).ToArray();
        var patients = json.Select(PatientJson.Parse).Where(p => engine.Evaluate(p, Cohort.AsOf).Scope.InScope != false).ToArray();
        var compact = new ReportJsonOptions { Layout = ReportLayout.Compact, Formatting = JsonLayout.SingleLine };
        var full = new ReportJsonOptions { Layout = ReportLayout.Full, Formatting = JsonLayout.SingleLine };
        var reports = patients.Select(p => engine.Evaluate(p, Cohort.AsOf)).ToArray();
        long compactBytes = 0, fullBytes = 0;
        Console.WriteLine($"Profile over {patients.Length} generated in-scope patients (seed {seed}; {count - json.Length} of {count} rejected by validation); µs per patient, best of 3 rounds.");
        Step("parse (PatientJson.Parse)", () => { foreach (var j in json) { PatientJson.Parse(j); } }, json.Length);
        Step("context only (validation)", () => { foreach (var p in patients) { _ = new EvaluationContext(p, Cohort.AsOf); } }, patients.Length);
        Step("evaluate all 34 (engine.Evaluate)", () => { foreach (var p in patients) { engine.Evaluate(p, Cohort.AsOf); } }, patients.Length);
        Step("write compact (evaluated report)", () => { compactBytes = 0; foreach (var r in reports) { compactBytes += ReportJson.SerializeToUtf8Bytes(r, compact).Length; } }, patients.Length);
        Step("write full (evaluated report)", () => { fullBytes = 0; foreach (var r in reports) { fullBytes += ReportJson.SerializeToUtf8Bytes(r, full).Length; } }, patients.Length);
        Console.WriteLine($"  bytes per report: compact {compactBytes / patients.Length:N0}, full {fullBytes / patients.Length:N0}");
        Console.WriteLine("Each derived concept alone on a fresh context (context construction subtracted):");
        var concepts = new (string Name, Func<EvaluationContext, object?> Read)[]
        {
            ("Timing", c => c.Timing),
            ("Oligometastatic", c => c.Oligometastatic),
            ("TreatmentFreeInterval", c => c.TreatmentFreeInterval),
            ("Fitness", c => c.Fitness),
            ("LiverResection (candidacy)", c => c.LiverResection),
            ("ImagingPlan", c => c.ImagingPlan),
            ("IsLiverRecurrence", c => c.IsLiverRecurrence),
            ("StagingAgeCautionMessage", c => c.StagingAgeCautionMessage),
        };
        var baseCost = Time(() => { foreach (var p in patients) { _ = new EvaluationContext(p, Cohort.AsOf); } });
        foreach (var (name, read) in concepts)
        {
            var micros = (Time(() => { foreach (var p in patients) { read(new EvaluationContext(p, Cohort.AsOf)); } }) - baseCost) / patients.Length;
            Console.WriteLine($"  {name,-28} {micros,8:F1} µs");
        }

        // Allocation of each concept's own computation: computed in this order on a fresh context, so each one finds the
        // concepts before it computed (deterministic bytes, unlike the times above).
        var owned = new (string Name, Func<EvaluationContext, object?> Read)[]
        {
            ("Timing", c => c.Timing),
            ("Oligometastatic", c => c.Oligometastatic),
            ("TreatmentFreeInterval", c => c.TreatmentFreeInterval),
            ("Fitness", c => c.Fitness),
            ("IsLiverRecurrence", c => c.IsLiverRecurrence),
            ("LiverLesions/Extrahepatic", c => (c.LiverLesions, c.ExtrahepaticLesions)),
            ("LiverLocation and flags", c => (c.LiverLocation, c.LiverCentralLocation, c.LiverVascularInvolvement)),
            ("LiverResection (candidacy)", c => c.LiverResection),
            ("OriginUncertainty", c => c.OriginUncertainty),
            ("BiopsyPlan", c => c.BiopsyPlan),
            ("ImagingPlan", c => c.ImagingPlan),
            ("FocalTherapy", c => c.FocalTherapy),
            ("PreoperativeChemotherapyFactors", c => c.PreoperativeChemotherapyFactors),
            ("FollowUpSchedule", c => c.FollowUpSchedule),
            ("RemetastasectomyWindow", c => c.RemetastasectomyWindow),
            ("PrognosticFactors", c => c.PrognosticFactors),
            ("StagingAgeCautionMessage", c => c.StagingAgeCautionMessage),
            ("BilobarComplexScenarioPresent", c => c.BilobarComplexScenarioPresent),
        };
        var ownBytes = new long[owned.Length];
        foreach (var p in patients)
        {
            var context = new EvaluationContext(p, Cohort.AsOf);
            for (var i = 0; i < owned.Length; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                owned[i].Read(context);
                ownBytes[i] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        Console.WriteLine("Allocation of each derived concept's own computation (in this order on a fresh context), bytes per patient:");
        for (var i = 0; i < owned.Length; i++)
        {
            Console.WriteLine($"  {owned[i].Name,-32} {ownBytes[i] / (double)patients.Length,8:N0} B");
        }

        Console.WriteLine($"  sum {ownBytes.Sum() / (double)patients.Length,8:N0} B");
        Console.WriteLine("Each evaluator alone on a fresh context (context construction subtracted):");
        var contextCost = Time(() => { foreach (var p in patients) { _ = new EvaluationContext(p, Cohort.AsOf); } });
        var rows = EvaluatorRegistry.All.Select(e => (e.Recommendation.Id, Micros: (Time(() =>
        {
            foreach (var p in patients)
            {
                e.Evaluate(new EvaluationContext(p, Cohort.AsOf));
            }
        }) - contextCost) / patients.Length)).OrderByDescending(r => r.Micros).ToArray();
        foreach (var (id, micros) in rows)
        {
            Console.WriteLine($"  {id,-5} {micros,8:F1} µs");
        }

        Console.WriteLine($"  sum of the 34 alone: {rows.Sum(r => r.Micros):F1} µs");

        // The marginal cost of each evaluator inside a whole evaluation: contexts whose derived concepts have all been
        // computed (by one full evaluation beforehand), so what is timed is the evaluator's own reading and result building.
        Console.WriteLine("Each evaluator on a context whose derived concepts are already computed (its cost within all 34):");
        var warm = patients.Select(p =>
        {
            var context = new EvaluationContext(p, Cohort.AsOf);
            _ = engine.Evaluate(context);
            return context;
        }).ToArray();
        var marginal = EvaluatorRegistry.All.Select(e =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var c in warm)
            {
                e.Evaluate(c);
            }

            var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)warm.Length;
            return (e.Recommendation.Id, Micros: Time(() =>
            {
                foreach (var c in warm)
                {
                    e.Evaluate(c);
                }
            }) / warm.Length, Bytes: bytes);
        }).OrderByDescending(r => r.Micros).ToArray();
        foreach (var (id, micros, bytes) in marginal)
        {
            Console.WriteLine($"  {id,-5} {micros,8:F2} µs {bytes,8:N0} B");
        }

        Console.WriteLine($"  sum of the 34 on computed concepts: {marginal.Sum(r => r.Micros):F1} µs, {marginal.Sum(r => r.Bytes):N0} B");
        return 0;

        void Step(string name, Action action, int n) => Console.WriteLine($"  {name,-40} {Time(action) / n,8:F1} µs");
    }

    private static bool Valid(string json)
    {
        try
        {
            _ = ConsensusEngine.Default.Evaluate(PatientJson.Parse(json), Cohort.AsOf);
            return true;
        }
        catch (Exception e) when (e is PatientJsonException or PatientValidationException)
        {
            return false;
        }
    }

    private static double Time(Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1000);
        }

        return best;
    }
}
