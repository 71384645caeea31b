using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Sarcoma.Consensus.Cli.Rendering;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// The first screen (the bottom line) lets a clinician decide without reading the details (issue #7, paper-only review
/// findings F4–F6 and F9): the TFI's grey zone and an uncertain origin are stated there, one rule decides which cautions
/// reach it, and no clinical text is cut or run together, at the default width and a narrow one, for every sample and
/// review input.
/// </summary>
public sealed class BottomLineFirstScreenTests
{
    private const int Narrow = 64;
    private static readonly LocalDate AsOf = new(2026, 11, 26);
    private static readonly int[] Widths = { 100, Narrow };

    // The message-code prefixes of the concepts the situation line states (the renderer's rule (a)).
    private static readonly string[] CaseConcepts =
    {
        "staging.", "timing.", "oligometastasis.", "indication.", "preoperative-assessment.", "remetastasectomy.",
    };

    // A recommendation id with Table 5's grade, as an action row prints it: "5.2 V,B", "3.3 IV,A".
    private static readonly Regex IdAndGrade = new(@"\b\d{1,2}\.\d \b(I|II|III|IV|V),[A-E]\b");

    /// <summary>Every sample patient and every review case, by a short name.</summary>
    public static IEnumerable<string> Inputs() =>
        Repo.PatientFiles()
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "cases", "clinical-review"), "*.json").Where(f => !f.EndsWith("expected.json", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "cases", "second-review"), "*.json"))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);

    public static TheoryData<string, int> InputsAtBothWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var input in Inputs())
        {
            foreach (var width in Widths)
            {
                data.Add(input, width);
            }
        }

        return data;
    }

    public static TheoryData<string> AllInputs()
    {
        var data = new TheoryData<string>();
        foreach (var input in Inputs())
        {
            data.Add(input);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InputsAtBothWidths))]
    public void No_first_screen_line_is_cut_short_or_wider_than_the_report(string input, int width)
    {
        var (_, output) = Render(input, width);
        var bottom = FirstScreen(output);

        Assert.All(bottom, line => Assert.False(line.TrimEnd().EndsWith('…'), $"cut short: {line}"));
        Assert.All(bottom, line => Assert.DoesNotContain("…", line, StringComparison.Ordinal));
        Assert.All(Lines(output), line => Assert.True(line.Length <= width, $"{line.Length} columns at {width}: {line}"));
    }

    [Theory]
    [MemberData(nameof(InputsAtBothWidths))]
    public void Action_rows_never_run_together(string input, int width)
    {
        var (report, output) = Render(input, width);
        if (report.Scope.InScope == false)
        {
            return; // no action is evaluated out of scope
        }

        var bottom = FirstScreen(output);
        var header = bottom.FindIndex(l => l.StartsWith("What to do now", StringComparison.Ordinal));
        var headerEnd = bottom.FindIndex(header, l => l.EndsWith("strength A–E)", StringComparison.Ordinal)); // the header may wrap
        var actions = bottom.Skip(headerEnd + 1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("  ! ", StringComparison.Ordinal))
            .ToList();

        Assert.True(header >= 0 && headerEnd >= header, "no action header");
        Assert.NotEmpty(actions);
        foreach (var line in actions)
        {
            // A row names its group at column 2, or starts at the id column (17); a wrapped row continues under the text (27).
            Assert.Matches(new Regex(@"^(  \S| {17}\S| {27}\S)"), line);
            foreach (Match id in IdAndGrade.Matches(line))
            {
                Assert.True(id.Index == 17, $"an id and grade inside a row, not at the id column: {line}");
            }

            Assert.DoesNotContain(":;", line, StringComparison.Ordinal);
        }

        // Every action that applies has a row of its own.
        var listed = actions.Select(l => IdAndGrade.Match(l)).Where(m => m.Success).Select(m => m.Value.Split(' ')[0]).ToList();
        Assert.Equal(listed.Distinct(StringComparer.Ordinal).Count(), listed.Count);
        Assert.All(listed, id => Assert.Equal(EvaluationStatus.Applies, report[id]!.Status));
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void Case_cautions_and_cautions_shared_by_two_applicable_recommendations_are_on_the_first_screen_in_full(string input)
    {
        var (report, output) = Render(input, 100);
        var first = Flat(string.Join("\n", FirstScreen(output)));
        var offered = report.Results.Where(r => r.Status != EvaluationStatus.DoesNotApply).ToList();
        var caseCautions = offered.SelectMany(r => r.CautionMessages).Where(c => CaseConcepts.Any(p => c.Code.StartsWith(p, StringComparison.Ordinal))).Select(c => c.Text);
        var shared = report.Results.Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus)
            .SelectMany(r => r.Cautions.Distinct(StringComparer.Ordinal))
            .GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key);

        foreach (var caution in caseCautions.Concat(shared).Distinct(StringComparer.Ordinal).Where(c => !SaidBySituation(report, c)))
        {
            Assert.Contains(Flat(caution), first, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void A_caution_on_a_single_action_stays_in_the_details_and_its_action_is_named(string input)
    {
        var (report, output) = Render(input, 100);
        var first = Flat(string.Join("\n", FirstScreen(output)));
        var applicable = report.Results.Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus).ToList();
        var single = applicable
            .SelectMany(r => r.CautionMessages.Select(c => (Result: r, Caution: c)))
            .Where(p => !CaseConcepts.Any(prefix => p.Caution.Code.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(p => applicable.Count(r => r.Cautions.Contains(p.Caution.Text)) == 1 && !SaidBySituation(report, p.Caution.Text))
            .ToList();

        foreach (var (result, caution) in single)
        {
            Assert.DoesNotContain(Flat(caution.Text), first, StringComparison.Ordinal);
            if (!result.Id.StartsWith("1.", StringComparison.Ordinal) && !result.Id.StartsWith("2.", StringComparison.Ordinal))
            {
                Assert.Matches(new Regex(@"More cautions, each on one action, in the details: [0-9., ]*\b" + Regex.Escape(result.Id) + @"\b"), first);
            }
        }

        // And each is still printed, once, in the details.
        Assert.All(single, p => Assert.Contains(Flat(p.Caution.Text), Flat(output), StringComparison.Ordinal));
    }

    [Fact]
    public void The_stale_staging_caution_is_on_the_first_screen_whatever_number_of_recommendations_carries_it()
    {
        // Same detection date (2025-09-02, 14 months before the evaluation): twelve results carry the caution in one case,
        // 1.1 alone in the other (ECOG 3: no surgical recommendation applies). Both first screens say it (review F5).
        var many = Render("samples/patients/metachronous-liver-omd.json", 100);
        var one = Render("tests/cases/clinical-review/01-ecog-3-metachronous-omd.json", 100);

        Assert.True(Carriers(many.Report, "staging.caution.out-of-date") >= 10);
        Assert.Equal(1, Carriers(one.Report, "staging.caution.out-of-date"));
        foreach (var (report, output) in new[] { many, one })
        {
            var staging = report.Results.SelectMany(r => r.CautionMessages).First(c => c.Code == "staging.caution.out-of-date").Text;
            Assert.Contains("2025-09-02", staging, StringComparison.Ordinal);
            Assert.Contains(Flat(staging), Flat(string.Join("\n", FirstScreen(output))), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_TFI_inside_the_9_1_range_is_said_on_the_first_screen_with_the_bounds_used()
    {
        var (report, output) = Render("tests/cases/clinical-review/07-recurrence-tfi-13-months.json", 100);
        var first = Flat(string.Join("\n", FirstScreen(output)));
        var boundary = report["9.1"]!.CautionMessages.Single(c => c.Code == "remetastasectomy.tfi-within-caution").Text;

        Assert.Contains("TFI 13 months and 2 days (9.1), inside the grey zone of 9.1's \"longer than 12–18 months\" (longer than 12 months, not longer than 18 months).", first, StringComparison.Ordinal);
        Assert.Contains(Flat(boundary), first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests/cases/clinical-review/06-recurrence-tfi-exactly-12-months.json")]
    [InlineData("samples/patients/liver-remetastasectomy.json")]
    [InlineData("samples/patients/metachronous-liver-omd.json")]
    public void A_TFI_outside_the_9_1_range_or_no_TFI_has_no_grey_zone(string input)
    {
        var first = Flat(string.Join("\n", FirstScreen(Render(input, 100).Output)));

        Assert.DoesNotContain("grey zone", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grey_zone_follows_the_options_not_fixed_numbers()
    {
        const string Case = "tests/cases/clinical-review/07-recurrence-tfi-13-months.json";
        var wider = First(Case, new ConsensusOptions { RemetastasectomyClearTfiMonths = 24 });
        var higher = First(Case, new ConsensusOptions { RemetastasectomyMinimumTfiMonths = 14, RemetastasectomyClearTfiMonths = 18 });

        Assert.Contains("inside the grey zone of 9.1's \"longer than 12–24 months\" (longer than 12 months, not longer than 24 months).", wider, StringComparison.Ordinal);
        Assert.DoesNotContain("grey zone", higher, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncertain_origin_that_makes_3_1_and_4_2_apply_is_on_the_first_screen_and_said_once()
    {
        var (report, output) = Render("tests/cases/clinical-review/10-first-metastasis-after-seven-years.json", 100);
        var first = Flat(string.Join("\n", FirstScreen(output)));
        var origin = report["3.1"]!.Findings.Single(f => f.Fact == "derived.originUncertain");
        var sentence = Flat(origin.Sentence);

        Assert.Equal("yes", origin.Value);
        Assert.Contains("84 months", sentence, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\[\d+\] " + Regex.Escape(sentence) + " This is a reason a biopsy could be considered \\(3\\.1\\) and hepatic MRI is recommended \\(4\\.2; already done\\)\\."), first);
        Assert.Single(Regex.Matches(Flat(output), Regex.Escape(sentence)));
    }

    [Theory]
    [InlineData("samples/patients/metachronous-liver-omd.json")]
    [InlineData("tests/cases/clinical-review/07-recurrence-tfi-13-months.json")]
    public void A_sure_origin_is_not_flagged_on_the_first_screen(string input)
    {
        var first = Flat(string.Join("\n", FirstScreen(Render(input, 100).Output)));

        Assert.DoesNotContain("Origin of the liver lesions uncertain", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests/cases/second-review/synchronous-omd-untreated.json", 100)]
    [InlineData("tests/cases/second-review/synchronous-omd-untreated.json", Narrow)]
    [InlineData("tests/cases/clinical-review/05-staging-scan-before-histology.json", 100)]
    [InlineData("tests/cases/clinical-review/05-staging-scan-before-histology.json", Narrow)]
    public void Each_after_response_step_has_its_own_row(string input, int width)
    {
        var bottom = FirstScreen(Render(input, width).Output);
        var header = bottom.FindIndex(l => l.StartsWith("  After response ", StringComparison.Ordinal));

        Assert.True(header > 0, string.Join("\n", bottom));
        foreach (var id in new[] { "5.2", "6.2", "7.2", "6.1", "6.3", "6.5" })
        {
            var row = bottom.FindIndex(l => l.StartsWith(new string(' ', 17) + id + " V,B", StringComparison.Ordinal));
            Assert.True(row > header, $"{id} has its own row after the After response header");
        }
    }

    [Fact]
    public void The_width_is_validated()
    {
        var report = Evaluate("samples/patients/metachronous-liver-omd.json").Report;

        Assert.Throws<ArgumentOutOfRangeException>(() => ReportText.Write(report, null, TextWriter.Null, ReportTextLayout.BottomLine, 59));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportText.Write(report, null, TextWriter.Null, ReportTextLayout.BottomLine, 241));
    }

    /// <summary>A caution built on the reason the situation line gives in full for "not a candidate": not repeated below it.</summary>
    private static bool SaidBySituation(ConsensusReport report, string caution) =>
        report.LiverResection is { Candidate: TriState.No } candidacy && caution.Contains(candidacy.CandidateBasis, StringComparison.Ordinal);

    private static int Carriers(ConsensusReport report, string code) =>
        report.Results.Count(r => r.CautionMessages.Any(c => c.Code == code) && r.Status == EvaluationStatus.Applies);

    private static (ConsensusReport Report, string? Label) Evaluate(string input, ConsensusOptions? options = null)
    {
        var document = PatientJson.ParseDocument(File.ReadAllText(Path.Combine(Repo.Root, input)), options);
        var engine = options is null ? ConsensusEngine.Default : new ConsensusEngine(options);
        return (engine.Evaluate(document.Patient, AsOf), document.Label);
    }

    private static (ConsensusReport Report, string Output) Render(string input, int width, ConsensusOptions? options = null)
    {
        var (report, label) = Evaluate(input, options);
        using var output = new StringWriter { NewLine = "\n" };
        if (width == 100)
        {
            ReportText.Write(report, label, output); // what the console writes
        }
        else
        {
            ReportText.Write(report, label, output, ReportTextLayout.BottomLine, width);
        }

        return (report, output.ToString());
    }

    private static string First(string input, ConsensusOptions options) =>
        Flat(string.Join("\n", FirstScreen(Render(input, 100, options).Output)));

    private static List<string> Lines(string output) => output.TrimEnd('\n').Split('\n').ToList();

    private static List<string> FirstScreen(string output) =>
        Lines(output).TakeWhile(l => !l.StartsWith("────", StringComparison.Ordinal)).ToList();

    /// <summary>The text with every run of white space read as one space (wrapping undone).</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");
}
