using BenchmarkDotNet.Attributes;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks;

/// <summary>
/// Cost of evaluating all 34 recommendations for one patient, as a ratio to validating the same patient
/// (the unavoidable work every evaluation starts with), measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 1, 15);
    private readonly ConsensusEngine engine = new();
    private Patient metachronous = null!;
    private Patient unknown = null!;
    private Patient gist = null!;
    private Patient manyLesions = null!;

    /// <summary>Builds the patients once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        metachronous = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable())
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .WithAsaClass(2)
            .FitForSurgery()
            .NoPreviousLiverResection()
            .Build();
        unknown = new Patient();
        gist = Patient.Builder().WithPrimary(Histology.Gist).Build();
        manyLesions = Patient.Builder()
            .WithPrimary(Histology.SynovialSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2019, 5, 1))
            .Resected()
            .MetastasesDetectedOn(new LocalDate(2024, 5, 1))
            .AddLesions(1000, MetastaticSite.Lung, 6, l => l.Resectable(false).Ablatable(false))
            .Build();
    }

    /// <summary>Baseline: validating the patient only.</summary>
    /// <returns>The error count.</returns>
    [Benchmark(Baseline = true)]
    public int ValidateOnly() => PatientValidator.Validate(metachronous, AsOf).Count;

    /// <summary>All 34 recommendations for a fully described metachronous patient.</summary>
    /// <returns>The result count.</returns>
    [Benchmark]
    public int EvaluateMetachronousOmd() => engine.Evaluate(metachronous, AsOf).Results.Count;

    /// <summary>All 34 recommendations for a patient about whom nothing is known.</summary>
    /// <returns>The result count.</returns>
    [Benchmark]
    public int EvaluateEmptyRecord() => engine.Evaluate(unknown, AsOf).Results.Count;

    /// <summary>An out-of-scope patient (GIST): validated, then nothing evaluated.</summary>
    /// <returns>The result count.</returns>
    [Benchmark]
    public int EvaluateOutOfScope() => engine.Evaluate(gist, AsOf).Results.Count;

    /// <summary>The largest record the validator accepts: 1000 lesions.</summary>
    /// <returns>The result count.</returns>
    [Benchmark]
    public int EvaluateThousandLesions() => engine.Evaluate(manyLesions, AsOf).Results.Count;
}
