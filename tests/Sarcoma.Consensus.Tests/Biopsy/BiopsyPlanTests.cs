using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Biopsy;

/// <summary>When a liver biopsy could be considered (3.1, section 3.3 narrative) and how it is taken (3.3).</summary>
public sealed class BiopsyPlanTests
{
    [Fact]
    public void No_origin_doubt_and_no_induction_means_no_reason_for_a_biopsy()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis().Context());

        Assert.Equal(TriState.No, plan.Consider);
        Assert.Empty(plan.Reasons);
        Assert.Empty(plan.Missing);
        Assert.Equal(BiopsyPlan.ConceptName, plan.Findings[0].Fact);
    }

    [Fact]
    public void Proposed_induction_therapy_is_a_reason_to_consider_a_biopsy()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis().InductionTherapyPlanned().Context());

        Assert.Equal(TriState.Yes, plan.Consider);
        Assert.Equal(new[] { "a preoperative (induction) systemic treatment is proposed" }, plan.Reasons);
    }

    [Fact]
    public void Uncertain_origin_is_a_reason_to_consider_a_biopsy()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis().WithOriginUncertainty(hccRiskFactors: true, colorectalCancerHistory: false, otherCancerHistory: false).Context());

        Assert.Equal(TriState.Yes, plan.Consider);
        Assert.Equal(TriState.Yes, plan.OriginUncertainty.Status);
        Assert.Contains("risk factors for hepatocellular carcinoma", Assert.Single(plan.Reasons));
    }

    [Fact]
    public void Synchronous_OMD_on_induction_is_a_reason_to_consider_a_biopsy()
    {
        var plan = BiopsyPlan.Assess(Vignettes.SynchronousOmdOnInduction().Context());

        Assert.Equal(TriState.Yes, plan.Consider);
    }

    [Fact]
    public void Unrecorded_origin_facts_leave_the_biopsy_question_open()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded().Context());

        Assert.Equal(TriState.Unknown, plan.Consider);
        Assert.Equal(new[] { FactNames.HccRiskFactors, FactNames.ColorectalCancerHistory, FactNames.OtherCancerHistory }, plan.Missing);
    }

    [Fact]
    public void Without_a_liver_lesion_there_is_nothing_to_biopsy_even_on_induction()
    {
        var plan = BiopsyPlan.Assess(Vignettes.LungOnlyMetastases().InductionTherapyPlanned().Context());

        Assert.Equal(TriState.No, plan.Consider);
        Assert.Empty(plan.Reasons);
    }

    [Fact]
    public void Without_any_recorded_lesion_every_needed_fact_is_named()
    {
        var plan = BiopsyPlan.Assess(Vignettes.AlmostNothingKnown().Context());

        Assert.Equal(TriState.Unknown, plan.Consider);
        Assert.Contains(FactNames.Metastases, plan.Missing);
        Assert.Contains(FactNames.InductionTherapyPlanned, plan.Missing);
        Assert.Contains(FactNames.HccRiskFactors, plan.Missing);
    }

    [Fact]
    public void Synchronous_induction_rests_on_the_section_3_3_narrative()
    {
        var plan = BiopsyPlan.Assess(Vignettes.SynchronousOmdOnInduction().Context());

        Assert.Equal(BiopsyBasis.SynchronousInduction, plan.Basis);
        Assert.Equal(new[] { "induction systemic treatment is planned" }, plan.Reasons);
    }

    [Fact]
    public void Reasons_in_resectable_metachronous_disease_rest_on_3_1()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis().InductionTherapyPlanned().Context());

        Assert.Equal(BiopsyBasis.ResectableMetachronous, plan.Basis);
    }

    [Fact]
    public void Induction_that_has_already_started_is_no_longer_a_reason()
    {
        var synchronous = BiopsyPlan.Assess(Vignettes.SynchronousOmdOnChemotherapy().Context());
        var metachronous = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .InductionTherapyPlanned()
            .WithSystemicTherapy(received: true, ongoing: true).Context());

        Assert.Equal(TriState.No, synchronous.Consider);
        Assert.Contains("already started", synchronous.Verdict);
        Assert.Equal(TriState.No, metachronous.Consider);
        Assert.Empty(metachronous.Reasons);
        Assert.Contains("on systemic therapy now", metachronous.Verdict);
    }

    [Fact]
    public void Past_systemic_therapy_not_under_way_now_leaves_a_planned_induction_a_reason()
    {
        // "Already started" means on systemic therapy now, not any past therapy (sixth paper-only read (s20), case 17).
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .InductionTherapyPlanned()
            .WithSystemicTherapy(received: true, ongoing: false).Context());

        Assert.Equal(TriState.Yes, plan.Consider);
        Assert.NotEmpty(plan.Reasons);
        Assert.DoesNotContain("already started", plan.Verdict);
    }

    [Fact]
    public void Planned_induction_with_its_start_unrecorded_is_read_as_not_yet_started()
    {
        var plan = BiopsyPlan.Assess(Vignettes.SynchronousOmdOnInduction().Context());

        Assert.Equal(TriState.Yes, plan.Consider);
        Assert.Contains(plan.Findings, f => f.Fact == FactNames.InductionTherapyPlanned && f.Sentence.Contains("not recorded as started"));
    }

    [Fact]
    public void Uncertain_origin_with_an_unresectable_lesion_is_reported_but_not_a_reason()
    {
        var plan = BiopsyPlan.Assess(Vignettes.UnresectableLiverMetastasesOfUncertainOrigin().Context());

        Assert.Equal(TriState.No, plan.Consider);
        Assert.Equal(TriState.Yes, plan.OriginUncertainty.Status);
        Assert.True(plan.OriginUncertainOutsideItsSetting);
        Assert.Empty(plan.Reasons);
    }

    [Fact]
    public void Uncertain_origin_in_synchronous_disease_is_reported_but_not_a_reason()
    {
        var plan = BiopsyPlan.Assess(Vignettes.SynchronousLiverOmdTreatmentUndecided()
            .InductionTherapyPlanned(false)
            .WithOriginUncertainty(hccRiskFactors: true, colorectalCancerHistory: false, otherCancerHistory: false).Context());

        Assert.Equal(TriState.No, plan.Consider);
        Assert.True(plan.OriginUncertainOutsideItsSetting);
    }

    [Fact]
    public void Uncertain_origin_with_unknown_resectability_leaves_the_question_open()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: true, otherCancerHistory: false)
            .AddLesion(MetastaticSite.Liver, sizeMm: 15, l => l.InSegments(2)).Context());

        Assert.Equal(TriState.Unknown, plan.Consider);
        Assert.Equal(new[] { FactNames.LesionResectable }, plan.Missing);
    }

    [Fact]
    public void Unknown_resectability_does_not_matter_when_no_reason_could_hold()
    {
        var plan = BiopsyPlan.Assess(Vignettes.ShortDfiMetachronousLiverMetastasis()
            .AddLesion(MetastaticSite.Liver, sizeMm: 15, l => l.InSegments(2)).Context());

        Assert.Equal(TriState.No, plan.Consider);
        Assert.Empty(plan.Missing);
    }

    [Fact]
    public void Unknown_timing_with_planned_induction_names_the_dates()
    {
        var plan = BiopsyPlan.Assess(Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .AddLesion(MetastaticSite.Liver, sizeMm: 30, l => l.Unresectable())
            .InductionTherapyPlanned()
            .NoPreviousLiverResection()
            .WithOriginUncertainty(false, false, false).Context());

        Assert.Equal(TriState.Unknown, plan.Consider);
        Assert.Equal(new[] { FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn }, plan.Missing);
        Assert.DoesNotContain("primary.diagnosedOn", plan.Verdict);
    }

    [Fact]
    public void The_sampling_requirement_is_four_14_to_16_gauge_cores_by_core_needle_biopsy()
    {
        Assert.Equal(4, BiopsyPlan.MinimumCoreCount);
        Assert.Equal("14–16 G", BiopsyPlan.GaugeRange);
        Assert.Contains("at least four large-gauge cores (14–16 G)", BiopsyPlan.CoreRequirement);
        Assert.Contains("core needle biopsy rather than fine needle aspiration cytology", BiopsyPlan.CoreRequirement);
    }
}
