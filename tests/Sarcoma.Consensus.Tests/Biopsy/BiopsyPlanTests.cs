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
    public void The_sampling_requirement_is_four_14_to_16_gauge_cores_by_core_needle_biopsy()
    {
        Assert.Equal(4, BiopsyPlan.MinimumCoreCount);
        Assert.Equal("14–16 G", BiopsyPlan.GaugeRange);
        Assert.Contains("at least four large-gauge cores (14–16 G)", BiopsyPlan.CoreRequirement);
        Assert.Contains("core needle biopsy rather than fine needle aspiration cytology", BiopsyPlan.CoreRequirement);
    }
}
