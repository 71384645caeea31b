using System.Linq;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Imaging;

/// <summary>The imaging plan of section 3.4 (4.1–4.3 and the narrative brain/spine MRI), at its boundaries.</summary>
public sealed class ImagingPlanTests
{
    /// <summary>One liver lesion of the given size, origin known not to be in doubt (short DFI, no risk factors).</summary>
    private static ImagingPlan WithOneLiverLesion(decimal? sizeMm) =>
        ImagingPlan.Assess(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Extremity, diagnosedOn: new NodaTime.LocalDate(2025, 1, 6))
            .MetastasesDetectedOn(new NodaTime.LocalDate(2025, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm, l => l.Resectable())
            .WithOriginUncertainty(false, false, false)
            .Context());

    [Theory]
    [InlineData(9, TriState.Yes)]    // smaller than 1 cm
    [InlineData(9.9, TriState.Yes)]
    [InlineData(10, TriState.No)]    // exactly 1 cm is not smaller than 1 cm
    [InlineData(11, TriState.No)]
    public void Hepatic_MRI_is_indicated_for_liver_lesions_smaller_than_1_cm(double sizeMm, TriState expected)
    {
        var mri = WithOneLiverLesion((decimal)sizeMm).LiverMri;

        Assert.Equal(expected, mri.Indicated);
        Assert.Equal("4.2", mri.RecommendationId);
        Assert.Empty(mri.Missing);
    }

    [Fact]
    public void An_unmeasured_liver_lesion_leaves_hepatic_MRI_undecided()
    {
        var mri = WithOneLiverLesion(null).LiverMri;

        Assert.Equal(TriState.Unknown, mri.Indicated);
        Assert.Equal(new[] { FactNames.LesionSizeMm }, mri.Missing);
    }

    [Fact]
    public void One_small_lesion_decides_even_when_another_is_unmeasured()
    {
        var plan = ImagingPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded()
            .AddLesion(MetastaticSite.Liver, sizeMm: 7, l => l.Resectable())
            .AddLesion(MetastaticSite.Liver, sizeMm: null, l => l.Resectable())
            .Context());

