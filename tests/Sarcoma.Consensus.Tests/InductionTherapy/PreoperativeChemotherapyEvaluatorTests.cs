using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.InductionTherapy;

/// <summary>Recommendation 11.1: preoperative chemotherapy may be considered for resectable liver metastases, after tumour board.</summary>
public sealed class PreoperativeChemotherapyEvaluatorTests
{
    private readonly PreoperativeChemotherapyEvaluator evaluator = new();

    [Fact]
    public void Resectable_liver_metastases_put_preoperative_chemotherapy_on_the_table()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("may be considered", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Planned_induction_therapy_is_recorded()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.InductionTherapyPlanned && f.Value == "yes");
    }

    [Fact]
    public void An_unresectable_liver_lesion_takes_it_off_the_table()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy().WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Unknown_resectability_leaves_it_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown().MetastasesDetectedOn(new LocalDate(2024, 4, 2)).AddLesion(MetastaticSite.Liver, 20));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Metachronous_disease_progressing_on_systemic_therapy_carries_the_section_3_11_caution_on_11_1()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true), options: new ConsensusOptions { ProgressionOnSystemicTherapyDefersSurgery = false });

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(Sarcoma.Consensus.Indication.IndicationCriteria.ProgressionCaution, result.Cautions);
    }
}
