using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.SurgicalTiming;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>
/// Metachronous OMD progressing on systemic therapy (clinical review F3; sections 3.10, 3.11; 8.1, 8.3): not a candidate
/// while it progresses (option <see cref="ConsensusOptions.ProgressionOnSystemicTherapyDefersSurgery"/>, default off: a caution), and
/// 8.1 never offers "upfront" surgery to it. The boundary is the best response: stable disease keeps candidacy, progressive
/// disease defers it, a response not recorded beside systemic therapy received leaves it not yet known.
/// </summary>
public sealed class MetachronousProgressionTests
{
    private static readonly ConsensusOptions ProgressionAsCaution = new() { ProgressionOnSystemicTherapyDefersSurgery = false };

    private static readonly ConsensusOptions Defers = new() { ProgressionOnSystemicTherapyDefersSurgery = true };

    private static PatientBuilder WithResponse(TreatmentResponse? response) =>
        Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: response, ongoing: true);

    [Theory]
    [InlineData(TreatmentResponse.PartialResponse, TriState.Yes)]
    [InlineData(TreatmentResponse.StableDisease, TriState.Yes)]
    [InlineData(TreatmentResponse.ProgressiveDisease, TriState.No)]
    [InlineData(null, TriState.Unknown)]
    public void Candidacy_turns_on_the_best_response_to_systemic_therapy(TreatmentResponse? response, TriState expected)
    {
        var candidacy = WithResponse(response).Context(options: Defers).LiverResection;

        Assert.Equal(expected, candidacy.Candidate);
        Assert.Equal(expected == TriState.Unknown, candidacy.CandidateMissing.Contains(FactNames.SystemicTherapyResponse));
    }

    [Fact]
    public void Progressing_disease_is_not_a_candidate_now_and_the_basis_says_why_and_what_next()
    {
        var candidacy = WithResponse(TreatmentResponse.ProgressiveDisease).Context(options: Defers).LiverResection;

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Contains("progressing on systemic therapy", candidacy.CandidateBasis, System.StringComparison.Ordinal);
        Assert.Contains("reassess resection after a response or at least stable disease", candidacy.CandidateBasis, System.StringComparison.Ordinal);
        Assert.Contains("transarterial", candidacy.CandidateBasis, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.3")]
    [InlineData("8.1")]
    public void The_metachronous_indications_do_not_apply_to_progressing_disease_and_name_the_progression(string id)
    {
        var report = new ConsensusEngine(Defers).Evaluate(WithResponse(TreatmentResponse.ProgressiveDisease).Build(), Vignettes.AsOf);
        var result = report[id]!;

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("progressing on systemic therapy", result.Summary, System.StringComparison.Ordinal);
        Assert.DoesNotContain("upfront or after", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains("not a candidate for surgery now", result.CardSummary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Liver_and_lung_OMD_progressing_is_not_offered_5_4()
    {
        var result = new LiverAndLungOmdResectionEvaluator().Evaluate(options: Defers, builder: Vignettes.MetachronousLiverAndLungOmd()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("progressing on systemic therapy", result.Summary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Progressing_disease_is_referred_for_non_surgical_local_approaches_under_10_1()
    {
        var result = new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(WithResponse(TreatmentResponse.ProgressiveDisease), options: Defers);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.SystemicTherapyResponse && f.Sentence.Contains("transarterial"));
    }

    [Fact]
    public void A_response_not_recorded_beside_systemic_therapy_leaves_10_1_undecided_never_does_not_apply()
    {
        var result = new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(WithResponse(null), options: Defers);

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.SystemicTherapyResponse, result.Missing);
    }

    [Fact]
    public void Stable_disease_keeps_5_3_and_8_1_applying()
    {
        var report = new ConsensusEngine(Defers).Evaluate(WithResponse(TreatmentResponse.StableDisease).Build(), Vignettes.AsOf);

        Assert.Equal(EvaluationStatus.Applies, report["5.3"]!.Status);
        Assert.Equal(EvaluationStatus.Applies, report["8.1"]!.Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, report["10.1"]!.Status);
    }

    [Fact]
    public void By_default_progression_is_a_caution_and_8_1_does_not_offer_upfront_surgery()
    {
        var result = new MetachronousSurgeryTimingEvaluator().Evaluate(WithResponse(TreatmentResponse.ProgressiveDisease));
        var explicitOff = new MetachronousSurgeryTimingEvaluator().Evaluate(WithResponse(TreatmentResponse.ProgressiveDisease), options: ProgressionAsCaution);
        Assert.Equal((explicitOff.Status, explicitOff.Summary), (result.Status, result.Summary));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain("upfront or after", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains("after systemic therapy", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains(IndicationCriteria.ProgressionCaution, result.Cautions);
        Assert.Equal(TriState.Yes, WithResponse(TreatmentResponse.ProgressiveDisease).Context(options: ProgressionAsCaution).LiverResection.Candidate);
    }

    [Fact]
    public void The_option_is_reported_in_the_provenance_when_changed()
    {
        var report = new ConsensusEngine(Defers).Evaluate(WithResponse(TreatmentResponse.ProgressiveDisease).Build(), Vignettes.AsOf);

        Assert.Contains(report.Provenance.NonDefaultOptions, o => o.Key == nameof(ConsensusOptions.ProgressionOnSystemicTherapyDefersSurgery) && o.Value == "true");
    }

    [Fact]
    public void Synchronous_progression_is_unchanged_by_the_option()
    {
        var builder = Vignettes.SynchronousOmdOnInduction().FitForSurgery()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true);

        Assert.Equal(TriState.No, builder.Context(options: Defers).LiverResection.Candidate);
        Assert.Equal(TriState.No, builder.Context(options: ProgressionAsCaution).LiverResection.Candidate);
        Assert.Contains("8.3 requires at least stable disease", builder.Context(options: Defers).LiverResection.CandidateBasis, System.StringComparison.Ordinal);
    }
}
