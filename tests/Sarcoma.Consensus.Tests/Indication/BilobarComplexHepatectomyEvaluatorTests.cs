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
        Assert.Contains("neither liver lesion is in the left lobe, so the liver metastases are not bilobar", result.Summary);
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

        // Sixth read (cosmetic): 5.5's "e.g." gives examples, not a complete list of what makes a hepatectomy complex.
        Assert.Contains("the panel's examples of a complex hepatectomy, \"e.g.\", not a complete list", peripheral.Summary);
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

    [Fact]
    public void A_single_central_lesion_crossing_the_midline_is_not_bilobar_metastases()
    {
        var result = evaluator.Evaluate(Vignettes.SingleCentralLesionAcrossTheMidline());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(ResultFlag.NoConsensus, result.Flags);
        Assert.Contains("the only liver lesion extends into both lobes, but a single lesion crossing the midline is not bilobar metastases", result.Summary);
        Assert.Contains(result.Findings, f => f.Sentence == "The liver lesion involves major vessels.");
        Assert.Contains(result.Findings, f => f.Sentence == "The liver lesion is centrally located.");
        ResultSnapshot.Match(result, "single-lesion-across-the-midline");
    }

    [Fact]
    public void A_single_lesion_of_unrecorded_location_is_not_bilobar_and_needs_no_location()
    {
        var result = evaluator.Evaluate(Patient.Builder().AddLesion(MetastaticSite.Liver, 30, l => l.Central()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("there is a single liver lesion, so the liver metastases are not bilobar", result.Summary);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void A_lesion_crossing_the_midline_and_a_caudate_lesion_are_not_bilobar()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 50, l => l.InSegments(4, 5).Central())
            .AddLesion(MetastaticSite.Liver, 15, l => l.InSegments(1)));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("only one liver lesion reaches both lobes, and a single lesion crossing the midline is not bilobar metastases", result.Summary);
    }

    [Fact]
    public void A_lesion_crossing_the_midline_and_a_second_right_lobe_lesion_are_bilobar()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 50, l => l.InSegments(4, 5).Central().WithVascularInvolvement())
            .AddLesion(MetastaticSite.Liver, 15, l => l.InSegments(7).Central(false).WithVascularInvolvement(false)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
    }

    [Fact]
    public void A_second_lesion_of_unrecorded_location_leaves_bilobarity_open_even_beside_a_lesion_across_the_midline()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 50, l => l.InSegments(4, 5).Central())
            .AddLesion(MetastaticSite.Liver, 15, l => l.Central(false)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.LesionLobe, FactNames.LesionSegments }, result.Missing);
    }

    [Fact]
    public void Three_lesions_none_in_the_right_lobe_are_not_bilobar()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(2))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(1).Central()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("none of the 3 liver lesions is in the right lobe", result.Summary);
    }

    [Fact]
    public void Partly_recorded_vascular_involvement_is_described_in_plain_English()
    {
        var result = evaluator.Evaluate(Patient.Builder()
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3).WithVascularInvolvement(false).Central(false))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(6).WithVascularInvolvement(false))
            .AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(7).Central(false)));

        Assert.Contains(result.Findings, f => f.Sentence == "Vascular involvement not recorded for 1 of 3 liver lesions; none of the others involves major vessels.");
        Assert.Contains(result.Findings, f => f.Sentence == "Central location not recorded for 1 of 3 liver lesions; none of the others is centrally located.");
    }

    [Fact]
    public void A_single_lesion_without_vascular_involvement_is_described_in_plain_English()
    {
        var result = evaluator.Evaluate(Patient.Builder().AddLesion(MetastaticSite.Liver, 20, l => l.InSegments(3).WithVascularInvolvement(false).Central(false)));

        Assert.Contains(result.Findings, f => f.Sentence == "The liver lesion does not involve major vessels.");
        Assert.Contains(result.Findings, f => f.Sentence == "The liver lesion is not centrally located.");
    }
}

