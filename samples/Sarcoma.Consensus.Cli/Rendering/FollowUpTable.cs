using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime.Text;
using Sarcoma.Consensus.FollowUp;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>Writes the 13.1 follow-up calendar as an aligned table: visit, months after surgery, phase, due date, window, and where it stands.</summary>
public static class FollowUpTable
{
    /// <summary>Writes the examinations line, the table and a one-line summary of the phases.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="output">The writer.</param>
    public static void Write(FollowUpSchedule schedule, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(output);

        output.WriteLine($"Every visit: {FollowUpSchedule.DescribeExaminations()}.");
        output.WriteLine();
        var total = schedule.Visits.Count;
        int numberWidth = Count(total).Length * 2 + 1;
        output.WriteLine($"{"Visit".PadLeft(numberWidth)}  Month  Phase        Due         Window                    Status");
        output.WriteLine($"{new string('-', numberWidth)}  -----  -----------  ----------  ------------------------  --------");
        foreach (var visit in schedule.Visits)
        {
            string number = $"{Count(visit.Number)}/{Count(total)}".PadLeft(numberWidth);
            string month = Count(visit.MonthsAfterSurgery).PadLeft(5);
            string phase = Labels.Short(visit.Phase).PadRight(11);
            string window = $"{Date(visit.EarliestOn)} to {Date(visit.LatestOn)}";
            output.WriteLine($"{number}  {month}  {phase}  {Date(visit.DueOn)}  {window}  {Labels.Words(visit.Standing)}".TrimEnd());
        }

        output.WriteLine();
        var phases = Enum.GetValues<FollowUpPhase>()
            .Select(phase => $"{Count(schedule.InPhase(phase).Count)} {FollowUpSchedule.Describe(phase)}");
        output.WriteLine($"{Count(total)} visits: {string.Join(", ", phases)} (to year {Count(schedule.HorizonYears)}).");
        if (schedule.NextVisit is { } next)
        {
            output.WriteLine($"Next visit: {Count(next.Number)} of {Count(total)}, due {Date(next.DueOn)} (window {Date(next.EarliestOn)} to {Date(next.LatestOn)}).");
        }
        else if (schedule.AsOf is not null)
        {
            output.WriteLine("Every visit of the schedule is past.");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
