using System;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.PreoperativeAssessment;
using Sarcoma.Consensus.SurgicalTiming;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Issue #7, the third paper-only read (samples/patients, tests/cases/clinical-review, tests/cases/second-review): each
/// kind tested at its boundary, grouped by the guideline section it concerns.
/// </summary>
public sealed class ThirdClinicalReadTests
{
    // Section 3.7 (7.1), finding 1: the pre-operative work-up of a resection known not to be offered is not an action.
    [Fact]
    public void A_planned_major_hepatectomy_in_a_patient_known_not_to_be_a_candidate_keeps_the_FLR_assessment_with_the_flag_first()
    {
        // Issue #7, fourth read: 7.1's population is "When planning a major hepatectomy"; the FLR is a condition of the planned
        // operation, not advice to operate, so the flag comes first (the report lists it under "If resection is pursued").
        var result = new FutureLiverRemnantEvaluator().Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 34m, extensivePriorChemotherapy: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("Planned resection outside the consensus indications (5.3, section 3.5)", result.Cautions[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unfit_patient_with_a_planned_major_hepatectomy_keeps_the_FLR_assessment_with_the_flag_first_too()
    {
        var result = new FutureLiverRemnantEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3)
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 34m, extensivePriorChemotherapy: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("Planned resection outside the consensus indications", result.Cautions[0], StringComparison.Ordinal);
        Assert.Contains(result.Cautions, c => c.Contains("ECOG performance status 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_candidacy_keeps_the_FLR_assessment_of_a_planned_major_hepatectomy_never_does_not_apply()
    {
        // Rule 1: fitness not assessed leaves candidacy unknown; the planned hepatectomy keeps 7.1 applying.
        var result = new FutureLiverRemnantEvaluator().Evaluate(Vignettes.MetachronousLiverOmdWithoutFitness()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 34m, extensivePriorChemotherapy: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
    }

    [Fact]
    public void With_the_option_to_apply_surgical_recommendations_outside_the_indications_7_1_applies_with_the_flag()
    {
        var result = new FutureLiverRemnantEvaluator().Evaluate(
            Vignettes.ManyLiverMetastasesFitForSurgery().WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 34m, extensivePriorChemotherapy: false),
            options: new ConsensusOptions { ApplySurgicalRecommendationsOutsideIndications = true });

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Planned resection outside the consensus indications", StringComparison.Ordinal));
    }

    // Section 3.5 (5.1), finding 2: one story, never "being considered" beside "not on the table".
    [Fact]
    public void A_resection_planned_outside_the_indications_is_not_called_being_considered()
    {
        var result = new TumourBoardBeforeLiverResectionEvaluator().Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery().WithLiverSurgeryPlan(majorHepatectomy: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("A liver resection is recorded as planned although it is outside the consensus indications (the disease is not oligometastatic", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("being considered", result.Summary);
    }

    [Fact]
    public void Disease_beyond_the_OMD_limits_only_is_left_to_case_by_case_discussion_not_called_being_considered()
    {
        var result = new TumourBoardBeforeLiverResectionEvaluator().Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery().WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.StartsWith("Liver resection is outside the consensus indications (the disease is not oligometastatic", result.Summary, StringComparison.Ordinal);
        Assert.Contains("section 3.5 (narrative, not voted) leaves such a case to case-by-case discussion", result.Summary);
    }

    [Fact]
    public void A_candidate_keeps_the_being_considered_summary()
    {
        var result = new TumourBoardBeforeLiverResectionEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.StartsWith("Liver resection is being considered", result.Summary, StringComparison.Ordinal);
    }

    // Section 3.5 (5.5, no consensus), finding 4: the reason names the fact that decided.
    [Fact]
    public void Disease_known_not_to_be_oligometastatic_is_outside_5_5_and_that_reason_comes_first()
    {
        var result = new BilobarComplexHepatectomyEvaluator().Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("which is not this patient's scenario: the disease is not oligometastatic (more than 5 metastatic lesions)", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == OligometastaticAssessment.ConceptName && f.Value == "no");
    }

    [Fact]
    public void Oligometastatic_disease_without_complex_lesions_names_only_the_location_reason()
    {
        var result = new BilobarComplexHepatectomyEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.DoesNotContain("oligometastatic", result.Summary.Replace("liver resection of OMD", string.Empty, StringComparison.Ordinal));
    }

    // Section 3.10 (10.1) with 1.2, finding 5: outside OMD, local therapy is not radical treatment, in the paper's words.
    [Fact]
    public void Diffuse_sarcomatosis_makes_the_local_therapy_referral_explicitly_not_radical()
    {
        var referral = new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(Vignettes.DiffusePeritonealDisease());
        var exclusion = new DiffuseOrganInvolvementEvaluator().Evaluate(Vignettes.DiffusePeritonealDisease());

        Assert.Equal(EvaluationStatus.Applies, referral.Status);
        Assert.Contains("which here would not be radical (curative-intent) treatment: diffuse-organ sarcomatosis renders the disease ineligible for radical treatment (1.2)", referral.Summary);
        Assert.Contains("given with palliative intent", referral.Summary);
        Assert.Contains("any local treatment discussed under 10.1 would not be radical (curative-intent) treatment", exclusion.Summary);
    }

    [Fact]
    public void More_than_five_lesions_make_the_local_therapy_referral_explicitly_not_radical()
    {
        var referral = new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(Vignettes.ManyLiverMetastasesFitForSurgery());

        Assert.Contains("the paper ties the curative potential of radical local treatment to oligometastatic disease (section 3.1)", referral.Summary);
    }

    [Fact]
    public void An_unfit_patient_with_oligometastatic_disease_is_referred_without_the_not_radical_wording()
    {
        var referral = new NonSurgicalLocalTherapyReferralEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3));

        Assert.Equal(EvaluationStatus.Applies, referral.Status);
        Assert.DoesNotContain("radical", referral.Summary);
    }

    // Section 3.3 (3.1), finding 6: one rule, surgical candidacy.
    [Fact]
    public void A_candidate_progressing_on_systemic_therapy_keeps_3_1_with_the_progression_caution()
    {
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(
            Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(IndicationCriteria.ProgressionCaution, result.Cautions);
    }

    [Fact]
    public void Progression_that_defers_surgery_by_option_takes_3_1_away_like_any_non_candidacy()
    {
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(
            Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true),
            options: new ConsensusOptions { ProgressionOnSystemicTherapyDefersSurgery = true });

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.StartsWith("The patient is not a candidate for liver surgery (", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fitness_never_takes_3_1_away()
    {
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(Vignettes.MetachronousLiverOmdWithoutFitness());

        Assert.NotEqual(EvaluationStatus.DoesNotApply, result.Status);
    }

    [Fact]
    public void A_short_TFI_recurrence_keeps_3_1_as_its_path_is_preoperative_systemic_treatment()
    {
        var result = new ResectableMetachronousLiverBiopsyEvaluator().Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Although every liver lesion is resectable, the patient is not a candidate", StringComparison.Ordinal));
    }

    // Section 3.8 (8.1), finding 7: the short lines agree with the reason.
    [Fact]
    public void Progressing_disease_gets_an_8_1_summary_card_and_short_action_without_upfront()
    {
        var result = new MetachronousSurgeryTimingEvaluator().Evaluate(
            Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease, ongoing: true));

        Assert.Equal("8.1.applies-progressing", result.SummaryMessage.Code);
        Assert.DoesNotContain("upfront or", result.CardSummary);
        Assert.DoesNotContain("upfront", result.Recommendation.ShortTitle);
        Assert.Equal(
            "Surgery could be considered after systemic therapy (progressing now)",
            Sarcoma.Consensus.Wording.MessageCatalog.English.Render(new Sarcoma.Consensus.Wording.Message("action." + result.SummaryMessage.Code, result.SummaryMessage.Arguments)));
    }

    [Fact]
    public void Stable_disease_keeps_upfront_or_after_systemic_therapy()
    {
        var result = new MetachronousSurgeryTimingEvaluator().Evaluate(
            Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.StableDisease, ongoing: true));

        Assert.Equal("8.1.applies", result.SummaryMessage.Code);
        Assert.Contains("upfront or after systemic therapy", result.CardSummary);
    }
}
