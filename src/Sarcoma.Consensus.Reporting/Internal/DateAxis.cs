using System;
using System.Collections.Generic;
using NodaTime;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>A linear date axis: maps calendar dates to x coordinates between two edges, and chooses readable ticks.</summary>
internal sealed class DateAxis
{
    private readonly double left;
    private readonly double right;
    private readonly int spanDays;

    public DateAxis(LocalDate start, LocalDate end, double left, double right)
    {
        if (end <= start)
        {
            end = start.PlusDays(1);
        }

        Start = start;
        End = end;
        this.left = left;
        this.right = right;
        spanDays = Days(start, end);
    }

    public LocalDate Start { get; }

    public LocalDate End { get; }

    /// <summary>An axis from the earliest to the latest of some dates, padded on both sides (at least 15 days, about 4 % of the span).</summary>
    public static DateAxis Around(IReadOnlyCollection<LocalDate> dates, double left, double right)
    {
        var min = LocalDate.MaxIsoValue;
        var max = LocalDate.MinIsoValue;
        foreach (var date in dates)
        {
            min = date < min ? date : min;
            max = date > max ? date : max;
        }

        var pad = Math.Max(15, Days(min, max) / 25);
        return new DateAxis(min.PlusDays(-pad), max.PlusDays(pad), left, right);
    }

    public static int Days(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;

    public double X(LocalDate date) => left + ((right - left) * Days(Start, date) / spanDays);

    /// <summary>Ticks on the first day of years, quarters or months, depending on the span.</summary>
    public IReadOnlyList<TickView> CalendarTicks()
    {
        int stepMonths;
        if (spanDays > 12 * 366)
        {
            stepMonths = 24;
        }
        else if (spanDays > 2 * 366)
        {
            stepMonths = 12;
        }
        else if (spanDays > 240)
        {
            stepMonths = 3;
        }
        else
        {
            stepMonths = 1;
        }

        var first = new LocalDate(Start.Year, 1, 1);
        var ticks = new List<TickView>();
        for (var tick = first; tick <= End; tick = tick.PlusMonths(stepMonths))
        {
            if (tick < Start)
            {
                continue;
            }

            var label = stepMonths >= 12
                ? Text.N(tick.Year)
                : Text.Date(tick).Substring(0, 7);
            ticks.Add(new TickView { X = Text.N(X(tick)), Label = label });
        }

        return ticks;
    }
}
