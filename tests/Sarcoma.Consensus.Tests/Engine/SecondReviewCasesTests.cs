using System.Linq;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// The second independent clinical review's boundary cases (issue #7): biopsy facts asked only where they can change a
/// decision, the post-induction PET worded as such, and 4.3's "appropriate subtypes" as a documented option.
/// </summary>
public sealed class SecondReviewCasesTests
{
    private static readonly string[] OriginFacts = { FactNames.HccRiskFactors, FactNames.ColorectalCancerHistory };

    [Theory]
    [InlineData(5, EvaluationStatus.InsufficientData)]   // OMD: an uncertain origin would make a biopsy worth considering
    [InlineData(6, EvaluationStatus.DoesNotApply)]       // not OMD: no reason of the guideline can hold, nothing asked
    public void Biopsy_facts_are_asked_only_while_the_disease_may_be_oligometastatic(int lesions, EvaluationStatus expected)
    {
        var builder = Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded()
            .InductionTherapyPlanned(false)
            .AddLesions(lesions - 1, MetastaticSite.Liver, 12, l => l.Resectable());

        var result = new BiopsyCoreSamplingEvaluator().Evaluate(builder);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == EvaluationStatus.InsufficientData, OriginFacts.Any(result.Missing.Contains));
    }

    [Fact]
    public void The_post_induction_PET_is_worded_as_a_rescan_beside_a_recorded_baseline()
    {
        var item = Vignettes.SynchronousOmdAfterPartialResponse().Context().ImagingPlan.FdgPetCt;

        Assert.True(item.RepeatAfterSystemicTreatment);
        Assert.Equal("post-induction scan not yet recorded; baseline scan done", item.DoneStatus);
    }

    [Fact]
    public void A_baseline_PET_before_any_systemic_treatment_is_not_a_rescan()
    {
        var item = Vignettes.SynchronousOmdOnInduction().Context().ImagingPlan.FdgPetCt;

        Assert.False(item.RepeatAfterSystemicTreatment);
        Assert.Equal("already done", item.DoneStatus);
    }

    [Fact]
    public void The_default_appropriate_subtypes_of_4_3_are_the_five_section_3_4_names()
    {
        Assert.Equal(
            new[] { "angiosarcoma", "synovial-sarcoma", "clear-cell-sarcoma", "epithelioid-sarcoma", "rhabdomyosarcoma" }.OrderBy(c => c),
            ConsensusOptions.DefaultFdgPetCtSubtypeCodes.OrderBy(c => c));
        Assert.Null(new ConsensusOptions().FdgPetCtSubtypes);
    }

    [Theory]
    [InlineData(null, EvaluationStatus.DoesNotApply)]          // leiomyosarcoma is not among the defaults
    [InlineData("leiomyosarcoma", EvaluationStatus.Applies)]
    [InlineData("LEIOMYOSARCOMA", EvaluationStatus.Applies)]   // codes compare case-insensitively
    public void The_appropriate_subtypes_of_4_3_follow_the_option(string? code, EvaluationStatus expected)
    {
        var options = new ConsensusOptions { FdgPetCtSubtypes = code is null ? null : new[] { code }.ToList() };

        Assert.Equal(expected, new FdgPetCtEvaluator().Evaluate(Vignettes.MetachronousLiverOnlyOmd(), options: options).Status);
    }

    [Fact]
    public void An_empty_subtype_list_makes_no_subtype_appropriate()
    {
        var options = new ConsensusOptions { FdgPetCtSubtypes = new System.Collections.Generic.List<string>() };
        var synovial = Vignettes.MetachronousLiverOnlyOmd().WithPrimary(Histology.SynovialSarcoma, PrimarySite.Extremity, diagnosedOn: new NodaTime.LocalDate(2021, 3, 1));

        Assert.Equal(EvaluationStatus.Applies, new FdgPetCtEvaluator().Evaluate(synovial).Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, new FdgPetCtEvaluator().Evaluate(synovial, options: options).Status);
    }

    [Fact]
    public void An_unknown_subtype_code_is_a_validation_error_naming_the_option_not_the_entry()
    {
        var options = new ConsensusOptions { FdgPetCtSubtypes = new[] { "synovial-sarcoma", "patient-123" }.ToList() };

        var error = Assert.Single(options.Validate());
        Assert.Equal(nameof(ConsensusOptions.FdgPetCtSubtypes), error.Field);
        Assert.DoesNotContain("patient-123", error.Message);
        Assert.Throws<System.ArgumentException>(() => new ConsensusEngine(options));
    }

    [Fact]
    public void The_subtype_list_is_copied_so_a_later_change_does_not_reach_an_engine()
    {
        var list = new System.Collections.Generic.List<string> { "leiomyosarcoma" };
        var copy = new ConsensusOptions { FdgPetCtSubtypes = list }.Clone();
        list.Clear();

        Assert.Equal(new[] { "leiomyosarcoma" }, copy.FdgPetCtSubtypes);
    }
}
