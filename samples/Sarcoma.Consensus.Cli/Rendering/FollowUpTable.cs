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
        // No "n/N" numbering: N would be the library's horizon (FollowUpHorizonYears), not a number the paper gives.
        var total = schedule.Visits.Count;
        int numberWidth = Math.Max(5, Count(total).Length);
        output.WriteLine($"{"Visit".PadLeft(numberWidth)}  Month  Phase        Due         Window                    Status");
        output.WriteLine($"{new string('-', numberWidth)}  -----  -----------  ----------  ------------------------  --------");
        foreach (var visit in schedule.Visits)
        {
            string number = Count(visit.Number).PadLeft(numberWidth);
            string month = Count(visit.MonthsAfterSurgery).PadLeft(5);
            string phase = Labels.Short(visit.Phase).PadRight(11);
            string window = $"{Date(visit.EarliestOn)} to {Date(visit.LatestOn)}";
            output.WriteLine($"{number}  {month}  {phase}  {Date(visit.DueOn)}  {window}  {Labels.Words(visit.Standing)}".TrimEnd());
        }

        output.WriteLine();
        var phases = Enum.GetValues<FollowUpPhase>()
            .Select(phase => $"{Count(schedule.InPhase(phase).Count)} {FollowUpSchedule.Describe(phase)}");
        output.WriteLine($"{Count(total)} visits drawn to year {Count(schedule.HorizonYears)}: {string.Join(", ", phases)}. 13.1 gives intervals and sets no end; the horizon is this library's (option FollowUpHorizonYears).");
        if (schedule.NextVisit is { } next)
        {
            output.WriteLine($"Next visit: {Count(next.Number)} (month {Count(next.MonthsAfterSurgery)}), due {Date(next.DueOn)} (window {Date(next.EarliestOn)} to {Date(next.LatestOn)}).");
        }
        else if (schedule.AsOf is not null)
        {
            output.WriteLine($"Every visit drawn to year {Count(schedule.HorizonYears)} is past; 13.1 continues annually.");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}
