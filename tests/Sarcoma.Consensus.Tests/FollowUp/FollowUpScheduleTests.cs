using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.FollowUp;

/// <summary>The 13.1 calendar: 3-monthly to 2 years, 6-monthly to 5 years, yearly to the horizon; calendar months, month ends clamped.</summary>
public sealed class FollowUpScheduleTests
{
    [Fact]
    public void The_default_ten_year_horizon_gives_8_plus_6_plus_5_visits()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 10, 16));

        Assert.Equal(19, schedule.Visits.Count);
        Assert.Equal(8, schedule.InPhase(FollowUpPhase.FirstTwoYears).Count);
        Assert.Equal(6, schedule.InPhase(FollowUpPhase.ThroughYearFive).Count);
        Assert.Equal(5, schedule.InPhase(FollowUpPhase.Annual).Count);
        Assert.Equal(
            new[] { 3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60, 72, 84, 96, 108, 120 },
            schedule.Visits.Select(v => v.MonthsAfterSurgery));
        Assert.Equal(Enumerable.Range(1, 19), schedule.Visits.Select(v => v.Number));
    }

    [Fact]
    public void Visits_are_dated_from_the_surgery_with_their_windows()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 10, 16));
        var first = schedule.Visits[0];
        var eighth = schedule.Visits[7];
        var ninth = schedule.Visits[8];
        var last = schedule.Visits[18];

        Assert.Equal(new LocalDate(2024, 1, 16), first.DueOn);
        Assert.Equal(new LocalDate(2024, 1, 16), first.EarliestOn);
        Assert.Equal(new LocalDate(2024, 2, 16), first.LatestOn);
        Assert.Equal(new LocalDate(2025, 10, 16), eighth.DueOn);
        Assert.Equal(new LocalDate(2025, 11, 16), eighth.LatestOn);
        Assert.Equal(new LocalDate(2026, 4, 16), ninth.DueOn);
        Assert.Equal(new LocalDate(2026, 3, 16), ninth.EarliestOn);
        Assert.Equal(new LocalDate(2026, 5, 16), ninth.LatestOn);
        Assert.Equal(FollowUpPhase.Annual, last.Phase);
        Assert.Equal(new LocalDate(2033, 10, 16), last.DueOn);
        Assert.Equal(new LocalDate(2033, 9, 16), last.EarliestOn);
        Assert.Equal(new LocalDate(2033, 11, 16), last.LatestOn);
    }

    [Fact]
    public void A_resection_on_31_August_clamps_to_month_ends_without_drifting()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 8, 31));

        Assert.Equal(
            new[]
            {
                new LocalDate(2023, 11, 30), new LocalDate(2024, 2, 29), new LocalDate(2024, 5, 31), new LocalDate(2024, 8, 31),
                new LocalDate(2024, 11, 30), new LocalDate(2025, 2, 28), new LocalDate(2025, 5, 31), new LocalDate(2025, 8, 31),
            },
            schedule.InPhase(FollowUpPhase.FirstTwoYears).Select(v => v.DueOn));
        Assert.Equal(new LocalDate(2023, 12, 31), schedule.Visits[0].LatestOn);
        var month30 = schedule.Visits[8];
        Assert.Equal(new LocalDate(2026, 2, 28), month30.DueOn);
        Assert.Equal(new LocalDate(2026, 1, 31), month30.EarliestOn);
        Assert.Equal(new LocalDate(2026, 3, 31), month30.LatestOn);
    }

    [Fact]
    public void A_resection_on_29_February_falls_back_to_28_February_except_in_leap_years()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2024, 2, 29));

        Assert.Equal(new LocalDate(2024, 5, 29), schedule.Visits[0].DueOn);
        Assert.Equal(new LocalDate(2025, 2, 28), schedule.Visits.Single(v => v.MonthsAfterSurgery == 12).DueOn);
        Assert.Equal(new LocalDate(2026, 2, 28), schedule.Visits.Single(v => v.MonthsAfterSurgery == 24).DueOn);
        Assert.Equal(new LocalDate(2026, 3, 29), schedule.Visits.Single(v => v.MonthsAfterSurgery == 24).LatestOn);
        Assert.Equal(new LocalDate(2028, 2, 29), schedule.Visits.Single(v => v.MonthsAfterSurgery == 48).DueOn);
        Assert.Equal(new LocalDate(2032, 2, 29), schedule.Visits.Single(v => v.MonthsAfterSurgery == 96).DueOn);
    }

    [Theory]
    [InlineData(5, 14)]
    [InlineData(6, 15)]
    [InlineData(12, 21)]
    public void The_horizon_sets_the_number_of_yearly_visits(int years, int visits)
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 10, 16), new ConsensusOptions { FollowUpHorizonYears = years });

        Assert.Equal(visits, schedule.Visits.Count);
        Assert.Equal(years, schedule.HorizonYears);
        Assert.Equal(years * 12, schedule.Visits[^1].MonthsAfterSurgery);
    }

    [Fact]
    public void An_invalid_horizon_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => FollowUpSchedule.Create(new LocalDate(2023, 10, 16), new ConsensusOptions { FollowUpHorizonYears = 4 }));
    }

    [Fact]
    public void Every_visit_comprises_the_three_examinations()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 10, 16));

        Assert.All(schedule.Visits, v => Assert.Equal(
            new[] { FollowUpExamination.PhysicalExamination, FollowUpExamination.AbdominalUltrasound, FollowUpExamination.ContrastEnhancedChestAbdomenCt },
            v.Examinations));
        Assert.Equal("oral and intravenous contrast-enhanced CT of the chest and abdomen", FollowUpVisit.Describe(FollowUpExamination.ContrastEnhancedChestAbdomenCt));
    }

    [Fact]
    public void Without_an_evaluation_date_visits_are_unmarked()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 10, 16));

        Assert.All(schedule.Visits, v => Assert.Null(v.Standing));
        Assert.Null(schedule.NextVisit);
    }

    [Theory]
    [InlineData(2024, 1, 15, 1, FollowUpVisitStanding.Upcoming)] // the day before the first window opens
    [InlineData(2024, 1, 16, 1, FollowUpVisitStanding.Due)] // first day of the window
    [InlineData(2024, 2, 16, 1, FollowUpVisitStanding.Due)] // last day of the window
    [InlineData(2024, 2, 17, 2, FollowUpVisitStanding.Upcoming)] // visit 1's window closed
    [InlineData(2026, 1, 15, 9, FollowUpVisitStanding.Upcoming)]
    [InlineData(2026, 3, 16, 9, FollowUpVisitStanding.Due)]
    public void Visits_are_placed_against_the_evaluation_date(int year, int month, int day, int nextNumber, FollowUpVisitStanding standing)
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2023, 10, 16), asOf: new LocalDate(year, month, day));

        Assert.Equal(nextNumber, schedule.NextVisit!.Number);
        Assert.Equal(standing, schedule.NextVisit.Standing);
        Assert.Equal(nextNumber - 1, schedule.Visits.Count(v => v.Standing == FollowUpVisitStanding.Past));
    }

    [Fact]
    public void After_the_horizon_no_visit_is_next()
    {
        var schedule = FollowUpSchedule.Create(new LocalDate(2010, 1, 4), asOf: new LocalDate(2026, 1, 15));

        Assert.Null(schedule.NextVisit);
        Assert.All(schedule.Visits, v => Assert.Equal(FollowUpVisitStanding.Past, v.Standing));
    }

    [Fact]
    public void The_patients_schedule_runs_from_the_latest_resection()
    {
        var context = Vignettes.LiverRecurrenceAfterResection()
            .AddLiverResection(new LocalDate(2023, 10, 2))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .Context();

        var schedule = FollowUpSchedule.ForPatient(context);

        Assert.NotNull(schedule);
        Assert.Equal(new LocalDate(2023, 10, 2), schedule!.MetastasectomyOn);
        Assert.Equal(Vignettes.AsOf, schedule.AsOf);
    }

    [Fact]
    public void An_undated_resection_beside_dated_ones_could_be_the_latest_so_no_calendar_is_dated()
    {
        var context = Vignettes.LiverRecurrenceAfterResection()
            .AddLiverResection(new LocalDate(2023, 10, 2))
            .AddLiverResection(null)
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .Context();

        Assert.Null(FollowUpSchedule.ForPatient(context));
        Assert.Null(FollowUpSchedule.LatestMetastasectomyDate(context.Patient));
    }

    [Fact]
    public void No_dated_resection_gives_no_schedule()
    {
        Assert.Null(FollowUpSchedule.ForPatient(Vignettes.LiverRecurrenceWithUndatedResection().Context()));
        Assert.Null(FollowUpSchedule.ForPatient(Vignettes.MetachronousLiverOnlyOmd().Context()));
    }
}
