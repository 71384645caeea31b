using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>The text report leads with a one-screen bottom line and says each sentence once (issue #10 §2).</summary>
public sealed class TextReportTests
{
    private const string AsOf = "2026-11-26";
    private const string Rule = "────";
    private static readonly string[] NoConsensusIds = { "3.2", "5.5", "10.2" };

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Repo.PatientFiles().OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_bottom_line_fits_one_screen_and_every_line_fits_100_columns(string sample)
    {
        var lines = Lines(Run(sample));
        var rule = lines.FindIndex(l => l.StartsWith(Rule, StringComparison.Ordinal));

        Assert.StartsWith("BOTTOM LINE as of 2026-11-26", lines[0], StringComparison.Ordinal);
        Assert.InRange(rule, 1, 40); // aims at 25 lines; takes more rather than cut a caution (issue #7 review F9)
        Assert.All(lines, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_report_ends_with_its_provenance_and_the_disclaimer(string sample)
    {
        var output = Run(sample);
        var provenance = output.IndexOf("\nProvenance: Sarcoma.Consensus ", StringComparison.Ordinal);

        Assert.True(provenance > output.IndexOf(Rule, StringComparison.Ordinal), "the provenance is in the details");
        Assert.Contains("guideline doi:10.3390/cancers17081295; catalogue", output, StringComparison.Ordinal);
        Assert.Contains("as of 2026-11-26; options all at the consensus defaults.", Unwrapped(output), StringComparison.Ordinal);
        Assert.Matches(new Regex("sha256:[0-9a-f]{64}"), output);
        Assert.EndsWith("check every output against the patient and the paper.", Regex.Replace(output.TrimEnd('\n'), @"\s+", " "), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_consensus_items_are_never_among_the_actions(string sample)
    {
        var bottom = BottomLine(Run(sample));
        var actions = bottom.SkipWhile(l => l != "What to do now").TakeWhile(l => !l.StartsWith("Missing", StringComparison.Ordinal)).ToList();

        Assert.All(actions, line => Assert.DoesNotMatch(new Regex(@"^\s+(\S.{0,14}\s+)?(3\.2|5\.5|10\.2)\s"), line));
        if (!sample.StartsWith("gist", StringComparison.Ordinal))
        {
            Assert.Single(bottom, l => l.StartsWith("No consensus (for information, never advice): 3.2", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_finding_and_caution_is_printed_once(string sample)
    {
        var output = Unwrapped(Run(sample));
        var report = Evaluate(sample);
        var sentences = report.Results.SelectMany(r => r.Findings.Select(f => f.Sentence).Concat(r.Cautions))
            .Where(s => s.Length >= 30)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // A sentence may also be part of a longer one (the DFI sentence inside a 3.1 finding): count the others.
        var standalone = sentences.Where(s => !sentences.Any(o => o != s && o.Contains(s, StringComparison.Ordinal)));
        Assert.All(standalone, s => Assert.True(Occurrences(output, s) <= 1, $"printed {Occurrences(output, s)} times: {s}"));
    }

    [Fact]
    public void The_flagship_bottom_line_says_the_situation_the_actions_and_what_is_missing_and_due()
    {
        var bottom = string.Join("\n", BottomLine(Run("metachronous-liver-omd")));

        Assert.Contains("In scope (soft-tissue sarcoma, not GIST). Metachronous (2.2), DFI 41 months and 19 days.", Unwrapped(bottom), StringComparison.Ordinal);
        Assert.Contains("A candidate for liver surgery (sections 1, 3.5).", Unwrapped(bottom), StringComparison.Ordinal);
        Assert.Contains("  Board, centre  5.1 V,B   Resection should always be discussed first at a sarcoma tumour board\n", bottom, StringComparison.Ordinal);
        Assert.Contains("  Surgery        5.3 V,B   Liver resection should be considered", bottom, StringComparison.Ordinal);
        Assert.Contains("Missing    Nothing: every recommendation with consensus is decided.", bottom, StringComparison.Ordinal);
        Assert.Contains("Due        No follow-up calendar: 13.1 follows a metastasectomy that left no evidence of disease.", bottom, StringComparison.Ordinal);

        // The staging caution, attached to 12 recommendations, is said once and referred to by number.
        var output = Run("metachronous-liver-omd");
        Assert.Equal(1, Occurrences(Unwrapped(output), "unless staging has been repeated since"));
        Assert.True(Occurrences(output, "See caution [1].") >= 10);
    }

    [Fact]
    public void The_bottom_line_names_missing_facts_in_clinical_words_the_most_deciding_first()
    {
        var bottom = Unwrapped(string.Join("\n", BottomLine(Run("missing-metastasis-date"))));

        Assert.Contains("Record, to decide 25 more recommendations (how many each helps decide): the date the metastases were detected (20); whether a liver resection was done before (19);", bottom, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"and \d+ more in the details\."), bottom);
        Assert.DoesNotMatch(new Regex(@"\b[a-z]+\.[a-z]+[A-Z]\w*"), bottom); // no JSON path such as metastases.detectedOn
    }

    [Fact]
    public void A_follow_up_visit_due_now_is_in_the_bottom_line()
    {
        var bottom = Unwrapped(string.Join("\n", BottomLine(Run("post-resection-follow-up"))));

        Assert.Contains("NOW: follow-up visit 1 (13.1, month 3 after the metastasectomy of 2026-08-20), due 2026-11-20, window 2026-11-20 to 2026-12-20:", bottom, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_is_refused_with_json_and_batch()
    {
        var json = CliRun.Of("evaluate", Repo.Patient("metachronous-liver-omd"), "--json", "--detail");

        Assert.Equal(2, json.ExitCode);
        Assert.Contains("--detail is for the text report", json.Stderr, StringComparison.Ordinal);
    }

    private static string Run(string sample)
    {
        var run = CliRun.Of("evaluate", Repo.Patient(sample), "--as-of", AsOf);
        Assert.Equal(0, run.ExitCode);
        return run.Stdout;
    }

    private static ConsensusReport Evaluate(string sample) =>
        ConsensusEngine.Default.Evaluate(PatientJson.Parse(File.ReadAllText(Repo.Patient(sample))), new LocalDate(2026, 11, 26));

    private static List<string> Lines(string output) => output.TrimEnd('\n').Split('\n').ToList();

    private static List<string> BottomLine(string output) => Lines(output).TakeWhile(l => !l.StartsWith(Rule, StringComparison.Ordinal)).ToList();

    /// <summary>The text with each wrapped line joined to the one before (a line break and its indent read as one space).</summary>
    private static string Unwrapped(string text) => Regex.Replace(text, @"\n +", " ");

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
