using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.SurgicalApproach;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Remetastasectomy;

/// <summary>
/// A liver recurrence whose treatment-free interval is not longer than 9.1's bound (12 months) is not a candidate for a
/// new resection now (9.1 "TFI longer than 12–18 months"; section 3.9 "a very conservative approach"): 5.1 applies (the
/// board reassesses after systemic treatment), the surgical steps and 10.1 do not, 9.2 applies. Boundary at the bound.
/// </summary>
public sealed class ShortTfiRecurrenceCandidacyTests
{
    // LiverRecurrenceAfterResection: liver resection 2021-05-20, no adjuvant chemotherapy, so the TFI runs from it.
    private static readonly LocalDate Resection = new(2021, 5, 20);

    private static PatientBuilder RecurrenceAt(int daysFromTwelveMonths) =>
        Vignettes.LiverRecurrenceAfterResection()
            .MetastasesDetectedOn(Resection.PlusMonths(12).PlusDays(daysFromTwelveMonths))
            .WithLiverSurgeryPlan(majorHepatectomy: false);

    [Theory]
    [InlineData(-1, TriState.No, TriState.Yes)]
    [InlineData(0, TriState.No, TriState.Yes)]    // "longer than 12–18 months": exactly 12 is not
    [InlineData(1, TriState.Yes, TriState.No)]
    public void Candidacy_turns_on_a_TFI_longer_than_twelve_months(int days, TriState candidate, TriState reassess)
    {
        var candidacy = LiverResectionCandidacy.Assess(RecurrenceAt(days).Context());

        Assert.Equal(candidate, candidacy.Candidate);
        Assert.Equal(reassess, candidacy.ReassessAfterSystemicTreatment);
        Assert.Equal(days <= 0, candidacy.RecurrenceBelowTreatmentFreeInterval);
    }

    [Theory]
    [InlineData(-1, EvaluationStatus.DoesNotApply)]
    [InlineData(0, EvaluationStatus.DoesNotApply)]
    [InlineData(1, EvaluationStatus.Applies)]
    public void The_surgical_steps_are_not_offered_until_the_TFI_is_longer_than_twelve_months(int days, EvaluationStatus expected)
    {
        var builder = RecurrenceAt(days);

        Assert.Equal(expected, new ReferenceCentreLiverResectionEvaluator().Evaluate(builder).Status);
        Assert.Equal(expected, new HpbSurgeonFeasibilityEvaluator().Evaluate(builder).Status);
        Assert.Equal(expected, new R0ResectionGoalEvaluator().Evaluate(builder).Status);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void The_tumour_board_and_9_2_apply_and_10_1_does_not_on_either_side_of_the_bound(int days)
    {
        var builder = RecurrenceAt(days);

        var board = new TumourBoardBeforeLiverResectionEvaluator().Evaluate(builder);
        Assert.Equal(EvaluationStatus.Applies, board.Status);
        Assert.Equal(days <= 0, board.Cautions.Any(c => c.StartsWith("Not a candidate for a new liver resection now", StringComparison.Ordinal)));
        Assert.Equal(EvaluationStatus.Applies, new PreoperativeTherapyForLiverRecurrenceEvaluator().Evaluate(builder).Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(builder).Status);
    }

    [Fact]
    public void Ten_point_one_says_why_a_short_TFI_recurrence_is_not_referred_for_ablation()
    {
        var result = new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("Not a candidate for a new liver resection now (the liver recurrence's treatment-free interval is not longer than 12 months", result.Summary, StringComparison.Ordinal);
        Assert.Contains("\"by either surgery or ablative techniques\"", result.Summary);
    }

    [Fact]
    public void After_adjuvant_chemotherapy_9_2_is_case_by_case_not_should_receive()
    {
        var result = new PreoperativeTherapyForLiverRecurrenceEvaluator().Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection()
            .AdjuvantTherapyAfterFirstLiverResection(true)
            .LastTreatmentEndedOn(new LocalDate(2021, 9, 30)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Equal("9.2.applies", result.SummaryMessage.Code);
        Assert.DoesNotContain("should receive", result.Summary);
        Assert.Contains("case by case, according to the principles of recommendation 11.2", result.Summary);
    }

    [Fact]
    public void With_ECOG_unknown_the_short_interval_leaves_5_1_9_2_and_10_1_undecided_naming_ECOG()
    {
        var patient = Vignettes.EarlyLiverRecurrenceAfterResection().WithLiverSurgeryPlan(majorHepatectomy: false).WithPerformanceStatus((int?)null);

        var candidacy = LiverResectionCandidacy.Assess(patient.Context());
        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.Unknown, candidacy.ReassessAfterSystemicTreatment);
        foreach (var result in new[]
        {
            new TumourBoardBeforeLiverResectionEvaluator().Evaluate(patient),
            new PreoperativeTherapyForLiverRecurrenceEvaluator().Evaluate(patient),
            new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(patient),
        })
        {
            Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
            Assert.Contains(FactNames.Ecog, result.Missing);
        }
    }

    [Fact]
    public void A_short_TFI_with_another_reason_against_surgery_is_a_plain_non_candidate_referred_under_10_1()
    {
        var patient = Vignettes.EarlyLiverRecurrenceAfterResection().WithLiverSurgeryPlan(majorHepatectomy: false)
            .AddLesion(MetastaticSite.Liver, 40, l => l.InSegments(1).Unresectable());

        Assert.Equal(TriState.No, LiverResectionCandidacy.Assess(patient.Context()).ReassessAfterSystemicTreatment);
        Assert.Equal(EvaluationStatus.Applies, new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(patient).Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, new PreoperativeTherapyForLiverRecurrenceEvaluator().Evaluate(patient).Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, new TumourBoardBeforeLiverResectionEvaluator().Evaluate(patient).Status);
    }

    [Fact]
    public void The_short_does_not_apply_lines_of_the_surgical_steps_say_the_real_reason()
    {
        var result = new ReferenceCentreLiverResectionEvaluator().Evaluate(RecurrenceAt(0));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("No liver resection within the consensus indications now", result.CardSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("not being considered", result.CardSummary);
    }
}
