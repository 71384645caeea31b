using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using CsCheck;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>
/// Clinical safety rule 1: unknown is never "no". Making one known fact unknown may turn a result into "insufficient
/// data", but must never turn "applies" into "does not apply".
/// </summary>
public sealed class MonotonicityProperties
{
    private readonly ITestOutputHelper output;

    public MonotonicityProperties(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void A_fact_made_unknown_never_turns_applies_into_does_not_apply()
    {
        var watch = Stopwatch.StartNew();
        long compared = 0;

        // SARCOMA_FUZZ_SURVEY=FILE: collect every (recommendation, fact) that breaks the property, with the smallest
        // patient found for each, write them to FILE, and then fail as usual.
        var surveyFile = Environment.GetEnvironmentVariable("SARCOMA_FUZZ_SURVEY");
        var survey = string.IsNullOrEmpty(surveyFile) ? null : new ConcurrentDictionary<(string Id, string Fact), (long Count, string Smallest)>();
        Action<(Patient Patient, LocalDate AsOf), int> check = (input, choice) =>
        {
            var (patient, asOf) = input;
            if (ReportChecks.EvaluateOrReject(patient, asOf) is not { } before || before.Results.Count == 0)
            {
                return;
            }

            var unknowns = UnknownFacts.Of(patient);
            if (unknowns.Count == 0)
            {
                return;
            }

            var (fact, withoutFact) = unknowns[choice % unknowns.Count];
            if (ReportChecks.EvaluateOrReject(withoutFact, asOf) is not { } after || after.Results.Count == 0)
            {
                return;
            }

            System.Threading.Interlocked.Increment(ref compared);
            if (Violations(before, after, fact) is { Length: > 0 } violations)
            {
                if (survey is not null)
                {
                    Record(survey, before, after, fact, input);
                    return;
                }

                throw new ReportChecks.PropertyException(violations);
            }
        };

        PatientGenerators.Initialised.Select(Gen.Int[0, 10_000]).Sample(
            check,
            iter: FuzzSettings.MonotonicityPatients,
            seed: FuzzSettings.Seed,
            print: t => PatientProperties.Print(t.Item1) + " | fact choice " + t.Item2);

        if (survey is not null)
        {
            var lines = survey.OrderBy(e => e.Key.Id, StringComparer.Ordinal).ThenBy(e => e.Key.Fact, StringComparer.Ordinal)
                .Select(e => $"{e.Key.Id}\t{e.Key.Fact}\t{e.Value.Count}\t{e.Value.Smallest}");
            System.IO.File.WriteAllLines(surveyFile!, new[] { "recommendation\tfact made unknown\tcases\tsmallest patient" }.Concat(lines));
            output.WriteLine($"monotonicity survey: {compared} compared, {survey.Count} (recommendation, fact) pairs broken, written to {surveyFile}");
            Assert.Empty(survey.Keys);
        }

        output.WriteLine($"monotonicity: {FuzzSettings.MonotonicityPatients} patients, {compared} compared with one fact made unknown, 0 violations, {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// The same rule for the engine's decision that liver surgery is outside the voted indications 5.3/5.4 (a recorded
    /// lesion outside liver and lung, <see cref="Sarcoma.Consensus.Indication.LiverResectionCandidacy.IndividualBoardDecision"/>):
    /// making facts unknown never withdraws it. Random patients rarely reach the decision (a candidate or an undecided
    /// candidacy with a lesion outside liver and lung), so the check is exhaustive over every fact and every pair of facts
    /// of three patients who do: liver and peritoneal nodule fully staged, the same with staging unconfirmed (no liver MRI,
    /// no PET), liver and brain with fitness not assessed. Only removing the whole metastases record (which removes the
    /// lesion itself) may withdraw it.
    /// </summary>
    [Fact]
    public void Facts_made_unknown_never_withdraw_outside_the_voted_indications()
    {
        var asOf = new LocalDate(2026, 1, 15);
        Patient Seed(MetastaticSite site, bool? liverMri, bool? fdgPetCt, bool? fit) => Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2025, 11, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .AddLesion(site, sizeMm: 15, l => l.Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: liverMri, fdgPetCt: fdgPetCt)
            .WithPerformanceStatus(fit is null ? null : 0)
            .WithAsaClass(2)
            .FitForSurgery(fit)
            .NoPreviousLiverResection()
            .Build();

        var seeds = new[]
        {
            Seed(MetastaticSite.Peritoneum, liverMri: true, fdgPetCt: true, fit: true),
            Seed(MetastaticSite.Peritoneum, liverMri: null, fdgPetCt: null, fit: true),
            Seed(MetastaticSite.Brain, liverMri: true, fdgPetCt: true, fit: null),
        };

        var compared = 0;
        foreach (var seed in seeds)
        {
            Assert.True(Engine(seed)?.LiverResection?.IndividualBoardDecision, "the seed itself must reach the decision");
            foreach (var (first, withoutFirst) in UnknownFacts.Of(seed).Where(u => u.Fact != "metastases"))
            {
                Check(withoutFirst, first);
                foreach (var (second, withoutBoth) in UnknownFacts.Of(withoutFirst).Where(u => u.Fact != "metastases"))
                {
                    Check(withoutBoth, first + " and " + second);
                }
            }
        }

        Assert.True(compared > 100, "the seeds must give many erasures to compare");
        output.WriteLine($"outside the voted indications: {compared} patients with one or two facts made unknown, 0 withdrawn");

        void Check(Patient patient, string facts)
        {
            // An erasure the validation rejects (a date needed by another date) gives no report: nothing to compare.
            if (Engine(patient) is not { } after)
            {
                return;
            }

            compared++;
            Assert.True(
                after.LiverResection?.IndividualBoardDecision == true,
                $"outside the voted indications (5.3, 5.4) withdrawn when {facts} made unknown (candidacy after: \"{after.LiverResection?.CandidateFinding.Sentence}\")");
        }

        ConsensusReport? Engine(Patient patient) => ReportChecks.EvaluateOrReject(patient, asOf);
    }

    private static void Record(
        ConcurrentDictionary<(string Id, string Fact), (long Count, string Smallest)> survey,
        ConsensusReport before,
        ConsensusReport after,
        string fact,
        (Patient Patient, LocalDate AsOf) input)
    {
        var general = System.Text.RegularExpressions.Regex.Replace(fact, @"\[[0-9]+\]", "[]");
        var printed = PatientProperties.Print(input);
        foreach (var (first, second) in before.Results.Zip(after.Results))
        {
            if (first.Status == EvaluationStatus.Applies && second.Status == EvaluationStatus.DoesNotApply)
            {
                survey.AddOrUpdate(
                    (first.Id, general),
                    _ => (1, printed),
                    (_, old) => (old.Count + 1, printed.Length < old.Smallest.Length ? printed : old.Smallest));
            }
        }
    }

    /// <summary>Every recommendation that applied before the fact was made unknown and does not apply after.</summary>
    internal static string Violations(ConsensusReport before, ConsensusReport after, string fact) => string.Join(
        "; ",
        before.Results.Zip(after.Results)
            .Where(pair => pair.First.Status == EvaluationStatus.Applies && pair.Second.Status == EvaluationStatus.DoesNotApply)
            .Select(pair => $"{pair.First.Id}: applies -> does-not-apply when {fact} is made unknown (after: \"{pair.Second.Summary}\")"));
}
