using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Tests.Timing;

/// <summary>
/// Issue #7 §4: the staging scan that finds a liver lesion often precedes the histological diagnosis of the primary.
/// Detection up to <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/> (default 90) days before the
/// recorded diagnosis is "at the initial diagnosis" (2.1, synchronous) with a caution; earlier is a validation error.
/// </summary>
public sealed class DetectionBeforeDiagnosisTests
{
    private static readonly LocalDate Diagnosed = new(2025, 6, 2);

    private static PatientBuilder DetectedDaysBefore(int days) =>
        Vignettes.SynchronousOmdOnInduction().MetastasesDetectedOn(Diagnosed.PlusDays(-days));

    [Theory]
    [InlineData(1)]
    [InlineData(89)]
    [InlineData(90)]
    public void Detection_up_to_the_tolerance_before_diagnosis_is_synchronous_with_a_caution_stating_the_order(int days)
    {
        var context = DetectedDaysBefore(days).Context();

        Assert.Equal(MetastasisTiming.Synchronous, context.Timing.Timing);
        Assert.True(context.Timing.DetectedBeforeDiagnosis);
        Assert.Contains("before the recorded diagnosis of the primary tumour (2025-06-02)", context.Timing.BoundaryCaution);
        Assert.Equal(0, context.DiseaseFreeInterval.CompletedMonths);
        Assert.False(context.DiseaseFreeInterval.IsInverted);
    }

    [Fact]
    public void Origin_finding_of_metastases_detected_before_diagnosis_does_not_call_the_interval_too_short()
    {
        // Issue #7, third read: "No DFI is measured … Not long enough to raise doubt" read oddly after a scan before histology.
        var origin = DetectedDaysBefore(21).Context().OriginUncertainty;

        var finding = Assert.Single(origin.Findings, f => f.Message.Code.StartsWith("biopsy.origin.dfi", System.StringComparison.Ordinal));
        Assert.Equal("biopsy.origin.dfi-before-diagnosis", finding.Message.Code);
        Assert.DoesNotContain("Not long enough", finding.Sentence, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_one_day_beyond_the_tolerance_is_a_validation_error_naming_both_dates()
    {
        var error = Assert.Throws<PatientValidationException>(() => DetectedDaysBefore(91).Build());

        var problem = Assert.Single(error.Errors);
        Assert.Equal(FactNames.MetastasesDetectedOn, problem.Field);
        Assert.Contains(FactNames.PrimaryDiagnosedOn, problem.Message);
        Assert.DoesNotContain("2025", problem.Message);
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(0, 0, true)]
    [InlineData(120, 120, true)]
    [InlineData(120, 121, false)]
    public void The_tolerance_follows_the_option(int tolerance, int daysBefore, bool valid)
    {
        var options = new ConsensusOptions { DetectionBeforeDiagnosisToleranceDays = tolerance };
        var patient = Vignettes.SynchronousOmdOnInduction().Build() with
        {
            Metastases = Vignettes.SynchronousOmdOnInduction().Build().Metastases! with { DetectedOn = Diagnosed.PlusDays(-daysBefore) },
        };

        var errors = PatientValidator.Validate(patient, Vignettes.AsOf, options);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Every_timing_dependent_result_carries_the_order_of_the_dates()
    {
        var report = ConsensusEngine.Default.Evaluate(DetectedDaysBefore(14).Build(), Vignettes.AsOf);

        foreach (var id in new[] { "2.1", "8.2", "8.3" })
        {
            Assert.Contains(report[id]!.Cautions, c => c.Contains("before the recorded diagnosis of the primary tumour"));
        }

        Assert.Equal(EvaluationStatus.Applies, report["2.1"]!.Status);
        Assert.Equal(EvaluationStatus.Applies, report["8.2"]!.Status);
    }

    [Theory]
    [InlineData(1, "none measured: detected 1 day before the recorded diagnosis, read as synchronous")]
    [InlineData(21, "none measured: detected 21 days before the recorded diagnosis, read as synchronous")]
    [InlineData(90, "none measured: detected 90 days before the recorded diagnosis, read as synchronous")]
    public void Detection_before_diagnosis_is_described_by_the_order_of_the_dates_never_as_an_interval_of_zero(int days, string expected)
    {
        var dfi = DetectedDaysBefore(days).Context().DiseaseFreeInterval;

        Assert.True(dfi.DetectedBeforeStart);
        Assert.Equal(days, dfi.DaysBeforeStart);
        Assert.Equal(expected, dfi.Describe());
        Assert.DoesNotMatch(@"\b0 days", dfi.Sentence());
        Assert.DoesNotContain("zero", dfi.Sentence());
        Assert.Contains($"is recorded {days} day", dfi.Sentence());
        Assert.Contains("synchronous, 2.1", dfi.Sentence());
    }

    [Fact]
    public void Detection_on_the_diagnosis_day_is_a_measured_interval_of_zero_days()
    {
        var dfi = DetectedDaysBefore(0).Context().DiseaseFreeInterval;

        Assert.False(dfi.DetectedBeforeStart);
        Assert.Null(dfi.DaysBeforeStart);
        Assert.Equal("0 days", dfi.Describe());
    }
}
