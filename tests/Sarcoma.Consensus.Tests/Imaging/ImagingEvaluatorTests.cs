using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Imaging;

/// <summary>Recommendations 4.1, 4.2 and 4.3.</summary>
public sealed class ImagingEvaluatorTests
{
    private readonly ContrastCtStagingEvaluator contrastCt = new();
    private readonly LiverMriEvaluator liverMri = new();
    private readonly FdgPetCtEvaluator fdgPetCt = new();

    // 4.1

    [Fact]
    public void Liver_metastases_of_a_retroperitoneal_sarcoma_call_for_contrast_CT()
    {
        var result = contrastCt.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("especially in retroperitoneal sarcoma (RPS) such as this one", result.Summary);
        Assert.Contains("already been done", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Lung_only_metastases_are_outside_the_liver_staging_recommendation()
    {
        var result = contrastCt.Evaluate(Vignettes.LungOnlyMetastases());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void No_recorded_lesion_leaves_contrast_CT_undecided()
    {
        var result = contrastCt.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.Metastases }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    // 4.2

    [Theory]
    [InlineData(9, EvaluationStatus.Applies)]
    [InlineData(10, EvaluationStatus.DoesNotApply)]
    [InlineData(11, EvaluationStatus.DoesNotApply)]
    public void Hepatic_MRI_applies_below_1_cm(int sizeMm, EvaluationStatus expected)
    {
        var result = liverMri.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new NodaTime.LocalDate(2025, 1, 6))
            .MetastasesDetectedOn(new NodaTime.LocalDate(2025, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm)
            .WithOriginUncertainty(false, false, false));

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void An_8_mm_liver_metastasis_calls_for_hepatic_MRI_not_yet_done()
    {
        var result = liverMri.Evaluate(Vignettes.AngiosarcomaWithSmallLiverMetastases()
            .WithOriginUncertainty(false, false, false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("smaller than 1 cm (8 mm)", result.Summary);
        Assert.Contains("not been done yet", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_25_mm_lesion_of_certain_origin_needs_no_hepatic_MRI_under_4_2()
    {
        var result = liverMri.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void An_unmeasured_lesion_of_unrecorded_origin_leaves_hepatic_MRI_undecided()
    {
        var result = liverMri.Evaluate(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new NodaTime.LocalDate(2025, 1, 6))
            .MetastasesDetectedOn(new NodaTime.LocalDate(2025, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: null, l => l.InSegments(5)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(
            new[] { FactNames.LesionSizeMm, FactNames.ColorectalCancerHistory, FactNames.HccRiskFactors, FactNames.OtherCancerHistory },
            result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_liver_recurrence_long_after_resection_is_of_uncertain_origin_by_that_interval()
    {
        var result = liverMri.Evaluate(
            Vignettes.LiverRecurrenceAfterResection()
                .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false),
            options: new ConsensusOptions { LongDiseaseFreeIntervalMonths = 24 });

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("a long interval of 27 months and 12 days since the latest liver metastasectomy", result.Summary);
    }

    [Fact]
    public void A_liver_recurrence_27_months_after_resection_is_not_of_uncertain_origin_by_default()
    {
        var result = liverMri.Evaluate(Vignettes.LiverRecurrenceAfterResection()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
    }

    [Fact]
    public void A_liver_recurrence_8_months_after_resection_is_not_of_uncertain_origin_despite_a_long_DFI()
    {
        var result = liverMri.Evaluate(Vignettes.EarlyLiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == Sarcoma.Consensus.Biopsy.OriginUncertaintyAssessment.IntervalSinceMetastasectomyName && f.Value == "8");
        ResultSnapshot.Match(result, "does-not-apply-early-recurrence");
    }

    // 4.3

    [Fact]
    public void Angiosarcoma_is_an_appropriate_subtype_for_FDG_PET_CT()
    {
        var result = fdgPetCt.Evaluate(Vignettes.AngiosarcomaWithSmallLiverMetastases());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("appropriate subtype (4.3)", result.Summary);
        ResultSnapshot.Match(result, "applies-subtype");
    }

    [Fact]
    public void A_resection_candidate_of_a_subtype_outside_4_3_gets_the_unvoted_PET_suggestion_as_labelled_context_only()
    {
        var result = fdgPetCt.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("Context only, not a voted recommendation.", result.Summary);
        Assert.Contains("candidate for metastatic resection", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-resection-candidate");
    }

    [Fact]
    public void After_induction_in_synchronous_OMD_the_unvoted_PET_rescan_is_context_never_4_3_not_done_yet()
    {
        var result = fdgPetCt.Evaluate(Vignettes.SynchronousOmdOnInduction().FitForSurgery().WithSystemicTherapy(received: true, response: TreatmentResponse.StableDisease, ongoing: true));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("Context only, not a voted recommendation.", result.Summary);
    }

    [Fact]
    public void For_an_appropriate_subtype_4_3_reports_the_recorded_scan_as_done_after_systemic_treatment()
    {
        var result = fdgPetCt.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .WithPrimary(Histology.SynovialSarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new NodaTime.LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .WithSystemicTherapy(received: true, response: TreatmentResponse.StableDisease, ongoing: false));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("it has already been done", result.Summary);
        Assert.Contains("narrative, not voted", result.Summary);
    }

    [Fact]
    public void Unknown_histology_leaves_4_3_undecided_naming_the_histology()
    {
        var result = fdgPetCt.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithPrimary(null, PrimarySite.Retroperitoneal, diagnosedOn: new NodaTime.LocalDate(2021, 3, 1)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.PrimaryHistology, result.Missing);
    }

    [Fact]
    public void Unresectable_myxoid_liposarcoma_is_not_an_FDG_PET_CT_indication()
    {
        var result = fdgPetCt.Evaluate(Vignettes.MyxoidLiposarcomaLiverMetastasis());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Unknown_histology_and_resectability_leave_FDG_PET_CT_undecided()
    {
        var result = fdgPetCt.Evaluate(Patient.Builder()
            .WithPrimary(null, PrimarySite.Trunk)
            .MetastasesDetectedOn(new NodaTime.LocalDate(2025, 11, 3))
            .AddLesion(MetastaticSite.Liver, sizeMm: 22));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionResectable, FactNames.PrimaryHistology }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
