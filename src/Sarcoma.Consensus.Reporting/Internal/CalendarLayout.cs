using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.FollowUp;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// The follow-up calendar of 13.1 as a timeline: one lane per phase, each visit drawn as its window (earliest to latest
/// day) with a tick at its due date; past, due and upcoming visits differ in fill and outline, and the visit due now is
/// also named in words. Axis ticks at each anniversary of the metastasectomy.
/// </summary>
internal static class CalendarLayout
{
    private const double Top = TimeChart.Top;
    private const double LaneHeight = 40;

    public static CalendarView Build(FollowUpSchedule schedule, LocalDate asOf)
    {
        var start = schedule.MetastasectomyOn;
        var end = schedule.Visits.Count > 0 ? schedule.Visits.Max(v => v.LatestOn) : start.PlusYears(schedule.HorizonYears);
        end = asOf > end ? asOf : end;
        var axis = new DateAxis(start.PlusDays(-30), end.PlusDays(30), TimeChart.PlotLeft, TimeChart.PlotRight);

        var lanes = new List<LaneView>();
        var phases = schedule.Visits.Select(v => v.Phase).Distinct().OrderBy(p => p).ToList();
        for (var i = 0; i < phases.Count; i++)
        {
            var top = Top + (i * LaneHeight);
            var visits = schedule.InPhase(phases[i]);
            lanes.Add(new LaneView
            {
                Label = Words.Phase(phases[i]),
                Top = Text.N(top),
                Height = Text.N(LaneHeight),
                LabelY = Text.N(top + 26),
                Shaded = i % 2 == 0,
                Visits = visits.Select(v => Visit(v, axis, top)).ToList(),
            });
        }

        var axisY = Top + (lanes.Count * LaneHeight) + 4;
        var ticks = new List<TickView>();
        for (var year = 0; year <= schedule.HorizonYears; year++)
        {
            var date = start.PlusYears(year);
            if (date > axis.End)
            {
                break;
            }

            ticks.Add(new TickView
            {
                X = Text.N(axis.X(date)),
                Label = year == 0 ? "surgery" : Text.N(year) + " y",
                SubLabel = Text.Date(date).Substring(0, 7),
            });
        }

        var asOfX = axis.X(asOf);
        var next = schedule.NextVisit;
        return new CalendarView(axisY, asOfX, "as of " + Text.Date(asOf))
        {
            Title = "Follow-up calendar (13.1)",
            // 13.1 gives intervals, not a number of visits: the horizon is this library's (an option), said as such.
            Heading = "From the liver metastasectomy of " + Text.Date(start) + ", drawn to year " + Text.N(schedule.HorizonYears) + " (13.1 sets no end; the horizon is this library's option FollowUpHorizonYears)",
            Examinations = "At every visit: " + FollowUpSchedule.DescribeExaminations() + " (13.1).",
            Description = Describe(schedule, next),
            Next = next is null ? (schedule.AsOf is null ? null : "The schedule's last window has closed.") : NextText(next),
            NextTone = next is null ? null : Words.StandingCode(next.Standing),
            Lanes = lanes,
            Ticks = ticks,
            SurgeryX = Text.N(axis.X(start)),
            Rows = schedule.Visits.Select(v => new VisitRowView
            {
                Number = Text.N(v.Number),
                Months = Text.N(v.MonthsAfterSurgery),
                Phase = Words.Phase(v.Phase),
                Due = Text.Date(v.DueOn),
                Window = Text.Date(v.EarliestOn) + " to " + Text.Date(v.LatestOn),
                Standing = Words.Standing(v.Standing),
                StandingCode = Words.StandingCode(v.Standing),
            }).ToList(),
        };
    }

    private static VisitMarkView Visit(FollowUpVisit visit, DateAxis axis, double laneTop)
    {
        var x1 = axis.X(visit.EarliestOn);
        var x2 = axis.X(visit.LatestOn);
        var due = axis.X(visit.DueOn);
        var y = laneTop + 16;
        return new VisitMarkView
        {
            Number = Text.N(visit.Number),
            X = Text.N(x1),
            Width = Text.N(System.Math.Max(x2 - x1, 2)),
            Y = Text.N(y),
            Height = "14",
            DueX = Text.N(due),
            DueY1 = Text.N(y - 3),
            DueY2 = Text.N(y + 17),
            NumberX = Text.N((x1 + x2) / 2),
            NumberY = Text.N(y - 5),
            Standing = Words.StandingCode(visit.Standing),
            Title = "Visit " + Text.N(visit.Number) + " (month " + Text.N(visit.MonthsAfterSurgery) + "): due " + Text.Date(visit.DueOn)
                + ", window " + Text.Date(visit.EarliestOn) + " to " + Text.Date(visit.LatestOn) + "; " + Words.Standing(visit.Standing) + ".",
        };
    }

    private static string NextText(FollowUpVisit next) =>
        (next.Standing == FollowUpVisitStanding.Due ? "Due now: visit " : "Next: visit ") + Text.N(next.Number) + " (month " + Text.N(next.MonthsAfterSurgery)
        + "), due " + Text.Date(next.DueOn) + ", window " + Text.Date(next.EarliestOn) + " to " + Text.Date(next.LatestOn) + ".";

    private static string Describe(FollowUpSchedule schedule, FollowUpVisit? next)
    {
        var text = "Follow-up visits of recommendation 13.1 from the liver metastasectomy of " + Text.Date(schedule.MetastasectomyOn) + ": "
            + Text.Count(schedule.InPhase(FollowUpPhase.FirstTwoYears).Count, "visit", "visits") + " every 3 to 4 months in years 1–2, "
            + Text.Count(schedule.InPhase(FollowUpPhase.ThroughYearFive).Count, "visit", "visits") + " every 6 months in years 3–5, "
            + "then annually (13.1 sets no end; " + Text.Count(schedule.InPhase(FollowUpPhase.Annual).Count, "visit", "visits") + " drawn to year "
            + Text.N(schedule.HorizonYears) + ", this library's horizon, option FollowUpHorizonYears).";
        return next is null ? text : text + " " + NextText(next) + " The table below lists every visit.";
    }
}
