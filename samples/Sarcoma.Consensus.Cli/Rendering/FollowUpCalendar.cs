using System;
using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Cli.Input;
using Sarcoma.Consensus.Cli.Output;
using Sarcoma.Consensus.FollowUp;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>Writes the 13.1 follow-up calendar as an iCalendar (RFC 5545) file with Ical.Net: one all-day event per visit.</summary>
/// <remarks>
/// <para>
/// Reproducible byte for byte: nothing random and no clock. Each event's <c>UID</c> is derived from the metastasectomy
/// date and the visit number (<c>sarcoma-followup-20260820-visit-03@sarcoma-consensus</c>), so re-importing an updated
/// calendar updates the same events instead of duplicating them; <c>DTSTAMP</c> is midnight UTC of the evaluation date
/// (<c>--as-of</c>), and <c>PRODID</c> is fixed. Because the UID holds no patient identifier, two patients operated on
/// the same day share UIDs: import each patient's calendar into that patient's own calendar, not into one shared calendar.
/// </para>
/// <para>
/// Each event lasts the due day (<c>DTSTART;VALUE=DATE</c>, exclusive <c>DTEND</c> the day after) and is transparent (it
/// does not block time). <c>SUMMARY</c> names the visit and the phase; <c>DESCRIPTION</c> lists the examinations and the
/// window. No patient identifier, label or clinical detail other than the dates is written.
/// </para>
/// </remarks>
public static class FollowUpCalendar
{
    /// <summary>The calendar's product identifier.</summary>
    public const string ProductId = "-//Sarcoma.Consensus//sarcoma-consensus follow-up 13.1//EN";

    /// <summary>Builds the iCalendar text (CRLF line ends, as RFC 5545 requires).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="stampedOn">The date whose midnight UTC is every event's <c>DTSTAMP</c>: the evaluation date.</param>
    /// <returns>The text.</returns>
    public static string ToICalendar(FollowUpSchedule schedule, LocalDate stampedOn)
    {
        ArgumentNullException.ThrowIfNull(schedule);

        var calendar = new Ical.Net.Calendar
        {
            ProductId = ProductId,
            Method = "PUBLISH",
        };
        var stamp = new CalDateTime(stampedOn.Year, stampedOn.Month, stampedOn.Day, 0, 0, 0, "UTC");
        foreach (var visit in schedule.Visits)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(schedule.MetastasectomyOn, visit.Number),
                DtStamp = stamp,
                DtStart = new CalDateTime(visit.DueOn.ToDateOnly()),
                DtEnd = new CalDateTime(visit.DueOn.PlusDays(1).ToDateOnly()),
                Summary = string.Create(CultureInfo.InvariantCulture, $"Sarcoma follow-up visit {visit.Number}, month {visit.MonthsAfterSurgery} ({Labels.Short(visit.Phase)} phase)"),
                Description = Description(visit),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");
    }

    /// <summary>The UID of a visit's event: from the metastasectomy date and the visit number only.</summary>
    /// <param name="metastasectomyOn">The metastasectomy date.</param>
    /// <param name="visitNumber">The visit number.</param>
    /// <returns>The UID.</returns>
    public static string Uid(LocalDate metastasectomyOn, int visitNumber) => string.Create(
        CultureInfo.InvariantCulture,
        $"sarcoma-followup-{LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd").Format(metastasectomyOn)}-visit-{visitNumber:00}@sarcoma-consensus");

    private static string Description(FollowUpVisit visit)
    {
        var iso = LocalDatePattern.Iso;
        return FormattableString.Invariant($"Follow-up after liver metastasectomy, recommendation 13.1 ({FollowUpSchedule.Describe(visit.Phase)}): month {visit.MonthsAfterSurgery} after surgery. ")
            + FormattableString.Invariant($"Examinations: {FollowUpSchedule.DescribeExaminations()}. ")
            + FormattableString.Invariant($"Window: {iso.Format(visit.EarliestOn)} to {iso.Format(visit.LatestOn)}. ")
            + "Decision support, not a substitute for the multidisciplinary tumour board.";
    }
}
