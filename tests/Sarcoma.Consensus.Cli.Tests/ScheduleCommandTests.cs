using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ical.Net;

namespace Sarcoma.Consensus.Cli.Tests;

public sealed class ScheduleCommandTests
{
    private const string AsOf = "2026-11-26";

    private static readonly string FollowUp = Repo.Patient("post-resection-follow-up");

    [Fact]
    public void Schedule_prints_the_visits_of_13_1_to_the_library_horizon_for_the_follow_up_sample()
    {
        var run = CliRun.Of("schedule", FollowUp, "--as-of", AsOf);
        var rows = VisitRows(run.Stdout);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(19, rows.Length);
        // Numbered from surgery, never "n of N": N would be the library's horizon (FollowUpHorizonYears), not the paper's.
        Assert.Equal("    1      3  3–4-monthly  2026-11-20  2026-11-20 to 2026-12-20  DUE NOW", rows[0]);
        Assert.Equal("    9     30  6-monthly    2029-02-20  2029-01-20 to 2029-03-20  upcoming", rows[8]);
        Assert.Equal("   19    120  annual       2036-08-20  2036-07-20 to 2036-09-20  upcoming", rows[18]);
        Assert.Contains("Metastasectomy: 2026-08-20", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Every visit: physical examination, abdominal ultrasound, oral and intravenous contrast-enhanced CT of the chest and abdomen.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("19 visits drawn to year 10: 8 every 3 to 4 months for the first 2 postoperative years, 6 every 6 months through the end of the fifth year, 5 annually thereafter. 13.1 gives intervals and sets no end; the horizon is this library's (option FollowUpHorizonYears).", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Next visit: 1 (month 3), due 2026-11-20 (window 2026-11-20 to 2026-12-20).", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+ of \d+|\d+/\d+", run.Stdout);
        Assert.Contains("not a substitute for the multidisciplinary tumour board", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_marks_visits_past_relative_to_as_of()
    {
        var rows = VisitRows(CliRun.Of("schedule", FollowUp, "--as-of", "2027-06-10").Stdout);

        Assert.Equal(new[] { "past", "past", "DUE NOW", "upcoming" }, rows.Take(4).Select(r => r.Split("  ").Last().Trim()));
    }

    [Fact]
    public void Ics_is_a_parseable_calendar_with_19_all_day_events()
    {
        using var folder = new TempFolder();
        var path = folder.File("follow-up.ics");

        var run = CliRun.Of("schedule", FollowUp, "--as-of", AsOf, "--ics", path);
        var calendar = Calendar.Load(File.ReadAllText(path))!;

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"iCalendar written: {path} (19 events).", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(19, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.True(e.IsAllDay));
        Assert.Equal(19, calendar.Events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count());

        var third = calendar.Events.Single(e => e.Uid == "sarcoma-followup-20260820-visit-03@sarcoma-consensus");
        Assert.Equal("Sarcoma follow-up visit 3, month 9 (3–4-monthly phase)", third.Summary);
        Assert.Equal(new DateOnly(2027, 5, 20), third.DtStart!.Date);
        Assert.Equal(new DateOnly(2027, 5, 21), third.DtEnd!.Date);
        Assert.Contains("physical examination, abdominal ultrasound, oral and intravenous contrast-enhanced CT of the chest and abdomen", third.Description, StringComparison.Ordinal);
        Assert.Contains("Window: 2027-05-20 to 2027-06-20", third.Description, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc), third.DtStamp!.AsUtc);
        Assert.Equal(
            "Sarcoma follow-up visit 19, month 120 (annual phase)",
            calendar.Events.Single(e => e.Uid == "sarcoma-followup-20260820-visit-19@sarcoma-consensus").Summary);
    }

    [Fact]
    public void Ics_is_byte_identical_across_runs_and_holds_no_case_label()
    {
        using var folder = new TempFolder();
        var first = folder.File("first.ics");
        var second = folder.File("second.ics");

        CliRun.Of("schedule", FollowUp, "--as-of", AsOf, "--ics", first);
        CliRun.Of("schedule", FollowUp, "--as-of", AsOf, "--ics", second);

        var bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));
        Assert.NotEqual(0xEF, bytes[0]);
        var text = File.ReadAllText(first);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("three months after", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("synovial", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Patient_without_a_dated_metastasectomy_has_no_calendar_and_exits_0()
    {
        using var folder = new TempFolder();
        var path = folder.File("none.ics");

        var run = CliRun.Of("schedule", Repo.Patient("metachronous-liver-omd"), "--as-of", AsOf, "--ics", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("No follow-up calendar. No liver metastasectomy has been done: post-metastasectomy follow-up does not arise.\n", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(VisitRows(run.Stdout));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Out_of_scope_patient_has_no_calendar_and_exits_0()
    {
        var run = CliRun.Of("schedule", Repo.Patient("gist-out-of-scope"), "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Scope: OUT OF SCOPE.", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(VisitRows(run.Stdout));
    }

    [Fact]
    public void Unwritable_ics_path_exits_2_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.ics");

        var run = CliRun.Of("schedule", FollowUp, "--as-of", AsOf, "--ics", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --ics {path}: the iCalendar file cannot be written (its folder does not exist).\n", run.Stderr);
    }

    [Fact]
    public void Schedule_of_a_missing_file_exits_2()
    {
        var run = CliRun.Of("schedule", "no-such-patient.json", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no-such-patient.json: no such patient file.\n", run.Stderr);
    }

    private static string[] VisitRows(string output) =>
        output.Split('\n').Where(line => Regex.IsMatch(line, @"^\s*\d+\s+\d+\s+\S+\s+\d{4}-")).ToArray();
}
