using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FocalTherapy;

/// <summary>Recommendation 10.2 (no consensus): focal therapy of dominant liver lesions on systemic therapy.</summary>
public sealed class DominantLesionFocalTherapyEvaluatorTests
{
    private readonly DominantLesionFocalTherapyEvaluator evaluator = new();

    [Fact]
    public void A_symptomatic_liver_lesion_on_systemic_therapy_is_in_the_population_voted_on_but_not_advised()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.StartsWith("No consensus (77% agreement): ", result.Summary);
        Assert.Contains("not as a recommendation", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Five_liver_lesions_are_limited_and_six_are_not()
    {
        var five = Vignettes.UnresectableLiverDiseaseOnChemotherapy().AddLesions(2, MetastaticSite.Liver, 8, l => l.Symptomatic(false));
        Assert.Equal(EvaluationStatus.Applies, evaluator.Evaluate(five).Status);

        var result = evaluator.Evaluate(five.AddLesion(MetastaticSite.Liver, 8, l => l.Symptomatic(false)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("6 liver lesions are not \"limited\"", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-six-lesions");
    }

    [Fact]
    public void A_patient_off_systemic_therapy_is_not_in_the_population()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.PartialResponse, ongoing: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("No consensus (77% agreement): ", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Without_a_symptomatic_lesion_a_patient_on_systemic_therapy_stays_in_the_population_and_the_dominant_lesion_is_the_boards()
    {
        // Issue #7: "no symptomatic lesion" never decides 10.2; section 3.10 also counts the lesion with the highest risk of
        // progression or rupture, or one that requires focal therapy, as dominant.
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithSystemicTherapy(received: true, ongoing: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("no liver lesion is recorded as symptomatic, and which lesion is dominant is the tumour board's judgement", result.Summary);
        Assert.Contains(result.Cautions, c => c.Contains("requires focal therapy"));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionSymptomatic && f.Value == "0");
    }

    [Fact]
    public void Off_systemic_therapy_the_reason_is_the_therapy_never_the_absence_of_symptoms()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithSystemicTherapy(received: true, ongoing: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.EndsWith("does not concern this patient: the patient is not on systemic therapy.", result.Summary);
        Assert.DoesNotContain("symptomatic", result.Summary);
    }

    [Fact]
    public void Unknown_systemic_therapy_leaves_it_undecided_and_unrecorded_symptoms_are_not_asked()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.OnSystemicTherapy }, result.Missing);
        Assert.StartsWith("No consensus (77% agreement): ", result.Summary);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
