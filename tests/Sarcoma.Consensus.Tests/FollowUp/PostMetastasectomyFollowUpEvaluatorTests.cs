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
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUndatedResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains(FactNames.LiverResectionPerformedOn));
        Assert.DoesNotContain(result.Findings, f => f.Fact == PostMetastasectomyFollowUpEvaluator.ScheduleName);
        ResultSnapshot.Match(result, "applies-undated");
    }

    [Fact]
    public void A_recurrence_after_the_metastasectomy_interrupts_surveillance()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("after the latest metastasectomy"));
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
