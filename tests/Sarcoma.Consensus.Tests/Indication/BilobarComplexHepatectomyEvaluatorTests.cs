using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Indication;

/// <summary>Recommendation 5.5 (no consensus, 57%): bilobar liver metastases requiring complex hepatectomy.</summary>
public sealed class BilobarComplexHepatectomyEvaluatorTests
{
    private readonly BilobarComplexHepatectomyEvaluator evaluator = new();

    [Fact]
    public void Bilobar_disease_with_a_central_lesion_is_the_scenario_voted_on_but_never_advice()
    {
        var result = evaluator.Evaluate(Vignettes.BilobarCentralLiverMetastases());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.StartsWith("No consensus (57% agreement):", result.Summary);
        Assert.DoesNotContain("should be discouraged", result.Summary);
        Assert.Contains(result.Cautions, c => c.Contains("Section 5 (Discussion)"));
        Assert.Contains(result.Findings, f => f.Sentence == "2 liver lesions in the left and right lobes (segments 2, 3, 8).");
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Unilobar_disease_is_not_the_scenario_even_when_vessels_are_unassessed()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.Contains("not bilobar", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Bilobar_disease_with_peripheral_lesions_and_no_vascular_involvement_is_not_complex()
    {
        var peripheral = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3).Central(false).WithVascularInvolvement(false))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6).Central(false).WithVascularInvolvement(false)));
        Assert.Equal(EvaluationStatus.DoesNotApply, peripheral.Status);
        Assert.Contains("no liver lesion has vascular involvement or a central location", peripheral.Summary);
    }

    [Fact]
    public void A_caudate_and_a_right_lobe_lesion_are_not_bilobar()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(1).Central())
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
    }

    [Fact]
    public void Bilobar_disease_without_vascular_or_central_assessment_is_undecided()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InLobe(LiverLobe.Right)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.Equal(new[] { FactNames.LesionCentralLocation, FactNames.LesionVascularInvolvement }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void A_complex_lesion_without_a_recorded_location_leaves_bilobarity_open()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3))
            .AddLesion(MetastaticSite.Liver, 30, l => l.WithVascularInvolvement()));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionLobe, FactNames.LesionSegments }, result.Missing);
    }
}
