using System.Linq;
using Sarcoma.Consensus.AdjuvantTherapy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.AdjuvantTherapy;

/// <summary>Recommendation 12.1: adjuvant treatment after resection of the primary and the liver metastases is discussed at tumour board.</summary>
public sealed class AdjuvantTherapyDiscussionEvaluatorTests
{
    private readonly AdjuvantTherapyDiscussionEvaluator evaluator = new();

    [Fact]
    public void Resected_primary_and_liver_metastases_call_for_a_tumour_board_discussion()
    {
        var result = evaluator.Evaluate(Vignettes.LiverMetastasectomyInFollowUp());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LiverResectionMargin && f.Value == "R0 (2023-10-16)");
        Assert.Contains(result.Cautions, c => c.Contains("cannot be formally recommended or discouraged"));
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_recurrence_after_the_last_resection_is_flagged()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("after the latest liver resection"));
    }

    [Fact]
    public void Primary_in_place_and_no_liver_resection_are_both_named()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the primary tumour has not been resected", result.Summary);
        Assert.Contains("the liver metastases have not been resected", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void No_liver_resection_is_enough_to_rule_it_out_even_with_the_primary_unknown()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown().NoPreviousLiverResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
    }

    [Fact]
    public void Unknown_surgical_history_leaves_it_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PrimaryResected, FactNames.PreviousLiverResection }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
