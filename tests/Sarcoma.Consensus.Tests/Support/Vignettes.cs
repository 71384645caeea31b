using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Support;

/// <summary>
/// Clinical vignettes as readable builders. Each returns a fresh builder so a test can add or override facts.
/// All vignettes are evaluated as of <see cref="AsOf"/> unless a test says otherwise.
/// </summary>
public static partial class Vignettes
{
    /// <summary>The default evaluation date of the vignettes.</summary>
    public static readonly LocalDate AsOf = new(2026, 1, 15);

    /// <summary>
    /// Retroperitoneal leiomyosarcoma diagnosed 2021-03-01 and resected; two resectable right-lobe liver metastases
    /// found 30 months later; fully staged; no diffuse disease; ECOG 0.
    /// </summary>
    public static PatientBuilder MetachronousLiverOnlyOmd() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .WithAsaClass(2)
            .FitForSurgery()
            .NoPreviousLiverResection();

    /// <summary>
    /// Synchronous OMD: intra-abdominal leiomyosarcoma in place (resectable), diagnosed 2025-06-02, with one liver
    /// metastasis found at staging two weeks later; fully staged; induction chemotherapy planned.
    /// </summary>
    public static PatientBuilder SynchronousOmdOnInduction() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2025, 6, 2), grade: HistologicGrade.G3)
            .PrimaryInPlace(resectable: true)
            .MetastasesDetectedOn(new LocalDate(2025, 6, 16))
            .AddLesion(MetastaticSite.Liver, sizeMm: 41, l => l.InSegments(4).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(1)
            .InductionTherapyPlanned()
            .NoPreviousLiverResection();

    /// <summary>The metachronous vignette with diffuse peritoneal sarcomatosis added.</summary>
    public static PatientBuilder DiffusePeritonealDisease() =>
        MetachronousLiverOnlyOmd().WithDiffuseInvolvement(pleural: false, pericardial: false, peritoneal: true, leptomeningeal: false);

    /// <summary>A patient about whom almost nothing is known: histology only.</summary>
    public static PatientBuilder AlmostNothingKnown() =>
        Patient.Builder().WithPrimary(Histology.Leiomyosarcoma);

    /// <summary>Builds the context for a builder, as of <see cref="AsOf"/> unless given.</summary>
    internal static EvaluationContext Context(this PatientBuilder builder, LocalDate? asOf = null, ConsensusOptions? options = null) =>
        new(builder.Build(), asOf ?? AsOf, options);

    /// <summary>Evaluates one evaluator on a builder's patient.</summary>
    internal static RecommendationResult Evaluate(this IRecommendationEvaluator evaluator, PatientBuilder builder, LocalDate? asOf = null, ConsensusOptions? options = null) =>
        evaluator.Evaluate(builder.Context(asOf, options));
}
