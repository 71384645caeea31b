using System;
using System.IO;
using System.Linq;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>Each input of <c>tests/field-reports/</c> gets what its README says, run the way the README runs it.</summary>
public sealed class FieldReportCommandTests
{
    private const string AsOf = "2026-11-30";

    [Fact]
    public void A_lone_surrogate_label_exits_2_naming_label()
    {
        var run = CliRun.Of("evaluate", FieldReports.File("01-lone-surrogate-label.json"), "--json", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("\n  label: is not valid Unicode text", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_with_a_lone_surrogate_on_line_2_rejects_line_2_and_evaluates_lines_1_3_and_4()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.ndjson");

        var run = CliRun.Of("evaluate", "--batch", FieldReports.File("01-lone-surrogate-batch.ndjson"), "--out", output, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        var written = File.ReadAllLines(output);
        Assert.Equal(4, written.Length);
        Assert.StartsWith("{\"line\":2,\"rejected\":true,\"errors\":[{\"field\":\"label\",", written[1], StringComparison.Ordinal);
        var stderr = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line 2: label: is not valid Unicode text: it holds a lone surrogate (an escape such as \\ud800 without its pair) or bytes that are not UTF-8.", stderr[0]);
        Assert.StartsWith("Summary: 4 lines read, 3 evaluated (0 out of scope), 1 rejected, 0 blank.", stderr[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_year_exits_2_naming_primary_diagnosedOn()
    {
        var run = CliRun.Of("evaluate", FieldReports.File("02-negative-year-date.json"), "--json", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\n  primary.diagnosedOn: must be a date written yyyy-MM-dd", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2022", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_1900_sentinel_diagnosis_exits_2_naming_the_field_as_outside_the_plausible_range()
    {
        var run = CliRun.Of("evaluate", FieldReports.File("03-sentinel-diagnosis-1900.json"), "--json", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var details = run.Stderr.Substring(run.Stderr.IndexOf('\n', StringComparison.Ordinal));
        Assert.StartsWith("\n  primary.diagnosedOn: is outside the plausible range of clinical dates", details, StringComparison.Ordinal);
        Assert.DoesNotContain("1900", details, StringComparison.Ordinal);
    }

    [Fact]
    public void An_at_sign_argument_is_a_path_and_nothing_of_the_file_is_echoed()
    {
        // Named '@' + an existing file: a response-file reader would open that file and echo its content as arguments.
        var atPath = "@" + FieldReports.File("04-at-sign-patient.json");

        var run = CliRun.Of("evaluate", atPath, "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {atPath}: no such patient file.\n", run.Stderr);
        foreach (var content in new[] { "leiomyosarcoma", "Metachronous", "retroperitoneal", "2022-03-14", "label" })
        {
            Assert.DoesNotContain(content, run.Stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_batch_input_named_with_an_at_sign_is_a_path_too()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("evaluate", "--batch", "@" + FieldReports.File("01-lone-surrogate-batch.ndjson"), "--out", folder.File("out.ndjson"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith(": no such batch input.\n", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Metachronous", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.ndjson")));
    }

    [Fact]
    public void A_file_whose_name_starts_with_an_at_sign_can_be_evaluated()
    {
        using var folder = new TempFolder();
        File.Copy(FieldReports.File("04-at-sign-patient.json"), folder.File("@04-at-sign-patient.json"));

        var run = CliProcess.Run(folder.Path, "evaluate", "@04-at-sign-patient.json", "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("As of: 2026-11-30\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_with_forged_lines_and_a_terminal_escape_is_rejected_and_no_output_carries_it()
    {
        var run = CliRun.Of("evaluate", FieldReports.File("05-label-control-chars.json"), "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("\n  label: must not contain control characters", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain("OUT OF SCOPE", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("As of: 2019", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_control_characters_is_echoed_escaped()
    {
        var run = CliRun.Of("evaluate", "missing\nScope: OUT OF SCOPE\u001b[8m.json", "--as-of", AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: missing\\u000AScope: OUT OF SCOPE\\u001B[8m.json: no such patient file.\n", run.Stderr);
    }

    [Fact]
    public void A_second_schedule_without_a_calendar_never_exits_0_leaving_the_first_patients_calendar()
    {
        using var folder = new TempFolder();
        var calendar = folder.File("cal.ics");

        var first = CliRun.Of("schedule", Repo.Patient("post-resection-follow-up"), "--ics", calendar, "--as-of", AsOf);
        var written = File.ReadAllBytes(calendar);
        var second = CliRun.Of("schedule", Repo.Patient("metachronous-liver-omd"), "--ics", calendar, "--as-of", AsOf);

        Assert.Equal(0, first.ExitCode);
        Assert.NotEmpty(written);
        Assert.Equal(0, second.ExitCode);
        Assert.False(File.Exists(calendar));
        Assert.Contains($"No iCalendar file written to {calendar}; the file that was there (another run's calendar) was removed", second.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void An_out_of_scope_schedule_removes_a_stale_calendar_too()
    {
        using var folder = new TempFolder();
        var calendar = folder.Write("cal.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        var run = CliRun.Of("schedule", Repo.Patient("gist-out-of-scope"), "--ics", calendar, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(calendar));
    }

    [Fact]
    public void A_calendar_replaces_the_previous_one_whole_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var calendar = folder.Write("cal.ics", "previous");

        var run = CliRun.Of("schedule", Repo.Patient("post-resection-follow-up"), "--ics", calendar, "--as-of", AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("BEGIN:VCALENDAR", File.ReadAllText(calendar), StringComparison.Ordinal);
        Assert.Equal(new[] { calendar }, Directory.GetFiles(folder.Path).ToArray());
    }
}