        Assert.Equal(TriState.Yes, plan.LiverMri.Indicated);
        Assert.Contains("smaller than 1 cm (7 mm)", plan.LiverMri.Reason);
    }

    [Fact]
    public void Uncertain_origin_indicates_hepatic_MRI_whatever_the_size()
    {
        var plan = ImagingPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .WithOriginUncertainty(hccRiskFactors: true, colorectalCancerHistory: false, otherCancerHistory: false)
            .Context());

        Assert.Equal(TriState.Yes, plan.LiverMri.Indicated);
        Assert.Contains("uncertain origin", plan.LiverMri.Reason);
    }

    [Fact]
    public void Large_lesions_of_unrecorded_origin_leave_hepatic_MRI_undecided()
    {
        // Before the MRI is done: once done, the origin facts no longer change the plan (LiverMriAlreadyDoneTests).
        var plan = ImagingPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded().WithStaging(contrastCt: true, liverMri: false).Context());

        Assert.Equal(TriState.Unknown, plan.LiverMri.Indicated);
        Assert.Equal(new[] { FactNames.HccRiskFactors, FactNames.ColorectalCancerHistory, FactNames.OtherCancerHistory }, plan.LiverMri.Missing);
    }

    [Fact]
    public void Contrast_CT_is_indicated_for_every_liver_metastasis_and_stresses_RPS()
    {
        var rps = ImagingPlan.Assess(Vignettes.MetachronousLiverOnlyOmd().Context()).ContrastCt;
        var extremity = ImagingPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis().Context()).ContrastCt;

        Assert.Equal(TriState.Yes, rps.Indicated);
        Assert.Contains("retroperitoneal sarcoma (RPS)", rps.Reason);
        Assert.Contains(rps.Findings, f => f.Fact == FactNames.PrimarySite);
        Assert.Equal(TriState.Yes, extremity.Indicated);
        Assert.DoesNotContain("RPS", extremity.Reason);
    }

    [Fact]
    public void FDG_PET_CT_is_indicated_for_a_node_prone_subtype()
    {
        var pet = ImagingPlan.Assess(Vignettes.AngiosarcomaWithSmallLiverMetastases().Context()).FdgPetCt;

        Assert.Equal(TriState.Yes, pet.Indicated);
        Assert.Equal("recommendation 4.3", pet.Basis);
        Assert.False(pet.AlreadyDone);
    }

    [Fact]
    public void FDG_PET_CT_should_be_considered_for_a_resection_candidate_by_the_narrative_unvoted()
    {
        var pet = ImagingPlan.Assess(Vignettes.MetachronousLiverOnlyOmd().Context()).FdgPetCt;

        Assert.Equal(TriState.Yes, pet.Indicated);
        Assert.Null(pet.RecommendationId);
        Assert.False(pet.IsVoted);
        Assert.Contains("narrative", pet.Basis);
        Assert.Contains("candidate for metastatic resection", pet.Reason);
        Assert.True(pet.AlreadyDone);
    }

    [Fact]
    public void FDG_PET_CT_is_not_indicated_for_an_unresectable_non_avid_subtype()
    {
        var pet = ImagingPlan.Assess(Vignettes.MyxoidLiposarcomaLiverMetastasis().Context()).FdgPetCt;

        Assert.Equal(TriState.No, pet.Indicated);
    }

    [Fact]
    public void FDG_PET_CT_without_histology_or_resectability_is_undecided()
    {
        var pet = ImagingPlan.Assess(Patient.Builder()
            .WithPrimary(null)
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .Context()).FdgPetCt;

        Assert.Equal(TriState.Unknown, pet.Indicated);
        Assert.Equal(new[] { FactNames.PrimaryHistology, FactNames.LesionResectable }, pet.Missing);
    }

    [Theory]
    [InlineData("alveolar-soft-part-sarcoma", TriState.Yes, TriState.Yes)]
    [InlineData("clear-cell-sarcoma", TriState.Yes, TriState.No)]
    [InlineData("angiosarcoma", TriState.Yes, TriState.Yes)]
    [InlineData("myxoid-liposarcoma", TriState.No, TriState.Yes)]
    [InlineData("leiomyosarcoma", TriState.No, TriState.No)]
    public void Brain_and_spine_MRI_follow_the_subtypes_named_in_the_narrative(string histology, TriState brain, TriState spine)
    {
        Assert.True(Histology.TryParse(histology, out var parsed));
        var plan = ImagingPlan.Assess(Patient.Builder()
            .WithPrimary(parsed)
            .AddLesion(MetastaticSite.Liver, sizeMm: 20)
            .Context());

        Assert.Equal(brain, plan.BrainMri.Indicated);
        Assert.Equal(spine, plan.SpineMri.Indicated);
        Assert.Null(plan.BrainMri.RecommendationId);
        Assert.False(plan.SpineMri.IsVoted);
        Assert.Equal(ImagingItem.NarrativeBasis, plan.BrainMri.Basis);
        Assert.Equal("section 3.4 narrative (not voted)", plan.SpineMri.Basis);
    }

    [Fact]
    public void Unknown_histology_leaves_brain_and_spine_MRI_undecided()
    {
        var plan = ImagingPlan.Assess(Patient.Builder().WithPrimary(null).AddLesion(MetastaticSite.Liver, sizeMm: 20).Context());

        Assert.Equal(TriState.Unknown, plan.BrainMri.Indicated);
        Assert.Equal(new[] { FactNames.PrimaryHistology }, plan.SpineMri.Missing);
    }

    [Fact]
    public void Done_status_comes_from_staging_and_outstanding_lists_what_remains()
    {
        var plan = ImagingPlan.Assess(Vignettes.AngiosarcomaWithSmallLiverMetastases().Context());

        Assert.True(plan.ContrastCt.AlreadyDone);
        Assert.False(plan.LiverMri.AlreadyDone);
        Assert.Equal(
            new[] { ImagingModality.LiverMri, ImagingModality.FdgPetCt, ImagingModality.BrainMri, ImagingModality.SpineMri },
            plan.Outstanding.Select(i => i.Modality).ToArray());
    }

    [Fact]
    public void Without_a_liver_lesion_no_examination_is_indicated()
    {
        var plan = ImagingPlan.Assess(Vignettes.LungOnlyMetastases().Context());

        Assert.All(plan.Items, i => Assert.Equal(TriState.No, i.Indicated));
    }

    [Fact]
    public void Without_any_recorded_lesion_every_examination_is_undecided()
    {
        var plan = ImagingPlan.Assess(Vignettes.AlmostNothingKnown().Context());

        Assert.All(plan.Items, i =>
        {
            Assert.Equal(TriState.Unknown, i.Indicated);
            Assert.Equal(new[] { FactNames.Metastases }, i.Missing);
        });
    }

    [Fact]
    public void The_plan_lists_every_modality_once_in_section_order()
    {
        var plan = ImagingPlan.Assess(Vignettes.MetachronousLiverOnlyOmd().Context());

        Assert.Equal(
            new[] { ImagingModality.ContrastCt, ImagingModality.LiverMri, ImagingModality.FdgPetCt, ImagingModality.BrainMri, ImagingModality.SpineMri },
            plan.Items.Select(i => i.Modality).ToArray());
        // Leiomyosarcoma is outside 4.3's appropriate subtypes: its PET/CT rests on the section 3.4 narrative, unvoted.
        Assert.Equal(new[] { "4.1", "4.2", null, null, null }, plan.Items.Select(i => i.RecommendationId).ToArray());
    }

    [Fact]
    public void FDG_PET_CT_confirms_OMD_when_radical_ablation_is_in_view_for_a_non_candidate()
    {
        // Section 3.1: "Confirmation of oligometastatic state should include ... 18F-FDG PET-CT"; 1.1 counts ablation as radical.
        var pet = ImagingPlan.Assess(Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(3).WithStaging(contrastCt: true, liverMri: true).Context()).FdgPetCt;

        Assert.Equal(TriState.Yes, pet.Indicated);
        Assert.Contains("radical non-surgical local treatment is in view", pet.Reason, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FDG_PET_CT_for_metastatic_resection_says_when_candidacy_is_not_yet_established()
    {
        var pet = ImagingPlan.Assess(Vignettes.MetachronousLiverOmdWithoutFitness().Context()).FdgPetCt;

        Assert.Equal(TriState.Yes, pet.Indicated);
        Assert.Contains("metastatic resection is being considered (candidacy not yet established)", pet.Reason, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("the patient is a candidate", pet.Reason, System.StringComparison.OrdinalIgnoreCase);
    }
}
