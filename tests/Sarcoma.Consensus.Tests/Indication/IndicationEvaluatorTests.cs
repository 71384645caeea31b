using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>Recommendations 5.3 (metachronous liver-only OMD) and 5.4 (liver plus lung-only OMD).</summary>
public sealed class IndicationEvaluatorTests
{
    private readonly MetachronousLiverResectionEvaluator liverOnly = new();
    private readonly LiverAndLungOmdResectionEvaluator liverAndLung = new();

    [Fact]
    public void Metachronous_liver_only_OMD_is_a_resection_candidate()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("liver resection should be considered", result.Summary);
        Assert.Contains(result.Findings, f => f.Sentence == "2 liver lesions, all in the right lobe (segments 6, 7).");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Synchronous_liver_OMD_is_outside_the_metachronous_indication()
    {
        var result = liverOnly.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("synchronous, not metachronous", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Liver_plus_lung_disease_is_not_confined_to_the_liver_and_points_to_5_4()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverAndLungOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not confined to the liver (lung)", result.Summary);
        Assert.Contains("5.4", result.Summary);
    }

    [Fact]
    public void A_known_extrahepatic_bone_lesion_rules_5_3_out_even_when_staging_is_incomplete()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .WithStaging()
            .AddLesion(MetastaticSite.Bone, 20, l => l.Ablatable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Empty(result.Missing);
    }

    // Sixth paper-only read (s20), case 19: with the staging that defines OMD not confirmed, the lesion list is only as
    // complete as the staging, so the absence of a lung lesion is unknown, not "no" (rule 1).

    [Fact]
    public void Liver_only_lesions_with_unconfirmed_staging_leave_5_4_undecided_naming_the_staging()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithStaging());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.StagingContrastCt, result.Missing);
        Assert.Contains(FactNames.StagingFdgPetCt, result.Missing);
        Assert.DoesNotContain("confined to the liver", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionSite && f.Value == "unknown" && f.Sentence.Contains("only as complete as the staging"));
    }

    [Fact]
    public void Liver_only_lesions_with_confirmed_staging_rule_5_4_out()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("confined to the liver", result.Summary);
    }

    [Fact]
    public void A_known_lesion_beyond_liver_and_lung_rules_5_4_out_even_when_staging_is_unconfirmed()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .WithStaging()
            .AddLesion(MetastaticSite.Bone, 20, l => l.Ablatable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Liver_only_lesions_with_unconfirmed_staging_leave_5_3_undecided_not_ruled_out()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithStaging());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.StagingContrastCt, result.Missing);
    }

    [Fact]
    public void No_evidence_of_disease_after_resection_rules_out_the_surgical_recommendations()
    {
        var builder = Vignettes.NoEvidenceOfDiseaseAfterLiverResection();

        var indication = liverOnly.Evaluate(builder);
        Assert.Equal(EvaluationStatus.DoesNotApply, indication.Status);
        Assert.Contains("no current evidence of metastatic disease", indication.Summary);
        Assert.Contains(indication.Findings, f => f.Fact == FactNames.NoEvidenceOfDisease);

        Assert.Equal(EvaluationStatus.DoesNotApply, new TumourBoardBeforeLiverResectionEvaluator().Evaluate(builder).Status);
        var bilobar = new BilobarComplexHepatectomyEvaluator().Evaluate(builder);
        Assert.Equal(EvaluationStatus.DoesNotApply, bilobar.Status);
        Assert.EndsWith("no current evidence of metastatic disease.", bilobar.Summary);
        Assert.Equal(EvaluationStatus.DoesNotApply, new Sarcoma.Consensus.SurgicalTiming.SynchronousResidualLiverSurgeryEvaluator().Evaluate(builder).Status);
    }

    [Fact]
    public void Incomplete_staging_leaves_the_metachronous_indication_undecided()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithStaging(contrastCt: true));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.StagingLiverMri, result.Missing);
        Assert.Contains(FactNames.StagingFdgPetCt, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_patient_recorded_unfit_is_not_offered_liver_resection()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd().FitForSurgery(false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not a candidate for liver surgery: the patient is recorded as unfit for surgery (see 10.1)", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-unfit");
    }

    [Theory]
    [InlineData(2, EvaluationStatus.Applies)]
    [InlineData(3, EvaluationStatus.DoesNotApply)]
    public void ECOG_3_or_more_rules_out_liver_resection_and_ECOG_2_is_a_caution(int ecog, EvaluationStatus expected)
    {
        var indications = new IRecommendationEvaluator[]
        {
            liverOnly, liverAndLung, new Sarcoma.Consensus.SurgicalTiming.MetachronousSurgeryTimingEvaluator(),
        };
        var lung = Vignettes.MetachronousLiverAndLungOmd().WithPerformanceStatus(ecog);
        var liver = Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(ecog);

        foreach (var (evaluator, builder) in new[] { (indications[0], liver), (indications[1], lung), (indications[2], liver) })
        {
            var result = evaluator.Evaluate(builder);
            Assert.Equal(expected, result.Status);
            if (expected == EvaluationStatus.Applies)
            {
                Assert.Contains(result.Cautions, c => c.StartsWith("ECOG performance status 2", System.StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains("ECOG performance status 3 precludes surgery", result.Summary);
            }
        }
    }

    [Fact]
    public void Unassessed_fitness_keeps_5_3_with_the_7_2_caution()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOmdWithoutFitness());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Fitness for surgery has not been assessed", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ASA_III_is_a_caution_on_5_3()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithAsaClass(3));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("ASA physical status III", System.StringComparison.Ordinal));
    }

    private static readonly ConsensusOptions ProgressionAsCaution = new() { ProgressionOnSystemicTherapyDefersSurgery = false };

    [Fact]
    public void Metachronous_disease_progressing_on_systemic_therapy_carries_the_section_3_11_caution()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(received: true, response: TreatmentResponse.ProgressiveDisease), options: ProgressionAsCaution);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(IndicationCriteria.ProgressionCaution, result.Cautions);
        Assert.Contains("section 3.10 (narrative, not voted) adds", IndicationCriteria.ProgressionCaution, System.StringComparison.Ordinal);
        ResultSnapshot.Match(result, "applies-progressing");
    }

    [Fact]
    public void Metachronous_liver_and_lung_OMD_may_be_resected_in_highly_selected_patients()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverAndLungOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(ResultFlag.Caution, result.Flags);
        Assert.Contains(result.Cautions, c => c.Contains("highly selected patients with a favourable prognostic profile"));
        Assert.Contains(result.Findings, f => f.Fact == "derived.diseaseFreeInterval" && f.Sentence.Contains("favourable prognostic factor"));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionSizeMm && f.Value == "32");
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionSite && f.Value == "1 lung lesion");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Liver_only_disease_is_not_the_liver_and_lung_scenario()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("5.3", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void A_lung_nodule_of_unknown_resectability_leaves_the_liver_and_lung_scenario_undecided()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Lung, 9, l => l.Ablatable()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Bone_disease_is_not_lung_only_extrahepatic_disease()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Bone, 15, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not limited to the lung (bone)", result.Summary);
    }

    [Theory]
    [InlineData(99.9, false)]
    [InlineData(100, false)]
    [InlineData(100.1, true)]
    public void A_liver_metastasis_larger_than_10_cm_is_flagged_as_not_favourable(double sizeMm, bool flagged)
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverAndLungOmd()
            .AddLesion(MetastaticSite.Liver, (decimal)sizeMm, l => l.InSegments(5).Resectable()));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Equal(flagged, result.Cautions.Any(c => c.Contains("larger than 10 cm")));
    }

    [Fact]
    public void Detection_exactly_at_six_months_read_as_metachronous_carries_the_boundary_and_DFI_cautions()
    {
        var options = new ConsensusOptions { AtWindowBoundary = BoundaryTiming.Metachronous };
        var builder = Vignettes.MetachronousLiverAndLungOmd().MetastasesDetectedOn(new LocalDate(2021, 9, 1));

        var result = liverAndLung.Evaluate(builder, options: options);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("6-month boundary"));
        Assert.Contains(result.Cautions, c => c.Contains("DFI not longer than 6 months"));
        ResultSnapshot.Match(result, "boundary");
    }

    [Fact]
    public void A_DFI_one_day_longer_than_six_months_is_favourable()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverAndLungOmd().MetastasesDetectedOn(new LocalDate(2021, 9, 2)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == "derived.diseaseFreeInterval" && f.Sentence.EndsWith("a favourable prognostic factor (section 3.5).", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Cautions, c => c.StartsWith("Not favourable", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Five_lesions_of_liver_and_lung_OMD_are_named_as_not_a_limited_number_under_5_4()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverAndLungOmd().AddLesions(2, MetastaticSite.Lung, 6, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Not favourable", System.StringComparison.Ordinal) && c.Contains("5 metastatic lesions, not a limited number (<3–5)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Detection_exactly_at_six_months_is_synchronous_by_default_so_5_4_does_not_apply()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverAndLungOmd().MetastasesDetectedOn(new LocalDate(2021, 9, 1)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(ResultFlag.Caution, result.Flags);
    }

    [Fact]
    public void A_liver_recurrence_eight_months_after_resection_is_governed_by_9_1_not_5_3()
    {
        var result = liverOnly.Evaluate(Vignettes.LiverRecurrenceEightMonthsAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("liver recurrence after a previous liver resection", result.Summary);
        Assert.Contains("not by 5.3 but by the specific recommendation 9.1", result.Summary);
        Assert.EndsWith("see 9.1.", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LiverResectionPerformedOn && f.Value == "2024-01-15");
        Assert.Contains(result.Findings, f => f.Fact == FactNames.MetastasesDetectedOn && f.Sentence.Contains("a liver recurrence"));
        ResultSnapshot.Match(result, "recurrence");
    }

    [Fact]
    public void A_liver_and_lung_recurrence_after_resection_is_governed_by_9_1_not_5_4()
    {
        var result = liverAndLung.Evaluate(Vignettes.LiverRecurrenceEightMonthsAfterResection()
            .AddLesion(MetastaticSite.Lung, 8, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not by 5.4 but by the specific recommendation 9.1", result.Summary);
        ResultSnapshot.Match(result, "recurrence");
    }

    [Fact]
    public void Liver_lesions_beside_an_undated_resection_are_not_read_as_a_recurrence_and_the_date_is_asked_for()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory().AddLiverResection(null, ResectionMargin.R0));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LiverResectionPerformedOn }, result.Missing);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LiverResectionPerformedOn && f.Value == "unknown");
        ResultSnapshot.Match(result, "insufficient-data-undated-resection");
    }

    [Fact]
    public void Liver_lesions_detected_on_an_unknown_date_after_a_dated_resection_are_not_read_as_a_recurrence()
    {
        var patient = Vignettes.MetachronousLiverOmdWithoutSurgicalHistory().AddLiverResection(new LocalDate(2022, 3, 1)).Build();

        var result = liverOnly.Evaluate(new EvaluationContext(patient with { Metastases = patient.Metastases! with { DetectedOn = null } }, Vignettes.AsOf));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.MetastasesDetectedOn, result.Missing);
    }

    [Fact]
    public void Lesions_detected_after_every_dated_resection_are_a_recurrence()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory()
            .AddLiverResection(new LocalDate(2022, 3, 1))
            .AddLiverResection(new LocalDate(2022, 9, 1)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("see 9.1", result.Summary);
    }

    [Fact]
    public void Unrecorded_surgical_history_leaves_5_3_undecided_as_9_1_would_govern_a_recurrence()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, result.Missing);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PreviousLiverResection && f.Value == "unknown" && f.Sentence.Contains("9.1"));
        ResultSnapshot.Match(result, "surgical-history-unknown");
    }

    [Fact]
    public void Unrecorded_surgical_history_leaves_5_4_undecided()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOmdWithoutSurgicalHistory()
            .AddLesion(MetastaticSite.Lung, 12, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, result.Missing);
    }

    [Fact]
    public void A_known_absence_of_previous_liver_resection_adds_no_recurrence_caution()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.DoesNotContain(result.Cautions, c => c.Contains("9.1"));
        Assert.DoesNotContain(result.Findings, f => f.Fact == FactNames.PreviousLiverResection);
    }

    [Fact]
    public void A_recorded_resection_without_recorded_lesions_asks_for_the_lesions_and_their_detection_date()
    {
        var result = liverOnly.Evaluate(Vignettes.AlmostNothingKnown().AddLiverResection(new LocalDate(2022, 3, 1)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.Metastases, result.Missing);
    }

    [Fact]
    public void Synchronous_liver_only_disease_does_not_point_to_5_3_which_does_not_apply_either()
    {
        var result = liverAndLung.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the scenario of 5.4 requires lung involvement", result.Summary);
        Assert.DoesNotContain("5.3", result.Summary);
    }

    [Fact]
    public void Synchronous_liver_and_lung_disease_does_not_point_to_5_4_which_does_not_apply_either()
    {
        var result = liverOnly.Evaluate(Vignettes.SynchronousOmdOnInduction().AddLesion(MetastaticSite.Lung, 9, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("not confined to the liver (lung)", result.Summary);
        Assert.DoesNotContain("5.4", result.Summary);
    }

    [Fact]
    public void An_unresectable_liver_lesion_rules_5_3_out_in_plain_numbers()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 40, l => l.InSegments(1).Unresectable().Ablatable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("1 of 3 liver lesions is not amenable to complete surgical resection", result.Summary);
        Assert.DoesNotContain("(s)", result.Summary);
    }

    [Theory]
    [InlineData(1, "The liver lesion is not amenable to complete surgical resection.")]
    [InlineData(2, "Neither liver lesion is amenable to complete surgical resection.")]
    [InlineData(3, "None of the 3 liver lesions is amenable to complete surgical resection.")]
    public void Unresectable_liver_lesions_are_counted_in_plain_English(int count, string sentence)
    {
        var result = liverOnly.Evaluate(Vignettes.AlmostNothingKnown()
            .AddLesions(count, MetastaticSite.Liver, 30, l => l.InSegments(6).Unresectable().Ablatable()));

        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionResectable && f.Sentence == sentence);
    }

    [Fact]
    public void An_unresectable_lung_nodule_is_named_in_plain_numbers_for_5_4()
    {
        var result = liverAndLung.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Lung, 30, l => l.Unresectable().Ablatable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Sentence == "1 of 3 lesions is not amenable to complete surgical resection (1 lung lesion).");
        Assert.Contains("1 of 3 lesions is not amenable to complete surgical resection", result.Summary);
    }

    [Fact]
    public void Non_oligometastatic_disease_is_named_without_nested_parentheses()
    {
        var result = liverOnly.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, 10, l => l.InSegments(5).Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("the disease is not oligometastatic (more than 5 metastatic lesions)", result.Summary);
        Assert.DoesNotMatch(@"\([^()]*\(", result.Summary.Substring(result.Summary.IndexOf(':')));
    }

    // Sixth paper-only read F8: after a complete resection 5.3 and 5.4 say there is no current metastatic disease, once,
    // not "the disease is not oligometastatic (no current metastatic disease)".
    [Fact]
    public void No_evidence_of_disease_is_said_once_and_never_as_not_oligometastatic_by_5_3_and_5_4()
    {
        var builder = Vignettes.NoEvidenceOfDiseaseAfterLiverResection();

        foreach (var result in new[] { liverOnly.Evaluate(builder), liverAndLung.Evaluate(builder) })
        {
            Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
            Assert.DoesNotContain("not oligometastatic", result.Summary, System.StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Summary, "no current evidence of metastatic disease"));
        }
    }
}
