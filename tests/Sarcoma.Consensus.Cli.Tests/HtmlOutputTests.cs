using System;
using System.IO;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Reporting;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary><c>evaluate PATH --html FILE</c>: the HTML page beside the normal output, never half-written.</summary>
public sealed class HtmlOutputTests
{
    private const string AsOf = "2026-11-26";

    private static readonly string Omd = Repo.Patient("metachronous-liver-omd");

    [Fact]
    public void Html_writes_the_page_and_keeps_the_text_report_on_standard_output()
    {
        using var folder = new TempFolder();
        var page = folder.File("report.html");

        var run = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--html", page);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("BOTTOM LINE as of ", run.Stdout, StringComparison.Ordinal);
        var document = PatientJson.ParseDocument(File.ReadAllText(Omd));
        var report = ConsensusEngine.Default.Evaluate(document.Patient, new LocalDate(2026, 11, 26));
        var expected = ReportHtml.Render(report, document.Patient, new ReportHtmlOptions { Label = document.Label });
        Assert.Equal(expected, File.ReadAllText(page));
        Assert.Equal(new[] { "report.html" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Html_goes_with_json_too_and_replaces_an_existing_file_whole()
    {
        using var folder = new TempFolder();
        var page = folder.Write("report.html", new string('x', 500_000));

        var run = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--json", "--html", page);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_path_in_a_missing_folder_is_exit_2_naming_the_option_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "no-such-folder", "report.html");

        var run = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--html", page);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --html {page}: the HTML report cannot be written (its folder does not exist).\n", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void An_html_path_that_is_a_folder_is_exit_2()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("evaluate", Omd, "--as-of", AsOf, "--html", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--html", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("it is a folder", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Html_is_refused_with_batch()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("evaluate", "--batch", folder.Write("in.ndjson", "{}\n"), "--out", folder.File("out.ndjson"), "--html", folder.File("r.html"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--html is for a single PATH", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("r.html")));
    }

    [Fact]
    public void An_out_of_scope_patient_gets_its_short_page()
    {
        using var folder = new TempFolder();
        var page = folder.File("gist.html");

        var run = CliRun.Of("evaluate", Repo.Patient("gist-out-of-scope"), "--as-of", AsOf, "--html", page);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Out of scope: no recommendation was evaluated", File.ReadAllText(page), StringComparison.Ordinal);
    }
}
