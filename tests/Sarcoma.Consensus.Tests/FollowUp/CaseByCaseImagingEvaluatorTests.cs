using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FollowUp;

/// <summary>Recommendation 13.2: further imaging case by case on histotype, pattern of recurrence and clinical course.</summary>
public sealed class CaseByCaseImagingEvaluatorTests
{
    private readonly CaseByCaseImagingEvaluator evaluator = new();

    private static PatientBuilder ResectedAlveolarSoftPartSarcoma() =>
        Patient.Builder()
            .WithPrimary(Histology.AlveolarSoftPartSarcoma, PrimarySite.Extremity, diagnosedOn: new LocalDate(2020, 5, 4))
            .Resected(on: new LocalDate(2020, 6, 1))
            .MetastasesDetectedOn(new LocalDate(2024, 2, 12))
            .AddLesion(MetastaticSite.Liver, 24, l => l.Resectable())
            .WithStaging(contrastCt: true, liverMri: true, brainMri: true, spineMri: false)
            .AddLiverResection(new LocalDate(2024, 4, 8), ResectionMargin.R0);

    [Fact]
    public void Alveolar_soft_part_sarcoma_after_metastasectomy_points_to_brain_and_spine_MRI()
    {
        var result = evaluator.Evaluate(ResectedAlveolarSoftPartSarcoma());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Sentence.Contains("brain MRI has been suggested") && f.Sentence.Contains("was done at staging"));
        Assert.Contains(result.Findings, f => f.Sentence.Contains("total spine") && f.Sentence.Contains("no total-spine MRI"));
        Assert.Contains(result.Findings, f => f.Fact == CaseByCaseImagingEvaluator.PatternName && f.Sentence.Contains("up to the latest metastasectomy"));
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Myxoid_liposarcoma_points_to_spine_MRI_only()
    {
        var result = evaluator.Evaluate(ResectedAlveolarSoftPartSarcoma().WithPrimary(Histology.MyxoidLiposarcoma, diagnosedOn: new LocalDate(2020, 5, 4)));

        var histotype = result.Findings.Where(f => f.Fact == FactNames.PrimaryHistology).ToArray();
        Assert.Single(histotype);
        Assert.Contains("total spine", histotype[0].Sentence);
    }

    [Fact]
    public void A_liver_recurrence_to_treat_is_not_post_metastasectomy_surveillance()
    {
        var result = evaluator.Evaluate(Vignettes.LiverRecurrenceAfterResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains("work-up of 4.1–4.3", result.Summary);
        ResultSnapshot.Match(result, "does-not-apply-liver-recurrence");
    }

    [Fact]
    public void A_recurrence_and_its_course_are_reported()
    {
        var result = evaluator.Evaluate(Vignettes.LungRecurrenceAfterLiverMetastasectomy()
            .AddLesion(MetastaticSite.Lung, 9, l => l.Symptomatic())
            .WithSystemicTherapy(received: true, response: TreatmentResponse.StableDisease));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Findings, f => f.Fact == CaseByCaseImagingEvaluator.PatternName && f.Value == "lung (2)" && f.Sentence.StartsWith("Recurrence detected on 2025-06-02", System.StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Fact == FactNames.LesionSymptomatic);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.SystemicTherapyResponse && f.Value == "stable disease");
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryHistology && f.Sentence.Contains("FDG-avid"));
        ResultSnapshot.Match(result, "applies-recurrence");
    }

    [Fact]
    public void An_unknown_histotype_is_flagged()
    {
        var result = evaluator.Evaluate(ResectedAlveolarSoftPartSarcoma().WithPrimary(null, diagnosedOn: new LocalDate(2020, 5, 4)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("histotype is not recorded"));
    }

    [Fact]
    public void No_liver_resection_means_no_post_metastasectomy_imaging()
    {
        var result = evaluator.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Unknown_surgical_history_leaves_it_undecided()
    {
        var result = evaluator.Evaluate(Vignettes.AlmostNothingKnown());

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.PreviousLiverResection }, result.Missing.ToArray());
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
