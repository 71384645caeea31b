using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.SurgicalTiming;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.SurgicalTiming;

/// <summary>Recommendations 8.1 (metachronous: surgery upfront or after systemic therapy) and 8.2 (synchronous: systemic first).</summary>
public sealed class SurgicalTimingEvaluatorTests
{
    private readonly MetachronousSurgeryTimingEvaluator metachronous = new();
    private readonly SynchronousSystemicFirstEvaluator synchronous = new();

    [Fact]
    public void Metachronous_leiomyosarcoma_OMD_could_be_operated_upfront_or_after_chemotherapy()
    {
        var result = metachronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("especially in a subtype with better response to chemotherapy such as leiomyosarcoma", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void A_subtype_not_named_chemosensitive_gets_no_chemosensitivity_note()
    {
        var result = metachronous.Evaluate(Vignettes.BilobarCentralLiverMetastases());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain("especially", result.Summary);
        Assert.Contains(result.Findings, f => f.Fact == FactNames.PrimaryHistology && f.Value == "undifferentiated-pleomorphic-sarcoma");
    }

    [Fact]
    public void Synchronous_disease_is_outside_8_1()
    {
        var result = metachronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Metachronous_timing_needs_the_diagnosis_date()
    {
        var result = metachronous.Evaluate(Vignettes.AlmostNothingKnown().MetastasesDetectedOn(new LocalDate(2024, 5, 1)));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.PrimaryDiagnosedOn, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }

    [Fact]
    public void Detection_exactly_six_months_after_diagnosis_is_synchronous_by_default_with_the_boundary_caution()
    {
        var builder = Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2));

        var result = metachronous.Evaluate(builder);

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("6-month boundary"));
        Assert.Equal(EvaluationStatus.Applies, synchronous.Evaluate(builder).Status);
    }

    [Fact]
    public void Detection_exactly_six_months_after_diagnosis_follows_the_option_when_read_as_metachronous()
    {
        var options = new ConsensusOptions { AtWindowBoundary = BoundaryTiming.Metachronous };
        var builder = Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 2));

        var result = metachronous.Evaluate(builder, options: options);

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains(result.Cautions, c => c.Contains("Classified metachronous"));
        Assert.Equal(EvaluationStatus.DoesNotApply, synchronous.Evaluate(builder, options: options).Status);
        ResultSnapshot.Match(result, "boundary");
    }

    [Fact]
    public void Detection_one_day_after_the_window_is_metachronous_without_caution()
    {
        var result = metachronous.Evaluate(Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(new LocalDate(2025, 12, 3)));

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.DoesNotContain(ResultFlag.Caution, result.Flags);
    }

    [Fact]
    public void Synchronous_OMD_should_start_with_systemic_treatment()
    {
        var result = synchronous.Evaluate(Vignettes.SynchronousOmdOnInduction());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Contains("preferred front-line approach", result.Summary);
        ResultSnapshot.Match(result, "applies");
    }

    [Fact]
    public void Metachronous_disease_is_outside_8_2()
    {
        var result = synchronous.Evaluate(Vignettes.MetachronousLiverOnlyOmd());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
        ResultSnapshot.Match(result, "does-not-apply");
    }

    [Fact]
    public void Synchronous_disease_of_unknown_OMD_status_leaves_8_2_undecided()
    {
        var result = synchronous.Evaluate(Vignettes.SynchronousOmdOnInduction().WithStaging(contrastCt: true));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(FactNames.StagingLiverMri, result.Missing);
        ResultSnapshot.Match(result, "insufficient-data");
    }
}
