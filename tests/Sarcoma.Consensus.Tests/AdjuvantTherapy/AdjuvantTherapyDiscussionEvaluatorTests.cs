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
    public void A_liver_recurrence_after_the_last_resection_means_the_metastases_are_not_all_resected()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not all resected", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.MetastasesDetectedOn && f.Value == "2023-09-01");
        Assert.DoesNotContain(result.Findings, f => f.Fact == AdjuvantTherapyDiscussionEvaluator.DiseaseFreeIntervalName);
        ResultSnapshot.Match(result, "does-not-apply-recurrence");
    }

    // The short line names the reason instead of "(the summary says why)" (fifth read F11).

    [Fact]
    public void No_liver_metastasectomy_yet_is_named_on_the_short_line()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal("12.1.does-not-apply.no-liver-resection", result.SummaryMessage.Code);
        Assert.Equal("No liver metastasectomy done: adjuvant treatment after resection (12.1) does not arise.", result.CardSummary);
        Assert.DoesNotContain("summary says why", result.CardSummary);
    }

    [Fact]
    public void A_liver_recurrence_is_named_on_the_short_line()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal("12.1.does-not-apply.liver-recurrence", result.SummaryMessage.Code);
        Assert.StartsWith("Liver disease recorded after the latest liver resection", result.CardSummary);
    }

    [Fact]
    public void A_recurrence_rules_it_out_even_with_the_primary_unknown()
    {
        var result = evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection().WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new NodaTime.LocalDate(2019, 2, 4)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Liver_lesions_beside_an_undated_resection_are_not_read_as_a_recurrence_and_the_date_is_asked_for()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUndatedResection());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LiverResectionPerformedOn }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data-undated-resection");
    }

    [Fact]
    public void A_resected_recurrence_is_described_by_the_interval_since_the_previous_metastasectomy_not_a_favourable_DFI()
    {
        var result = evaluator.Evaluate(Vignettes.SecondLiverMetastasectomyInFollowUp());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        var interval = Assert.Single(result.Findings, f => f.Fact == AdjuvantTherapyDiscussionEvaluator.IntervalSinceMetastasectomyName);
        Assert.Equal("27", interval.Value);
        Assert.Contains("after the liver metastasectomy of 2021-05-20", interval.Sentence);
        Assert.Contains("not read here as favourable", interval.Sentence);
        Assert.DoesNotContain(result.Findings, f => f.Fact == AdjuvantTherapyDiscussionEvaluator.DiseaseFreeIntervalName);
        ResultSnapshot.Match(result, "applies-resected-recurrence");
    }

    [Fact]
    public void A_first_metastasectomy_is_described_by_the_DFI_from_the_primary()
    {
        var result = evaluator.Evaluate(Vignettes.NoEvidenceOfDiseaseAfterLiverResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == AdjuvantTherapyDiscussionEvaluator.DiseaseFreeIntervalName && f.Value == "30");
        Assert.DoesNotContain(result.Findings, f => f.Fact == AdjuvantTherapyDiscussionEvaluator.IntervalSinceMetastasectomyName);
    }

    [Fact]
    public void A_recurrence_outside_the_liver_keeps_the_discussion_with_a_caution()
    {
        var result = evaluator.Evaluate(Vignettes.LungRecurrenceAfterLiverMetastasectomy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Metastases outside the liver were detected on 2025-06-02", System.StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Fact == AdjuvantTherapyDiscussionEvaluator.IntervalSinceMetastasectomyName && f.Value == "29");
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

    [Theory]
    [InlineData(false, "no", "after the first liver resection recorded as not given")]
    [InlineData(true, "yes", "after the first liver resection recorded as given")]
    [InlineData(null, "unknown", "after the first liver resection not recorded")]
    public void The_reason_says_whether_adjuvant_therapy_was_given_and_what_decided_it(bool? given, string value, string clause)
    {
        var result = evaluator.Evaluate(Vignettes.LiverMetastasectomyInFollowUp().AdjuvantTherapyAfterFirstLiverResection(given));

        // Clinical review F8: 12.1 listed as an action must say what decided it, including the adjuvant therapy status;
        // that status does not change whether 12.1 applies, so it is never a missing fact.
        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("Primary tumour and liver metastases resected", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains(clause, result.Summary, System.StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.AdjuvantTherapyAfterFirstLiverResection && f.Value == value);
        Assert.Empty(result.Missing);
    }
}
