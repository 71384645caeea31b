using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Timing;

/// <summary>Recommendations 2.1 (synchronous OMD) and 2.2 (metachronous OMD).</summary>
public sealed class TimingEvaluatorTests
{
    private readonly SynchronousOligometastaticDiseaseEvaluator synchronous = new();
    private readonly MetachronousOligometastaticDiseaseEvaluator metachronous = new();

    [Fact]
    public void Liver_metastasis_found_two_weeks_after_diagnosis_is_synchronous_OMD()
    {
        var result = synchronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Metastases_found_30_months_after_diagnosis_are_not_synchronous()
    {
        var result = synchronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Synchronous_OMD_needs_the_detection_date()
    {
        var result = synchronous.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Metastases_found_30_months_after_diagnosis_are_metachronous_OMD()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Metachronous_disease_with_peritoneal_sarcomatosis_is_not_metachronous_OMD()
    {
        var result = metachronous.Evaluate(Vignettes.DiffusePeritonealDisease());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Metachronous_OMD_needs_the_diagnosis_date()
    {
        var result = metachronous.Evaluate(Vignettes.AlmostNothingKnown().MetastasesDetectedOn(new LocalDate(2024, 5, 1)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Detection_exactly_six_months_after_diagnosis_is_synchronous_with_a_caution()
    {
        var result = synchronous.Evaluate(Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(ResultFlag.Caution, result.Flags);
        ResultSnapshot.Match(result, "boundary");
    }

    // Sixth paper-only read F8: after a complete resection with no evidence of disease, 2.2 says there is no current
    // metastatic disease, not "not oligometastatic" (status unchanged: does not apply).
    [Fact]
    public void No_evidence_of_disease_after_resection_is_no_current_metastatic_disease_not_not_oligometastatic()
    {
        var result = metachronous.Evaluate(Vignettes.NoEvidenceOfDiseaseAfterLiverResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal("2.2.does-not-apply.no-current-disease", result.SummaryMessage.Code);
        Assert.StartsWith("There is no current metastatic disease", result.Summary, System.StringComparison.Ordinal);
        Assert.DoesNotContain("not oligometastatic", result.Summary, System.StringComparison.Ordinal);
        Assert.StartsWith("No current metastatic disease", result.CardSummary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Disease_that_fails_an_OMD_criterion_is_still_not_metachronous_OMD()
    {
        var result = metachronous.Evaluate(Vignettes.DiffusePeritonealDisease());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal("2.2.does-not-apply.not-omd", result.SummaryMessage.Code);
    }
}
