using System;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Oligometastasis;

/// <summary>Recommendations 1.1 and 1.2.</summary>
public sealed class OligometastasisEvaluatorTests
{
    private readonly OligometastaticDiseaseEvaluator definition = new();
    private readonly DiffuseOrganInvolvementEvaluator diffuse = new();

    [Fact]
    public void Two_resectable_liver_lesions_fully_staged_meet_the_OMD_definition()
    {
        var result = definition.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Six_lesions_do_not_meet_the_OMD_definition()
    {
        var result = definition.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesions(4, MetastaticSite.Liver, sizeMm: 8, l => l.Resectable()));

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void No_current_disease_after_resection_says_OMD_does_not_arise_not_that_the_disease_was_not_oligometastatic()
    {
        // Issue #7, third read: "Not oligometastatic: no current metastatic disease" read as a verdict on the resected disease.
        var result = definition.Evaluate(Vignettes.NoEvidenceOfDiseaseAfterLiverResection());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Equal("1.1.does-not-apply-no-current-disease", result.SummaryMessage.Code);
        Assert.DoesNotContain("Not oligometastatic", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Sentence.StartsWith("Not oligometastatic", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Sentence.Contains("does not arise now", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_resectability_and_missing_staging_leave_OMD_undecided()
    {
        var result = definition.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .AddLesion(MetastaticSite.Lung, sizeMm: 9)
            .WithStaging(contrastCt: true));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.LesionResectable, result.Missing);
        Assert.Contains(FactNames.StagingFdgPetCt, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Peritoneal_sarcomatosis_triggers_the_diffuse_organ_exclusion()
    {
        var result = diffuse.Evaluate(Vignettes.DiffusePeritonealDisease());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void No_sarcomatosis_means_the_exclusion_does_not_operate()
    {
        var result = diffuse.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Unassessed_leptomeningeal_involvement_is_not_read_as_absent()
    {
        var result = diffuse.Evaluate(Vignettes.MetachronousLiverOnlyOmd()
            .WithDiffuseInvolvement(pleural: false, pericardial: false, peritoneal: false));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Equal(new[] { FactNames.DiffuseLeptomeningeal }, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
