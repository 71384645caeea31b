using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>
/// Surgical candidacy (tri-state: candidate, not a candidate, not yet known) and whether liver resection is "on the
/// table" (the trigger of the surgical process recommendations).
/// </summary>
public sealed class LiverResectionCandidacyTests
{
    private static LiverResectionCandidacy Assess(PatientBuilder builder) => LiverResectionCandidacy.Assess(builder.Context());

    [Fact]
    public void Resectable_liver_only_OMD_in_a_fit_patient_is_a_candidate_and_puts_liver_resection_on_the_table()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(TriState.Yes, candidacy.Candidate);
        Assert.Empty(candidacy.CandidateMissing);
        Assert.Equal(TriState.Yes, candidacy.Status);
        Assert.Equal("every liver lesion is resectable", candidacy.Basis);
    }

    [Fact]
    public void Diffuse_peritoneal_sarcomatosis_takes_liver_resection_off_the_table_even_with_resectable_liver_lesions()
    {
        var candidacy = Assess(Vignettes.DiffusePeritonealDisease().WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Contains("diffuse peritoneal sarcomatosis", candidacy.Basis, System.StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_resectable_lesions_are_outside_the_indications_flagged_for_case_by_case_discussion_not_on_the_table()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 9, l => l.Resectable())
            .WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(TriState.Yes, candidacy.OutsideIndications);
        Assert.Contains("more than 5 metastatic lesions", candidacy.Basis, System.StringComparison.Ordinal);
        Assert.Contains("case-by-case basis", candidacy.OutsideIndicationsFlagMessage!.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_keeps_the_old_reading_more_than_five_resectable_lesions_on_the_table_with_the_flag_first()
    {
        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 9, l => l.Resectable())
            .WithLiverSurgeryPlan(majorHepatectomy: false)
            .Context(options: new ConsensusOptions { ApplySurgicalRecommendationsOutsideIndications = true }));

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.Yes, candidacy.Status);
        Assert.Contains("case-by-case basis", candidacy.Cautions[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_lesions_with_one_of_unrecorded_resectability_leave_the_case_by_case_discussion_undecided()
    {
        // Monotonicity: were that lesion resectable, the case-by-case discussion would be open (5.1 applies, flagged).
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 9, l => l.Resectable())
            .AddLesion(MetastaticSite.Liver, 50, l => l.InSegments(1))
            .WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(TriState.Unknown, candidacy.OutsideIndications);
        Assert.Equal(new[] { FactNames.LesionResectable }, candidacy.OutsideIndicationsMissing);
    }

    [Fact]
    public void More_than_five_lesions_with_one_unresectable_take_liver_resection_off_the_table()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 9, l => l.Resectable())
            .AddLesion(MetastaticSite.Liver, 50, l => l.InSegments(1).Unresectable())
            .WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(TriState.No, candidacy.Status);
    }

    [Fact]
    public void Incomplete_staging_leaves_candidacy_unknown_but_keeps_resection_on_the_table_for_the_work_up()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: true));

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.Contains(FactNames.StagingLiverMri, candidacy.CandidateMissing);
        Assert.Equal(TriState.Yes, candidacy.Status);
    }

    [Fact]
    public void An_unresectable_liver_lesion_or_an_unfit_patient_takes_it_off_the_table()
    {
        var unresectable = Assess(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 60, l => l.Unresectable().Ablatable())
            .WithLiverSurgeryPlan(majorHepatectomy: false));
        var unfit = Assess(Vignettes.MetachronousLiverOnlyOmd().FitForSurgery(false).WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(TriState.No, unresectable.Status);
        Assert.Equal(TriState.No, unfit.Status);
        Assert.Equal("the patient is recorded as unfit for surgery", unfit.CandidateBasis);
    }

    [Fact]
    public void Unknown_resectability_is_unknown_and_named()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().AddLesion(MetastaticSite.Liver, 12));

        Assert.Equal(TriState.Unknown, candidacy.Status);
        Assert.Contains(FactNames.LesionResectable, candidacy.Missing);
        Assert.Equal(TriState.Unknown, candidacy.Candidate);
    }

    [Fact]
    public void No_evidence_of_disease_is_not_a_resection_candidate()
    {
        var candidacy = Assess(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new NodaTime.LocalDate(2020, 1, 1))
            .NoEvidenceOfDisease());

        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(FactNames.NoEvidenceOfDisease, candidacy.Findings[2].Fact);
    }

    // Issue #7 §1: fitness and performance status gate surgical candidacy.

    [Theory]
    [InlineData(2, TriState.Yes)]
    [InlineData(3, TriState.No)]
    [InlineData(4, TriState.No)]
    public void ECOG_3_or_more_makes_the_patient_not_a_candidate_even_when_recorded_fit(int ecog, TriState candidate)
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(ecog));

        Assert.Equal(candidate, candidacy.Candidate);
    }

    [Theory]
    [InlineData(2, TriState.No)]
    [InlineData(3, TriState.No)]
    [InlineData(4, TriState.Yes)]
    public void The_ECOG_that_precludes_surgery_follows_the_option(int threshold, TriState candidate)
    {
        var options = new ConsensusOptions { SurgeryPrecludingMinimumEcog = threshold };

        var candidacy = LiverResectionCandidacy.Assess(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3).Context(options: options));

        Assert.Equal(candidate, candidacy.Candidate);
    }

    [Fact]
    public void ECOG_2_and_ASA_III_are_cautions_on_the_surgical_recommendations()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(2).WithAsaClass(3));

        Assert.Equal(TriState.Yes, candidacy.Candidate);
        Assert.Contains(candidacy.Cautions, c => c.StartsWith("ECOG performance status 2", System.StringComparison.Ordinal));
        Assert.Contains(candidacy.Cautions, c => c.StartsWith("ASA physical status III", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ECOG_1_and_ASA_II_draw_no_fitness_caution()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(1).WithAsaClass(2));

        Assert.DoesNotContain(candidacy.Cautions, c => c.Contains("ECOG", System.StringComparison.Ordinal) || c.Contains("ASA", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Fitness_never_assessed_makes_candidacy_unknown_with_a_caution_never_a_candidate()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOmdWithoutFitness());

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.Equal(new[] { FactNames.FitForSurgery, FactNames.Ecog }, candidacy.CandidateMissing);
        Assert.Equal(TriState.Yes, candidacy.Status);
        Assert.Contains(candidacy.Cautions, c => c.StartsWith("Fitness for surgery has not been assessed", System.StringComparison.Ordinal) && c.Contains("7.2", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_ECOG_alone_is_an_assessment_of_fitness()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOmdWithoutFitness().WithPerformanceStatus(1));

        Assert.Equal(TriState.Yes, candidacy.Candidate);
    }

    // Issue #7 §2: "not a candidate" is tri-state; an unknown fact never makes a patient a candidate.

    [Fact]
    public void Unknown_OMD_diffuse_disease_or_previous_resection_leave_candidacy_unknown_naming_them()
    {
        var diffuseUnknown = Assess(Vignettes.MetachronousLiverOnlyOmd().WithDiffuseInvolvement());
        var historyUnknown = Assess(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory());

        Assert.Equal(TriState.Unknown, diffuseUnknown.Candidate);
        Assert.Contains(FactNames.DiffusePeritoneal, diffuseUnknown.CandidateMissing);
        Assert.Equal(TriState.Unknown, historyUnknown.Candidate);
        Assert.Contains(FactNames.PreviousLiverResection, historyUnknown.CandidateMissing);
    }

    [Fact]
    public void A_recurrence_whose_TFI_cannot_be_counted_has_unknown_candidacy()
    {
        var candidacy = Assess(Vignettes.LiverRecurrenceWithUncountableTfi());

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.Contains(FactNames.LastTreatmentEndedOn, candidacy.CandidateMissing);
    }

    [Fact]
    public void A_known_reason_rules_candidacy_out_even_when_other_facts_are_missing()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOmdWithoutFitness()
            .AddLesion(MetastaticSite.Liver, 60, l => l.Unresectable()));

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(new[] { FactNames.MajorHepatectomyPlanned }, candidacy.OutsideIndicationsMissing);
    }

    [Fact]
    public void Synchronous_disease_whose_response_is_not_recorded_has_unknown_candidacy()
    {
        var candidacy = Assess(Vignettes.SynchronousOmdOnInduction().FitForSurgery().WithSystemicTherapy(received: true));

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.Contains(FactNames.SystemicTherapyResponse, candidacy.CandidateMissing);
    }

    [Fact]
    public void A_non_candidate_whose_plan_is_not_recorded_has_surgery_off_the_table_and_only_the_flag_undecided()
    {
        var candidacy = Assess(Vignettes.DiffusePeritonealDisease());

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(TriState.Unknown, candidacy.OutsideIndications);
        Assert.Equal(new[] { FactNames.MajorHepatectomyPlanned }, candidacy.OutsideIndicationsMissing);
    }

    [Fact]
    public void A_hepatectomy_planned_for_diffuse_disease_is_flagged_outside_the_indications_not_put_on_the_table()
    {
        var candidacy = Assess(Vignettes.DiffusePeritonealDisease().WithLiverSurgeryPlan(majorHepatectomy: true));

        Assert.Equal(TriState.No, candidacy.Candidate);
        Assert.Equal(TriState.No, candidacy.Status);
        Assert.Equal(TriState.Yes, candidacy.OutsideIndications);
        Assert.StartsWith("Planned resection outside the consensus indications (5.3, section 3.5)", candidacy.OutsideIndicationsFlagMessage!.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_detection_date_leaves_liver_resection_undecided_naming_the_date_even_for_a_fit_resectable_patient()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().MetastasesDetectedOn(null));

        Assert.Equal(TriState.Unknown, candidacy.Status);
        Assert.Contains(FactNames.MetastasesDetectedOn, candidacy.Missing);
        Assert.NotEqual(TriState.No, candidacy.Candidate);
    }

    [Fact]
    public void An_uncountable_TFI_of_a_liver_recurrence_leaves_liver_resection_undecided()
    {
        var candidacy = Assess(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new NodaTime.LocalDate(2019, 1, 7))
            .Resected(on: new NodaTime.LocalDate(2019, 2, 4))
            .AddLiverResection(new NodaTime.LocalDate(2022, 2, 14), ResectionMargin.R1)
            .MetastasesDetectedOn(new NodaTime.LocalDate(2024, 10, 1))
            .AddLesion(MetastaticSite.Liver, 22, l => l.InSegments(5, 6).Resectable())
            .FitForSurgery());

        Assert.Equal(TriState.Unknown, candidacy.Status);
        Assert.NotEmpty(candidacy.Missing);
    }

    // Sixth paper-only read F2: extrahepatic disease outside the lung is OMD by 1.1 (≤5 lesions, ≤2 sites) but outside the
    // voted surgical indications (5.3 liver only, 5.4 liver and lung only); section 3.1 warns of a more systemic disease.
    [Fact]
    public void Extrahepatic_disease_outside_the_lung_makes_surgery_an_individual_board_decision_not_a_candidacy_within_the_indications()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverOmdWithPeritonealNodule());

        Assert.Equal(TriState.Yes, candidacy.Candidate);
        Assert.Equal(TriState.Yes, candidacy.Status);
        Assert.True(candidacy.IndividualBoardDecision);
        Assert.DoesNotContain("within the guideline's surgical indications", candidacy.CandidateBasis, System.StringComparison.Ordinal);
        Assert.Contains("outside the voted surgical indications (5.3 liver only, 5.4 liver and lung only)", candidacy.CandidateBasis, System.StringComparison.Ordinal);
        Assert.StartsWith("Liver surgery only as an individual tumour-board decision:", candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
        Assert.Contains(candidacy.CautionMessages, c => c.Code == "indication.caution.extrahepatic.beyond-lung" && c.Text.Contains("individual tumour-board decision (5.1; section 3.5)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Lung_only_extrahepatic_disease_stays_within_the_indications_of_5_4()
    {
        var candidacy = Assess(Vignettes.MetachronousLiverAndLungOmd());

        Assert.Equal(TriState.Yes, candidacy.Candidate);
        Assert.False(candidacy.IndividualBoardDecision);
        Assert.Contains("within the guideline's surgical indications (5.4", candidacy.CandidateBasis, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unconfirmed_staging_is_never_read_as_no_extrahepatic_disease()
    {
        // Rule 1: liver-only on the record but staging unconfirmed (neither liver MRI nor FDG-PET/CT recorded): neither "within the indications" nor
        // "outside" them is said; candidacy is not yet known.
        var candidacy = Assess(Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: true, liverMri: null, fdgPetCt: null));

        Assert.Equal(TriState.Unknown, candidacy.Candidate);
        Assert.False(candidacy.IndividualBoardDecision);
        Assert.DoesNotContain("within the guideline's surgical indications", candidacy.CandidateFinding.Sentence, System.StringComparison.Ordinal);
    }
}
