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

    [Theory]
    [InlineData(2, "a limited number, a favourable factor")]
    [InlineData(3, "a limited number only on the upper end")]
    [InlineData(4, "a limited number only on the upper end")]
    [InlineData(5, "not a limited number")]
    public void The_number_of_nodules_is_read_against_section_3_5s_limited_number_below_3_to_5(int lesions, string reading)
    {
        var patient = Vignettes.MajorHepatectomyAfterChemotherapy();
        if (lesions > 1)
        {
            patient.AddLesions(lesions - 1, MetastaticSite.Liver, 12, l => l.InSegments(3).Resectable());
        }

        var result = evaluator.Evaluate(patient);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.Lesions && f.Sentence.StartsWith($"{lesions} metastatic lesions: {reading}", System.StringComparison.Ordinal));
        Assert.Equal(lesions >= 5, result.Cautions.Any(c => c.StartsWith("Not favourable here:", System.StringComparison.Ordinal) && c.Contains($"{lesions} metastatic lesions, not a limited number (<3–5)", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Seven_bilobar_lesions_are_never_read_as_favourable_for_a_major_hepatectomy()
    {
        // Only where the surgical recommendations are kept for a resection outside the indications (the option) does 6.4
        // apply to seven lesions at all; its favourable-factor check must then name the number of nodules.
        var result = evaluator.Evaluate(
            Vignettes.MajorHepatectomyAfterChemotherapy().AddLesions(6, MetastaticSite.Liver, 12, l => l.InSegments(2).Resectable()),
            options: new ConsensusOptions { ApplySurgicalRecommendationsOutsideIndications = true });
        var byDefault = evaluator.Evaluate(Vignettes.MajorHepatectomyAfterChemotherapy().AddLesions(6, MetastaticSite.Liver, 12, l => l.InSegments(2).Resectable()));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.StartsWith("Not favourable here: 7 metastatic lesions, not a limited number (<3–5)", System.StringComparison.Ordinal));
        Assert.Equal(EvaluationStatus.DoesNotApply, byDefault.Status);
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
    public void A_non_candidate_does_not_get_6_4_whether_or_not_a_hepatectomy_is_planned()
    {
        var unrecorded = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 70, l => l.InSegments(1).Unresectable()));
        var planned = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Liver, 70, l => l.InSegments(1).Unresectable())
            .WithLiverSurgeryPlan(majorHepatectomy: true));

        Assert.Equal(EvaluationStatus.DoesNotApply, unrecorded.Status);
        Assert.Equal(EvaluationStatus.DoesNotApply, planned.Status);
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
