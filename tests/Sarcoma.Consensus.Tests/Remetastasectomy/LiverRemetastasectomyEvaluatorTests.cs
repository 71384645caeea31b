using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Remetastasectomy;

/// <summary>Recommendation 9.1: a new liver resection for liver recurrence (OMD, TFI longer than 12–18 months, good PS).</summary>
public sealed class LiverRemetastasectomyEvaluatorTests
{
    private readonly LiverRemetastasectomyEvaluator evaluator = new();

    [Fact]
    public void Liver_recurrence_27_months_after_resection_with_OMD_and_ECOG_0_may_be_resected_again()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PreviousAbdominalSurgeries && f.Value == "2");
        Assert.Contains(result.Findings, f => f.Fact == RemetastasectomyWindow.ConceptName && f.Value == "above");
        Assert.Contains(result.Cautions, c => c.Contains("very selected patients"));
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_TFI_one_day_longer_than_12_months_is_inside_the_panels_range_and_applies_with_a_caution()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().MetastasesDetectedOn(new LocalDate(2022, 5, 21)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == RemetastasectomyWindow.ConceptName && f.Value == "within");
        Assert.Contains(result.Cautions, c => c.Contains("12–18 months"));
        ResultSnapshot.Match(result, "tfi-within-range");
    }

    [Fact]
    public void A_TFI_of_exactly_12_months_is_not_longer_than_12_months_and_rules_a_new_resection_out()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().MetastasesDetectedOn(new LocalDate(2022, 5, 20)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not longer than 12 months", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.DoesNotContain("not on the table", result.Summary);
    }

    [Fact]
    public void A_TFI_one_day_short_of_12_months_rules_a_new_resection_out()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().MetastasesDetectedOn(new LocalDate(2022, 5, 19)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not longer than 12 months", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.DoesNotContain("not on the table", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-short-tfi");
    }

    [Fact]
    public void A_fit_patient_is_never_called_unfit()
    {
        foreach (var result in new[]
        {
            evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection()),
            evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithPerformanceStatus(2)),
            evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().AddLesions(4, MetastaticSite.Liver, 10, l => l.Resectable())),
        })
        {
            Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
            Assert.DoesNotContain("unfit", result.Summary);
        }
    }

    [Fact]
    public void An_unresectable_lesion_is_named_alongside_a_failing_criterion()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection()
            .WithPerformanceStatus(2)
            .AddLesion(MetastaticSite.Liver, 45, l => l.InSegments(1).Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("performance status is not good", result.Summary);
        Assert.Contains("not every liver lesion is resectable", result.Summary);
    }

    [Fact]
    public void No_previous_liver_resection_means_no_remetastasectomy()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PreviousLiverResection && f.Value == "no");
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Liver_lesions_detected_before_the_latest_resection_are_the_resected_disease_not_a_recurrence()
    {
        var result = evaluator.Evaluate(Vignettes.LiverMetastasectomyInFollowUp());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("precede a liver resection", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-no-recurrence");
    }

    [Fact]
    public void Treatment_recorded_as_ending_after_the_recurrence_asks_for_the_right_date()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().LastTreatmentEndedOn(new LocalDate(2023, 11, 30)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LastTreatmentEndedOn }, result.Missing);
        Assert.Contains(result.Cautions, c => c.Contains("after the recurrence was detected"));
    }

    [Fact]
    public void ECOG_1_is_good_performance_status_and_ECOG_2_is_not()
    {
        Assert.Equal(EvaluationStatus.Applies, evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithPerformanceStatus(1)).Status);

        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithPerformanceStatus(2));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("performance status is not good", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.Single(result.Findings, f => f.Fact == FactNames.Ecog);
        ResultSnapshot.Match(result, "does-not-apply-ecog-2");
    }

    [Fact]
    public void The_good_performance_status_limit_is_an_option()
    {
        var options = new ConsensusOptions { GoodPerformanceStatusMaximumEcog = 2 };

        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithPerformanceStatus(2), options: options);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
    }

    [Fact]
    public void Raised_TFI_bounds_move_a_27_month_interval_into_and_below_the_range()
    {
        var within = evaluator.Evaluate(
            Vignettes.LiverRecurrenceAfterResection(),
            options: new ConsensusOptions { RemetastasectomyMinimumTfiMonths = 24, RemetastasectomyClearTfiMonths = 30 });
        var below = evaluator.Evaluate(
            Vignettes.LiverRecurrenceAfterResection(),
            options: new ConsensusOptions { RemetastasectomyMinimumTfiMonths = 28, RemetastasectomyClearTfiMonths = 36 });

        Assert.Equal(EvaluationStatus.Applies, within.Status);
        Assert.Contains(within.Cautions, c => c.Contains("24–30 months"));
        Assert.Equal(EvaluationStatus.DoesNotApply, below.Status);
    }

    [Fact]
    public void A_patient_unfit_for_surgery_is_not_offered_a_new_resection()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().FitForSurgery(false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("unfit for surgery", result.Summary);
    }

    [Fact]
    public void Every_failing_criterion_is_named()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection()
            .MetastasesDetectedOn(new LocalDate(2021, 11, 1))
            .WithPerformanceStatus(3)
            .AddLesions(4, MetastaticSite.Liver, 10, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not oligometastatic", result.Summary);
        Assert.Contains("not longer than 12 months", result.Summary);
        Assert.Contains("performance status", result.Summary);
        Assert.Contains("not a candidate for liver surgery: ECOG performance status 3 precludes surgery", result.Summary);
    }

    [Fact]
    public void An_uncountable_TFI_leaves_a_new_resection_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUncountableTfi());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LastTreatmentEndedOn }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Missing_performance_status_is_named()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2019, 1, 7))
            .Resected()
            .AddLiverResection(new LocalDate(2020, 3, 2))
            .LastTreatmentEndedOn(new LocalDate(2020, 9, 1))
            .MetastasesDetectedOn(new LocalDate(2023, 2, 1))
            .AddLesion(MetastaticSite.Liver, 20, l => l.Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.Ecog, result.Missing);
    }

    [Fact]
    public void An_unknown_number_of_abdominal_surgeries_is_flagged_for_consideration()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUncountableTfi()
            .LastTreatmentEndedOn(new LocalDate(2022, 1, 10)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("number of previous abdominal surgeries is not recorded"));
        Assert.DoesNotContain(result.Cautions, c => c.Contains(FactNames.PreviousAbdominalSurgeries));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PreviousAbdominalSurgeries && f.Value == "unknown");
    }

    [Fact]
    public void Liver_lesions_after_an_undated_resection_are_not_read_as_a_recurrence_and_the_date_is_asked_for()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUndatedResection().LastTreatmentEndedOn(new LocalDate(2022, 1, 10)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.LiverResectionPerformedOn, result.Missing);
    }

    [Fact]
    public void An_undated_resection_beside_a_dated_one_leaves_the_latest_resection_unknown()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().AddLiverResection(null));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.LiverResectionPerformedOn, result.Missing);
    }

    [Fact]
    public void An_unknown_detection_date_leaves_the_recurrence_undecided()
    {
        var patient = Vignettes.LiverRecurrenceAfterResection().Build();
        var result = evaluator.Evaluate(new EvaluationContext(patient with { Metastases = patient.Metastases! with { DetectedOn = null } }, Vignettes.AsOf));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.MetastasesDetectedOn, result.Missing);
    }
}
