using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.SurgicalTiming;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.SurgicalTiming;

/// <summary>Recommendation 8.3: synchronous OMD, residual liver disease after at least stable disease, primary resectable.</summary>
public sealed class SynchronousResidualLiverSurgeryEvaluatorTests
{
    private readonly SynchronousResidualLiverSurgeryEvaluator evaluator = new();

    [Fact]
    public void Residual_liver_disease_after_a_partial_response_with_a_resectable_primary_may_be_operated()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("(best response: partial response)", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Theory]
    [InlineData(TreatmentResponse.CompleteResponse, EvaluationStatus.Applies)]
    [InlineData(TreatmentResponse.PartialResponse, EvaluationStatus.Applies)]
    [InlineData(TreatmentResponse.StableDisease, EvaluationStatus.Applies)]
    [InlineData(TreatmentResponse.ProgressiveDisease, EvaluationStatus.DoesNotApply)]
    public void At_least_stable_disease_is_required(TreatmentResponse response, EvaluationStatus expected)
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction().WithSystemicTherapy(received: true, response: response));

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void A_complete_response_asks_to_confirm_that_liver_disease_remains()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.CompleteResponse));

        Assert.Contains(result.Cautions, c => c.Contains("confirm that liver disease remains"));
    }

    [Fact]
    public void Progression_on_systemic_treatment_rules_out_surgery_for_residual_disease()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("progressed", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Before_any_systemic_therapy_8_2_comes_first()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction().WithSystemicTherapy(received: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("8.2", result.Summary);
        ResultSnapshot.Match(result, "no-systemic-therapy-yet");
    }

    [Fact]
    public void An_unresectable_primary_rules_out_surgery_for_residual_disease_even_if_the_response_is_unknown()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction()
            .PrimaryInPlace(resectable: false)
            .WithSystemicTherapy(received: true));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the primary tumour is not resectable", result.Summary);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Metachronous_disease_is_outside_8_3_on_timing_alone()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.EndsWith("): the metastases are metachronous, not synchronous.", result.Summary);
        Assert.DoesNotContain("8.2", result.Summary);
        Assert.DoesNotContain(result.Findings, f => f.Sentence.Contains("Residual"));
        ResultSnapshot.Match(result, "metachronous");
    }

    [Fact]
    public void An_unrecorded_response_leaves_8_3_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction().WithSystemicTherapy(received: true));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.SystemicTherapyResponse }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Unknown_systemic_therapy_history_leaves_8_3_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.SystemicTherapyReceived }, result.Missing);
    }

    [Fact]
    public void An_unresectable_liver_lesion_rules_out_surgery_for_residual_disease()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse()
            .AddLesion(MetastaticSite.Liver, 15, l => l.InSegments(7).Unresectable().Ablatable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("1 of 2 liver lesions is not amenable to complete surgical resection", result.Summary);
        ResultSnapshot.Match(result, "unresectable-lesion");
    }

    [Fact]
    public void Before_systemic_therapy_the_liver_lesions_are_not_called_residual_disease()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction().WithSystemicTherapy(received: false));

        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionSegments && f.Sentence == "1 liver lesion in the left lobe (segment 4).");
        Assert.DoesNotContain("residual liver disease is recorded", result.Summary);
    }

    [Fact]
    public void After_systemic_therapy_the_liver_lesions_are_the_residual_disease()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse());

        Assert.Contains(result.Findings, f => f.Sentence == "Residual liver disease after systemic therapy: 1 liver lesion in the left lobe (segment 4).");
    }

    [Fact]
    public void A_primary_still_in_place_carries_the_section_3_1_caution()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(Sarcoma.Consensus.Indication.LiverSurgeryGate.PrimaryInPlaceCaution, result.Cautions);
    }

    [Fact]
    public void A_primary_resected_meanwhile_carries_no_primary_caution()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse().Resected(on: new NodaTime.LocalDate(2025, 10, 6)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(Sarcoma.Consensus.Indication.LiverSurgeryGate.PrimaryInPlaceCaution, result.Cautions);
        Assert.Contains("with the primary tumour already resected", result.Summary);
    }
}

