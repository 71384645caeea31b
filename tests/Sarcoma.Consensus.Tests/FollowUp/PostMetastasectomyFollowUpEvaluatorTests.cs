using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FollowUp;

/// <summary>Recommendation 13.1: the post-metastasectomy follow-up calendar.</summary>
public sealed class PostMetastasectomyFollowUpEvaluatorTests
{
    private readonly PostMetastasectomyFollowUpEvaluator evaluator = new();

    [Fact]
    public void After_metastasectomy_the_calendar_is_dated_from_the_resection()
    {
        var result = evaluator.Evaluate(Vignettes.LiverMetastasectomyInFollowUp());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == PostMetastasectomyFollowUpEvaluator.ScheduleName && f.Value.StartsWith("2024-01-16, 2024-04-16", System.StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Fact == PostMetastasectomyFollowUpEvaluator.NextVisitName && f.Value == "2026-04-16");
        Assert.Empty(result.Cautions);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void An_undated_metastasectomy_still_applies_but_cannot_be_dated()
    {
        var result = evaluator.Evaluate(Vignettes.UndatedLiverMetastasectomyInFollowUp());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("until the date of the latest metastasectomy is known"));
        Assert.DoesNotContain(result.Cautions, c => c.Contains(FactNames.LiverResectionPerformedOn));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LiverResectionPerformedOn && f.Value == "unknown");
        Assert.DoesNotContain(result.Findings, f => f.Fact == PostMetastasectomyFollowUpEvaluator.ScheduleName);
        ResultSnapshot.Match(result, "applies-undated");
    }

    [Fact]
    public void A_liver_recurrence_after_the_metastasectomy_is_treated_not_followed_up()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not in post-metastasectomy surveillance", result.Summary);
        Assert.Contains("2023-09-01", result.Summary);
        Assert.Empty(result.Cautions);
        ResultSnapshot.Match(result, "does-not-apply-recurrence");
    }

    [Fact]
    public void Liver_lesions_beside_an_undated_metastasectomy_are_not_read_as_a_recurrence_and_the_date_is_asked_for()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUndatedResection());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LiverResectionPerformedOn }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data-undated-resection");
    }

    [Fact]
    public void Liver_lesions_detected_on_an_unknown_date_after_a_metastasectomy_leave_13_1_undecided()
    {
        var patient = Vignettes.LiverRecurrenceAfterResection().Build();

        var result = evaluator.Evaluate(new EvaluationContext(patient with { Metastases = patient.Metastases! with { DetectedOn = null } }, Vignettes.AsOf));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.MetastasesDetectedOn }, result.Missing);
    }

    [Fact]
    public void The_calendar_stays_available_for_a_recurrence()
    {
        var schedule = FollowUpSchedule.ForPatient(Vignettes.LiverRecurrenceAfterResection().Context());

        Assert.NotNull(schedule);
    }

    [Fact]
    public void A_recurrence_outside_the_liver_interrupts_surveillance_with_a_caution()
    {
        var result = evaluator.Evaluate(Vignettes.LungRecurrenceAfterLiverMetastasectomy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Metastases outside the liver were detected on 2025-06-02", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024-01-01", "As of 2024-01-01, visit 1 (month 3) is next: due 2024-01-16, window 2024-01-16 to 2024-02-16.")]
    [InlineData("2024-03-01", "; the window of the first visit has passed.")]
    [InlineData("2024-06-01", "; the windows of the 2 earlier visits have passed.")]
    public void The_next_visit_names_passed_windows_naturally(string asOf, string expected)
    {
        var result = evaluator.Evaluate(Vignettes.LiverMetastasectomyInFollowUp(), asOf: NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value);

        var next = Assert.Single(result.Findings, f => f.Fact == PostMetastasectomyFollowUpEvaluator.NextVisitName);
        Assert.EndsWith(expected, next.Sentence);
        Assert.DoesNotContain(" 0 earlier", next.Sentence);
    }

    [Fact]
    public void No_liver_resection_means_no_post_metastasectomy_follow_up()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Unknown_surgical_history_leaves_it_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
