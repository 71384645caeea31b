using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.SurgicalApproach;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.SurgicalApproach;

/// <summary>Recommendation 6.4: major hepatectomy may be justified in selected cases with good prognostic features.</summary>
public sealed class MajorHepatectomyEvaluatorTests
{
    private readonly MajorHepatectomyEvaluator evaluator = new();

    [Fact]
    public void A_planned_right_hepatectomy_may_be_justified_with_a_caution_on_selection()
    {
        var result = evaluator.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("selected cases with good prognostic features"));
        Assert.DoesNotContain(result.Cautions, c => c.StartsWith("Not favourable", System.StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.ExtensivePriorChemotherapy && f.Value == "yes");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Unfavourable_features_are_named_in_a_second_caution()
    {
        var result = evaluator.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy()
            .AddLesion(MetastaticSite.Liver, 120, l => l.InSegments(4).Resectable())
            .AddLesion(MetastaticSite.Lung, 10, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("Not favourable here: liver metastasis larger than 10 cm; extrahepatic disease.", result.Cautions);
    }

    [Fact]
    public void A_short_DFI_is_named_as_not_favourable()
    {
        var result = evaluator.Evaluate(Vignettes.SynchronousOmdAfterPartialResponse()
            .WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 45m, extensivePriorChemotherapy: true));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("Not favourable here: DFI not longer than 6 months.", result.Cautions);
    }

    [Fact]
    public void No_planned_major_hepatectomy_means_6_4_does_not_arise()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: false));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void A_non_candidate_whose_plan_is_unknown_leaves_6_4_undecided_naming_the_plan()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 70, l => l.InSegments(1).Unresectable()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.MajorHepatectomyPlanned }, result.Missing);
    }

    [Fact]
    public void An_unrecorded_surgical_plan_leaves_6_4_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.MajorHepatectomyPlanned }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
