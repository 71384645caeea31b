using System.Linq;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Biopsy;

/// <summary>Recommendations 3.1, 3.2 (no consensus) and 3.3.</summary>
public sealed class BiopsyEvaluatorTests
{
    private readonly ResectableMetachronousLiverBiopsyEvaluator resectableMetachronous = new();
    private readonly SynchronousInductionBiopsyEvaluator synchronousInduction = new();
    private readonly BiopsyCoreSamplingEvaluator coreSampling = new();

    // 3.1

    [Fact]
    public void Resectable_metachronous_liver_metastases_after_a_long_DFI_could_be_biopsied_but_need_not_be()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
            .InductionTherapyPlanned(false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("not mandatory", result.Summary);
        Assert.Contains("could be considered", result.Summary);
        Assert.Contains("long disease-free interval", result.Summary);
        Assert.Contains(ResultFlag.Caution, result.Flags);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Short_DFI_without_origin_doubt_or_induction_needs_no_biopsy()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("none of the reasons", result.Summary);
        Assert.DoesNotContain("could be considered,", result.Summary);
        ResultSnapshot.Match(result, "applies-no-reason");
    }

    [Fact]
    public void Unrecorded_origin_facts_are_listed_as_findings_not_read_as_absent()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("not mandatory", result.Summary);
        Assert.Contains(FactNames.HccRiskFactors, result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.ColorectalCancerHistory && f.Value == "unknown");
        ResultSnapshot.Match(result, "applies-origin-unrecorded");
    }

    [Fact]
    public void Synchronous_liver_metastases_are_outside_the_metachronous_population()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("synchronous", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void An_unresectable_liver_lesion_rules_out_the_resectable_population_even_with_dates_missing()
    {
        var result = resectableMetachronous.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .AddLesion(MetastaticSite.Liver, sizeMm: 30, l => l.Resectable())
            .AddLesion(MetastaticSite.Liver, sizeMm: 60, l => l.Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("Not every liver lesion is resectable", result.Summary);
    }

    [Fact]
    public void No_liver_lesion_rules_out_the_population()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.LungOnlyMetastases());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
    }

    [Fact]
    public void Unknown_resectability_leaves_the_population_undecided()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, sizeMm: 18, l => l.InSegments(3)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Missing_dates_and_lesions_are_all_named()
    {
        var result = resectableMetachronous.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Metastases, FactNames.MetastasesDetectedOn, FactNames.PrimaryDiagnosedOn }, result.Missing);
    }

    // 3.2 (no consensus)

    [Fact]
    public void Synchronous_OMD_on_induction_is_the_scenario_voted_on_without_consensus()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.StartsWith("No consensus (62% agreement):", result.Summary);
        Assert.Contains("not as a recommendation", result.Summary);
        Assert.DoesNotContain("should", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Metachronous_disease_is_not_the_scenario_voted_on()
    {
        var result = synchronousInduction.Evaluate(Vignettes.MetachronousLiverOnlyOmd().InductionTherapyPlanned());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("No consensus (62% agreement):", result.Summary);
        Assert.Contains("metachronous", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Synchronous_OMD_without_induction_is_not_the_scenario_voted_on()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousLiverOmdTreatmentUndecided().InductionTherapyPlanned(false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("no induction systemic therapy is planned", result.Summary);
    }

    [Fact]
    public void Synchronous_OMD_with_undecided_treatment_cannot_be_placed()
    {
        var result = synchronousInduction.Evaluate(Vignettes.SynchronousLiverOmdTreatmentUndecided());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.InductionTherapyPlanned }, result.Missing);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    // 3.3

    [Fact]
    public void A_biopsy_before_induction_must_take_four_large_gauge_cores()
    {
        var result = coreSampling.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("a minimum of 4 large-gauge cores (14–16 G)", result.Summary);
        Assert.Contains("core needle biopsy", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Uncertain_origin_puts_the_sampling_requirement_on_the_table()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: true, otherCancerHistory: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("colorectal cancer", result.Summary);
    }

    [Fact]
    public void No_reason_for_a_biopsy_means_the_sampling_requirement_does_not_arise()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void No_liver_lesion_means_no_liver_biopsy_to_sample()
    {
        var result = coreSampling.Evaluate(Vignettes.LungOnlyMetastases());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("No liver lesion", result.Summary);
    }

    [Fact]
    public void Unrecorded_origin_facts_leave_the_sampling_question_open()
    {
        var result = coreSampling.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.ColorectalCancerHistory, FactNames.HccRiskFactors, FactNames.OtherCancerHistory }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
