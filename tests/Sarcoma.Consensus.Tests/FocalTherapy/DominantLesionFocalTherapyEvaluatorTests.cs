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
    public void Without_a_symptomatic_lesion_the_other_kind_of_dominant_lesion_is_left_to_the_board()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection().WithSystemicTherapy(received: true, ongoing: true));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("requires focal therapy"));
    }

    [Fact]
    public void Unknown_systemic_therapy_and_symptoms_leave_it_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionSymptomatic, FactNames.OnSystemicTherapy }, result.Missing);
        Assert.StartsWith("No consensus (77% agreement): ", result.Summary);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
