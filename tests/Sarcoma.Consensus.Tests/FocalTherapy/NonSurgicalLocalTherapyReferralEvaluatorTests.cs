using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FocalTherapy;

/// <summary>Recommendation 10.1: patients who are not candidates for surgery are discussed for non-surgical local approaches.</summary>
public sealed class NonSurgicalLocalTherapyReferralEvaluatorTests
{
    private readonly NonSurgicalLocalTherapyReferralEvaluator evaluator = new();

    [Fact]
    public void An_unresectable_liver_lesion_is_referred_for_non_surgical_local_approaches()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FocalTherapyAssessment.ConceptName && f.Value == "none");
        Assert.Contains(result.Findings, f => f.Fact == FocalTherapyAssessment.ModalitiesName);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void An_unfit_patient_with_an_absolute_contraindication_is_still_discussed_with_a_caution()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .FitForSurgery(false)
            .WithFocalTherapyContraindications(uncorrectableCoagulopathy: true, activeInfectionInTreatmentArea: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("unfit for surgery", result.Summary);
        Assert.Contains(result.Cautions, c => c.Contains("absolute contraindications"));
        Assert.Contains(result.Cautions, c => c.Contains(FactNames.DecompensatedLiverFailure));
        ResultSnapshot.Match(result, "applies-unfit-contraindicated");
    }

    [Fact]
    public void Progression_on_systemic_therapy_points_to_transarterial_treatment()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true));

        Assert.Contains(result.Findings, f => f.Fact == FactNames.SystemicTherapyResponse && f.Sentence.Contains("transarterial"));
    }

    [Fact]
    public void A_surgical_candidate_is_not_concerned()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Lung_only_metastases_are_not_concerned()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown()
            .MetastasesDetectedOn(new LocalDate(2024, 1, 8))
            .AddLesion(MetastaticSite.Lung, 12, l => l.Unresectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("No liver metastasis", result.Summary);
    }

    [Fact]
    public void Unknown_resectability_leaves_the_referral_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown()
            .MetastasesDetectedOn(new LocalDate(2024, 1, 8))
            .AddLesion(MetastaticSite.Liver, 30));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
