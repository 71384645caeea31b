using System;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.PreoperativeAssessment;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.PreoperativeAssessment;

/// <summary>Recommendations 7.1 (future liver remnant before major hepatectomy) and 7.2 (preoperative risk assessment).</summary>
public sealed class PreoperativeAssessmentEvaluatorTests
{
    private readonly FutureLiverRemnantEvaluator flr = new();
    private readonly PreoperativeRiskAssessmentEvaluator risk = new();

    [Fact]
    public void A_35_percent_remnant_after_chemotherapy_needs_evaluation_before_right_hepatectomy()
    {
        var result = flr.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FutureLiverRemnantAssessment.ConceptName && f.Value == "needs-evaluation");
        Assert.Contains(ResultFlag.Caution, result.Flags);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void An_unmeasured_remnant_is_a_finding_to_complete_not_a_missing_fact()
    {
        var result = flr.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Empty(result.Missing);
        Assert.Contains(result.Findings, f => f.Value == "not-measured");
        ResultSnapshot.Match(result, "not-measured");
    }

    [Fact]
    public void An_adequate_remnant_in_a_normal_liver_carries_no_caution()
    {
        var result = flr.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 45m, extensivePriorChemotherapy: false), asOf: new NodaTime.LocalDate(2023, 6, 1));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Empty(result.Cautions);
        Assert.EndsWith("the estimated remnant is adequate for a normal liver.", result.Summary);
    }

    [Theory]
    [InlineData(24.9, false)]
    [InlineData(25, true)]
    [InlineData(40, true)]
    [InlineData(40.1, false)]
    public void A_normal_liver_remnant_of_25_to_40_percent_is_to_be_reassessed_if_preoperative_chemotherapy_is_given(double percent, bool caution)
    {
        var result = flr.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: (decimal)percent, extensivePriorChemotherapy: false));

        Assert.Equal(caution, result.Cautions.Any(c => c.StartsWith("If extensive preoperative chemotherapy is given (11.1), reassess the remnant", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void No_planned_major_hepatectomy_means_no_FLR_requirement()
    {
        var result = flr.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: false, futureLiverRemnantPercent: 20m));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void Without_current_liver_metastases_a_recorded_plan_does_not_make_the_FLR_requirement_arise(bool? planned)
    {
        // Monotonicity: forgetting the plan must not turn "applies" into "does not apply", so the plan cannot decide here.
        var result = flr.Evaluate(Vignettes.NoEvidenceOfDiseaseAfterLiverResection().WithLiverSurgeryPlan(majorHepatectomy: planned));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.NoEvidenceOfDisease);
        Assert.Equal(planned == true, result.Cautions.Any(c => c.Contains("check the record", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unrecorded_surgical_plan_leaves_the_FLR_requirement_undecided()
    {
        var result = flr.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.MajorHepatectomyPlanned }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_complete_preoperative_assessment_is_reported()
    {
        var result = risk.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Sentence == "ASA physical status class II.");
        Assert.DoesNotContain("still to complete", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Unrecorded_comorbidities_are_listed_to_complete_not_as_missing()
    {
        var result = risk.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Empty(result.Missing);
        Assert.EndsWith("still to complete: comorbidities.", result.Summary);
        ResultSnapshot.Match(result, "to-complete");
    }

    [Fact]
    public void The_preoperative_assessment_does_not_arise_without_liver_metastases()
    {
        var result = risk.Evaluate(Vignettes.AlmostNothingKnown().AddLesion(MetastaticSite.Lung, 11, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void The_preoperative_assessment_is_undecided_without_recorded_metastases()
    {
        var result = risk.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_28_percent_remnant_of_unrecorded_chemotherapy_history_gives_both_readings()
    {
        var result = flr.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 28m));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("if the patient has had extensive chemotherapy, the estimated remnant is inadequate by this library's reading of section 3.7", result.Summary);
        Assert.Contains("with a normal liver it is adequate", result.Summary);
        ResultSnapshot.Match(result, "chemotherapy-history-unknown");
    }

    [Fact]
    public void A_26_percent_remnant_after_extensive_chemotherapy_is_inadequate_by_this_librarys_reading()
    {
        var result = flr.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 26m, extensivePriorChemotherapy: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.EndsWith("the estimated remnant is below 30% after extensive chemotherapy, inadequate by this library's reading of section 3.7.", result.Summary);
        ResultSnapshot.Match(result, "inadequate-after-chemotherapy");
    }
}

