using NodaTime;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Tests.Remetastasectomy;

/// <summary>Boundaries of the 9.1 treatment-free interval ("longer than 12–18 months"), in calendar months.</summary>
public sealed class RemetastasectomyWindowTests
{
    private static readonly LocalDate TreatmentEnded = new(2023, 1, 1);

    private static RemetastasectomyWindow Place(LocalDate recurrence, ConsensusOptions? options = null, LocalDate? ended = null)
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, diagnosedOn: new LocalDate(2020, 6, 1))
            .LastTreatmentEndedOn(ended ?? TreatmentEnded)
            .MetastasesDetectedOn(recurrence)
            .Build();
        return RemetastasectomyWindow.Assess(IntervalAssessment.TreatmentFree(patient), options ?? new ConsensusOptions());
    }

    [Fact]
    public void Eleven_months_and_thirty_days_is_below_the_range()
    {
        var window = Place(new LocalDate(2023, 12, 31));

        Assert.Equal("11 months and 30 days", window.Interval.Describe());
        Assert.Equal(TreatmentFreeIntervalPosition.BelowRange, window.Position);
        Assert.False(window.CriterionMet);
        Assert.Null(window.Caution);
    }

    [Fact]
    public void Exactly_twelve_months_is_not_longer_than_12_months_and_is_below_the_range()
    {
        var window = Place(new LocalDate(2024, 1, 1));

        Assert.Equal("12 months", window.Interval.Describe());
        Assert.Equal(TreatmentFreeIntervalPosition.BelowRange, window.Position);
        Assert.False(window.CriterionMet);
        Assert.Contains("not longer than 12 months", window.Findings[1].Sentence);
    }

    [Fact]
    public void Twelve_months_and_one_day_is_within_the_range_with_a_caution()
    {
        var window = Place(new LocalDate(2024, 1, 2));

        Assert.Equal(TreatmentFreeIntervalPosition.WithinRange, window.Position);
        Assert.True(window.CriterionMet);
        Assert.NotNull(window.Caution);
        Assert.Contains("12–18 months", window.Caution);
    }

    [Fact]
    public void Exactly_eighteen_months_is_still_within_the_range()
    {
        var window = Place(new LocalDate(2024, 7, 1));

        Assert.Equal("18 months", window.Interval.Describe());
        Assert.Equal(TreatmentFreeIntervalPosition.WithinRange, window.Position);
        Assert.NotNull(window.Caution);
    }

    [Fact]
    public void Eighteen_months_and_one_day_is_above_the_range_without_a_caution()
    {
        var window = Place(new LocalDate(2024, 7, 2));

        Assert.Equal(TreatmentFreeIntervalPosition.AboveRange, window.Position);
        Assert.True(window.CriterionMet);
        Assert.Null(window.Caution);
        Assert.Empty(window.Missing);
    }

    [Fact]
    public void Month_ends_are_counted_in_calendar_months()
    {
        // 31 August + 12 months = 31 August: exactly 12 months, not longer; 1 September is longer.
        var ended = new LocalDate(2022, 8, 31);

        Assert.Equal(TreatmentFreeIntervalPosition.BelowRange, Place(new LocalDate(2023, 8, 31), ended: ended).Position);
        Assert.Equal(TreatmentFreeIntervalPosition.WithinRange, Place(new LocalDate(2023, 9, 1), ended: ended).Position);
    }

    [Theory]
    [InlineData(2023, 6, 30, TreatmentFreeIntervalPosition.BelowRange)] // 5 months 29 days
    [InlineData(2023, 7, 1, TreatmentFreeIntervalPosition.BelowRange)] // exactly 6: not longer than 6
    [InlineData(2023, 7, 2, TreatmentFreeIntervalPosition.WithinRange)] // 6 months 1 day
    [InlineData(2023, 10, 1, TreatmentFreeIntervalPosition.WithinRange)] // exactly 9
    [InlineData(2023, 10, 2, TreatmentFreeIntervalPosition.AboveRange)] // 9 months 1 day
    public void Changed_bounds_move_the_range(int year, int month, int day, TreatmentFreeIntervalPosition expected)
    {
        var options = new ConsensusOptions { RemetastasectomyMinimumTfiMonths = 6, RemetastasectomyClearTfiMonths = 9 };

        var window = Place(new LocalDate(year, month, day), options);

        Assert.Equal(expected, window.Position);
        Assert.Equal(6, window.MinimumMonths);
        Assert.Equal(9, window.ClearMonths);
    }

    [Fact]
    public void Equal_bounds_make_a_single_cut_off()
    {
        var options = new ConsensusOptions { RemetastasectomyMinimumTfiMonths = 12, RemetastasectomyClearTfiMonths = 12 };

        Assert.Equal(TreatmentFreeIntervalPosition.BelowRange, Place(new LocalDate(2023, 12, 31), options).Position);
        Assert.Equal(TreatmentFreeIntervalPosition.BelowRange, Place(new LocalDate(2024, 1, 1), options).Position);
        Assert.Equal(TreatmentFreeIntervalPosition.AboveRange, Place(new LocalDate(2024, 1, 2), options).Position);
    }

    [Fact]
    public void A_missing_detection_date_leaves_the_interval_unknown()
    {
        var patient = Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma)
            .LastTreatmentEndedOn(TreatmentEnded)
            .Build();

        var window = RemetastasectomyWindow.Assess(IntervalAssessment.TreatmentFree(patient), new ConsensusOptions());

        Assert.Equal(TreatmentFreeIntervalPosition.Unknown, window.Position);
        Assert.Null(window.CriterionMet);
        Assert.Equal(new[] { FactNames.MetastasesDetectedOn }, window.Missing);
    }

    [Fact]
    public void Treatment_recorded_as_ending_after_the_recurrence_leaves_the_interval_unknown()
    {
        var window = Place(new LocalDate(2022, 11, 1));

        Assert.Equal(TreatmentFreeIntervalPosition.Unknown, window.Position);
        Assert.Equal(new[] { FactNames.LastTreatmentEndedOn }, window.Missing);
        Assert.Contains("recorded after", window.Findings[0].Sentence);
    }

    [Fact]
    public void The_window_is_read_from_the_context()
    {
        var window = RemetastasectomyWindow.Assess(Vignettes.LiverRecurrenceAfterResection().Context());

        Assert.Equal(TreatmentFreeIntervalPosition.AboveRange, window.Position);
        Assert.Equal(27, window.Interval.CompletedMonths);
    }
}
