using NodaTime;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Tests.Timing;

/// <summary>The six-month boundary of 2.1/2.2 (and 8.1), including month-end dates.</summary>
public sealed class TimingAssessmentTests
{
    private static Patient Detected(LocalDate diagnosed, LocalDate detected) =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: diagnosed)
            .MetastasesDetectedOn(detected)
            .Build();

    [Theory]
    [InlineData("2024-01-15", "2024-01-15", MetastasisTiming.Synchronous)]   // at diagnosis
    [InlineData("2024-01-15", "2024-07-14", MetastasisTiming.Synchronous)]   // a day inside the window
    [InlineData("2024-01-15", "2024-07-15", MetastasisTiming.Synchronous)]   // exactly six months: 2.1 default
    [InlineData("2024-01-15", "2024-07-16", MetastasisTiming.Metachronous)]  // a day after
    [InlineData("2024-08-31", "2025-02-28", MetastasisTiming.Synchronous)]   // month end: 31 Aug + 6 months = 28 Feb
    [InlineData("2024-08-31", "2025-03-01", MetastasisTiming.Metachronous)]
    [InlineData("2023-08-31", "2024-02-29", MetastasisTiming.Synchronous)]   // leap year
    [InlineData("2023-08-31", "2024-03-01", MetastasisTiming.Metachronous)]
    public void Timing_follows_the_six_calendar_month_window(string diagnosed, string detected, MetastasisTiming expected)
    {
        var timing = TimingAssessment.Assess(Detected(LocalDate.FromDateTime(System.DateTime.Parse(diagnosed, System.Globalization.CultureInfo.InvariantCulture)), LocalDate.FromDateTime(System.DateTime.Parse(detected, System.Globalization.CultureInfo.InvariantCulture))), new ConsensusOptions());

        Assert.Equal(expected, timing.Timing);
    }

    [Fact]
    public void Exactly_six_months_is_flagged_with_a_caution_and_follows_the_option()
    {
        var patient = Detected(new LocalDate(2024, 8, 31), new LocalDate(2025, 2, 28));

        var byDefault = TimingAssessment.Assess(patient, new ConsensusOptions());
        Assert.True(byDefault.AtWindowBoundary);
        Assert.Equal(MetastasisTiming.Synchronous, byDefault.Timing);
        Assert.Contains("8.1", byDefault.BoundaryCaution);

        var as81 = TimingAssessment.Assess(patient, new ConsensusOptions { AtWindowBoundary = BoundaryTiming.Metachronous });
        Assert.Equal(MetastasisTiming.Metachronous, as81.Timing);
        Assert.True(as81.AtWindowBoundary);
    }

    [Fact]
    public void A_day_off_the_boundary_carries_no_caution()
    {
        var timing = TimingAssessment.Assess(Detected(new LocalDate(2024, 1, 15), new LocalDate(2024, 7, 16)), new ConsensusOptions());

        Assert.False(timing.AtWindowBoundary);
        Assert.Null(timing.BoundaryCaution);
    }

    [Fact]
    public void The_window_length_is_an_option()
    {
        var timing = TimingAssessment.Assess(Detected(new LocalDate(2024, 1, 15), new LocalDate(2024, 7, 16)), new ConsensusOptions { SynchronousWindowMonths = 12 });

        Assert.Equal(MetastasisTiming.Synchronous, timing.Timing);
    }

    [Fact]
    public void Missing_dates_are_named_and_timing_stays_unknown()
    {
        var timing = TimingAssessment.Assess(Patient.Builder().WithPrimary(Histology.Leiomyosarcoma).Build(), new ConsensusOptions());

        Assert.Null(timing.Timing);
        Assert.Equal(new[] { FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn }, timing.Missing);
    }

    [Fact]
    public void The_disease_free_interval_is_counted_from_diagnosis_to_detection()
    {
        var dfi = TimingAssessment.Assess(Detected(new LocalDate(2021, 3, 1), new LocalDate(2023, 9, 13)), new ConsensusOptions()).DiseaseFreeInterval;

        Assert.Equal(30, dfi.CompletedMonths);
        Assert.Equal(12, dfi.ExtraDays);
        Assert.Equal("30 months and 12 days", dfi.Describe());
        Assert.Contains("from primary diagnosis (2021-03-01) to detection of metastases (2023-09-13)", dfi.Sentence());
    }
}
