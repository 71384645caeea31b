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
        Assert.Contains(result.Cautions, c => c.Contains("not yet recorded") && c.Contains("decompensated liver failure"));
        Assert.DoesNotContain(result.Cautions, c => c.Contains(FactNames.DecompensatedLiverFailure));
        ResultSnapshot.Match(result, "applies-unfit-contraindicated");
    }

    [Fact]
    public void Recorded_fitness_with_more_than_five_lesions_is_referred_for_the_disease_not_for_fitness()
    {
        var result = evaluator.Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("(the disease is not oligometastatic, given more than 5 metastatic lesions)", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.Contains(result.Cautions, c => c.Contains("limited metastases") && c.Contains("10.2"));
        ResultSnapshot.Match(result, "applies-not-omd");
    }

    [Fact]
    public void Unrecorded_fitness_is_not_read_as_unfit()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2021, 3, 1))
            .Resected()
            .MetastasesDetectedOn(new LocalDate(2024, 1, 8))
            .AddLesions(6, MetastaticSite.Liver, 20, l => l.Resectable())
            .NoPreviousLiverResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.Contains("more than 5 metastatic lesions", result.Summary);
    }

    [Fact]
    public void Diffuse_peritoneal_sarcomatosis_is_referred_with_the_caution_of_1_2()
    {
        var result = evaluator.Evaluate(Vignettes.DiffusePeritonealDisease());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("(the disease is not oligometastatic, given diffuse peritoneal sarcomatosis)", result.Summary);
        Assert.DoesNotContain("unfit", result.Summary);
        Assert.Contains(result.Cautions, c => c.StartsWith("Diffuse peritoneal sarcomatosis makes the disease ineligible for radical treatment (1.2)", System.StringComparison.Ordinal)
            && c.Contains("section 3.10 (narrative, not voted) concerns patients with limited metastases"));
        ResultSnapshot.Match(result, "applies-diffuse");
    }

    // Section 3.1's caveat where peritoneal disease decides (fifth read F9): its own caution, a case caution (first screen).

    [Fact]
    public void Peritoneal_sarcomatosis_carries_section_3_1s_selected_cases_caveat_as_a_case_caution()
    {
        var result = evaluator.Evaluate(Vignettes.DiffusePeritonealDisease());

        var caveat = Assert.Single(result.CautionMessages, c => c.Code == "oligometastasis.caution.peritoneal-selected-cases");
        Assert.Contains("section 3.1 (narrative, not voted) notes that \"in selected cases, peritoneal disease may be amenable to radical therapy\"", caveat.Text);
    }

    [Fact]
    public void Pleural_sarcomatosis_alone_carries_no_peritoneal_caveat()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .WithDiffuseInvolvement(pleural: true, pericardial: false, peritoneal: false, leptomeningeal: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(result.CautionMessages, c => c.Code == "oligometastasis.caution.peritoneal-selected-cases");
        Assert.DoesNotContain(result.Cautions, c => c.Contains("peritoneal disease may be amenable"));
    }

    [Fact]
    public void A_liver_recurrence_below_the_9_1_interval_is_not_referred_systemic_treatment_comes_first()
    {
        // Section 3.9: local treatment "by either surgery or ablative techniques" with a long TFI; 9.2: systemic treatment first.
        var result = evaluator.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the tumour board reassesses both after systemic treatment (9.2)", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-short-tfi");
    }

    [Fact]
    public void Progression_on_systemic_therapy_points_to_transarterial_treatment()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy()
            .WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true));

        Assert.Contains(result.Findings, f => f.Fact == FactNames.SystemicTherapyResponse && f.Sentence.Contains("transarterial"));
        // Section 3.10's sentence is narrative: tagged as every other narrative sentence (fifth read F7).
        Assert.Contains(result.Findings, f => f.Sentence.Contains("section 3.10 (narrative, not voted) says patients whose disease fails to respond"));
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
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().AddLesion(MetastaticSite.Liver, 30, l => l.InSegments(5).Ablatable()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_patient_with_ECOG_3_is_not_a_candidate_and_is_referred()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("ECOG performance status 3 precludes surgery", result.Summary);
        ResultSnapshot.Match(result, "applies-ecog-3");
    }

    [Fact]
    public void Unassessed_fitness_never_reads_as_a_candidate()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOmdWithoutFitness());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Ecog, FactNames.FitForSurgery }, result.Missing);
        Assert.StartsWith("Whether the patient is a candidate for liver surgery is not yet known", result.Summary, System.StringComparison.Ordinal);
        ResultSnapshot.Match(result, "insufficient-data-fitness");
    }

    [Fact]
    public void Unknown_OMD_never_reads_as_a_candidate()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithDiffuseInvolvement());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.DiffusePeritoneal, result.Missing);
    }

    [Fact]
    public void A_recurrence_whose_TFI_cannot_be_counted_is_not_read_as_a_candidate()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceWithUncountableTfi().FitForSurgery());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.LastTreatmentEndedOn, result.Missing);
    }

    // Sixth paper-only read F2: outside the voted indications (extrahepatic disease beyond the lung) surgery is the board's
    // individual decision: 10.1 is set aside only while the board considers it, and applies if the board declines.
    [Fact]
    public void Outside_the_voted_indications_10_1_is_set_aside_only_while_the_board_considers_surgery()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOmdWithPeritonealNodule());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal("10.1.candidate-individual", result.SummaryMessage.Code);
        Assert.Contains("if the board does not proceed, the patient is not a candidate for surgery and 10.1 applies", result.Summary, System.StringComparison.Ordinal);
        Assert.True(result.CardSummary.Length <= 140);
        Assert.Contains("10.1 applies if the board does not proceed", result.CardSummary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_liver_only_candidate_sets_10_1_aside_without_condition()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal("10.1.candidate", result.SummaryMessage.Code);
    }

    // Sixth paper-only read F7: a lesion of uncertain origin referred for ablation: the diagnosis is unconfirmed, and
    // ablation destroys the tissue (section 3.3; 3.1 allows a biopsy when the origin is uncertain).
    [Fact]
    public void A_lesion_of_uncertain_origin_referred_for_ablation_carries_the_unconfirmed_diagnosis()
    {
        var result = evaluator.Evaluate(Vignettes.UnresectableLesionOfUncertainOriginAfterLongDfi());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == "derived.originUncertain" && f.Value == "yes");
        Assert.Contains(result.CautionMessages, c => c.Code == "10.1.origin-uncertain-before-ablation" && c.Text.Contains("before any ablation", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_sure_or_undetermined_origin_adds_no_unconfirmed_diagnosis_caution()
    {
        var sure = evaluator.Evaluate(Vignettes.UnresectableLiverDiseaseOnChemotherapy());

        Assert.Equal(EvaluationStatus.Applies, sure.Status);
        Assert.DoesNotContain(sure.CautionMessages, c => c.Code == "10.1.origin-uncertain-before-ablation");
    }
}
