using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Sarcoma.Consensus.Cli.Rendering;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;
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
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "cases", "sixth-read"), "*.json"))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "cases", "seventh-read"), "*.json"))
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
        var situation = Flat(string.Join("\n", Section(FirstScreen(output), "Situation")));
        var caseCautions = offered.SelectMany(r => r.CautionMessages)
            .Where(c => CaseConcepts.Any(p => c.Code.StartsWith(p, StringComparison.Ordinal)) && !SaidInOtherWords(c, situation))
            .Select(c => c.Text);
        var shared = report.Results.Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus)
            .SelectMany(r => r.Cautions.Distinct(StringComparer.Ordinal))
            .GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key)
            .Where(text => !report.Results.SelectMany(r => r.CautionMessages).Any(c => c.Text == text && SaidInOtherWords(c, situation)));

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

        // The situation names the range and refers to 9.1's caution, which gives the bounds used; the caution is printed once.
        Assert.Contains("TFI 13 months and 2 days (9.1), inside the grey zone of 9.1's \"longer than 12–18 months\" (caution [1]).", first, StringComparison.Ordinal);
        Assert.Contains("[1] On 9.1: " + Flat(boundary), first, StringComparison.Ordinal);
        Assert.Contains("(longer than 12 months); the panel's more conservative bound is 18 months.", first, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(first, Regex.Escape(Flat(boundary))));
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

        Assert.Contains("inside the grey zone of 9.1's \"longer than 12–24 months\" (caution [1]).", wider, StringComparison.Ordinal);
        Assert.Contains("the panel's more conservative bound is 24 months.", wider, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(100)]
    [InlineData(Narrow)]
    public void A_resection_planned_outside_the_indications_lists_5_2_and_7_1_only_as_conditions_after_the_board(int width)
    {
        // Issue #7, fourth read: 5.2 and 7.1 apply to any resection performed or major hepatectomy planned, but are no advice
        // to operate (third read): listed under "If resection is pursued", after 5.1's board, never under "Work-up" or
        // "Board, centre".
        var bottom = FirstScreen(Render("samples/patients/more-than-five-lesions.json", width).Output);
        var board = bottom.FindIndex(l => l.StartsWith("  Board, centre", StringComparison.Ordinal));
        var ifResected = bottom.FindIndex(l => l.StartsWith("  If resection is pursued ", StringComparison.Ordinal));
        var workUp = bottom.FindIndex(l => l.StartsWith("  Work-up ", StringComparison.Ordinal));

        Assert.True(board >= 0 && ifResected > board, string.Join("\n", bottom));
        Assert.Contains("Only if the board nevertheless proceeds", Regex.Replace(string.Join(" ", bottom.Skip(ifResected).Take(4)), @"\s+", " "), StringComparison.Ordinal);
        foreach (var id in new[] { "5.2", "7.1" })
        {
            var row = bottom.FindIndex(l => l.StartsWith(new string(' ', 17) + id + " V,B", StringComparison.Ordinal));
            Assert.True(row > ifResected && (workUp < 0 || row < workUp), $"{id} is listed under If resection is pursued");
        }
    }

    [Fact]
    public void The_width_is_validated()
    {
        var report = Evaluate("samples/patients/metachronous-liver-omd.json").Report;

        Assert.Throws<ArgumentOutOfRangeException>(() => ReportText.Write(report, null, TextWriter.Null, ReportTextLayout.BottomLine, 59));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportText.Write(report, null, TextWriter.Null, ReportTextLayout.BottomLine, 241));
    }

    [Fact]
    public void Unassessed_fitness_is_on_the_situation_line_and_every_fact_that_decides_candidacy_is_listed_as_missing()
    {
        // Review of case 03: the fitness verdict, the reason every surgical line carries a caution, was folded into
        // "1 more in the details".
        var (report, output) = Render("tests/cases/clinical-review/03-fitness-not-assessed.json", 100);
        var bottom = FirstScreen(output);
        var situation = Flat(string.Join("\n", Section(bottom, "Situation")));
        var missing = Flat(string.Join("\n", Section(bottom, "Missing")));
        var caution = report["5.3"]!.CautionMessages.Single(c => c.Code == "preoperative-assessment.fitness-not-assessed").Text;

        Assert.Contains("fitness for surgery and the ECOG performance status are not recorded", situation, StringComparison.Ordinal);
        Assert.Contains("each surgical action with caution [1].", situation, StringComparison.Ordinal);
        Assert.Contains("[1] " + Flat(caution), Flat(string.Join("\n", bottom)), StringComparison.Ordinal);
        Assert.Contains("the ECOG performance status", missing, StringComparison.Ordinal);
        Assert.Contains("fitness for surgery", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("in the details", missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests/cases/clinical-review/02-ecog-2-asa-3.json", "A candidate for liver surgery (sections 1, 3.5), with ECOG 2 and ASA III (7.2; cautions [1], [2]).")]
    [InlineData("tests/cases/clinical-review/01-ecog-3-metachronous-omd.json", "Not a candidate for liver surgery (sections 1, 3.5): ECOG performance status 3 precludes surgery")]
    public void The_fitness_state_that_changes_the_surgical_lines_is_on_the_situation_line(string input, string expected)
    {
        var situation = Flat(string.Join("\n", Section(FirstScreen(Render(input, 100).Output), "Situation")));

        Assert.Contains(expected, situation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void A_caution_the_situation_refers_to_is_printed_in_full_on_the_first_screen_under_its_number(string input)
    {
        var (_, output) = Render(input, 100);
        var bottom = FirstScreen(output);
        var situation = Flat(string.Join("\n", Section(bottom, "Situation")));
        var cautions = Flat(string.Join("\n", bottom.SkipWhile(l => !l.StartsWith("  ! ", StringComparison.Ordinal))));

        foreach (Match reference in Regex.Matches(situation, @"cautions? (\[\d+\](, )?)+"))
        {
            foreach (Match number in Regex.Matches(reference.Value, @"\[\d+\]"))
            {
                Assert.Contains("! " + number.Value + " ", cautions, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void Detection_before_the_recorded_diagnosis_is_never_printed_as_a_measured_interval(string input)
    {
        var (report, output) = Render(input, 100);
        var flat = Flat(output);
        if (report.Timing?.DiseaseFreeInterval is not { DetectedBeforeStart: true } dfi)
        {
            return;
        }

        var situation = Flat(string.Join("\n", Section(FirstScreen(output), "Situation")));
        Assert.Contains($"Synchronous (2.1): detected {dfi.DaysBeforeStart} days before the recorded diagnosis; no DFI measured (caution [1]).", situation, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bDFI (of )?0\b", flat);
        Assert.DoesNotContain("DFI 0 days", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("counted as zero", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void The_staging_scan_case_is_read_as_synchronous_with_the_order_of_the_dates()
    {
        var (report, _) = Render("tests/cases/clinical-review/05-staging-scan-before-histology.json", 100);

        Assert.True(report.Timing!.DiseaseFreeInterval.DetectedBeforeStart);
        Assert.Equal(21, report.Timing.DiseaseFreeInterval.DaysBeforeStart);
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void No_follow_up_visit_is_numbered_against_a_total_the_paper_does_not_give(string input)
    {
        var output = Flat(Render(input, 100).Output);

        Assert.DoesNotMatch(@"visit \d+ of \d+", output);
    }

    [Fact]
    public void After_a_complete_resection_the_situation_says_there_is_no_current_metastatic_disease_not_a_verdict_of_not_oligometastatic()
    {
        var (report, output) = Render("samples/patients/post-resection-follow-up.json", 100);
        var situation = Flat(string.Join("\n", Section(FirstScreen(output), "Situation")));
        var due = Flat(string.Join("\n", Section(FirstScreen(output), "Due")));

        Assert.Equal(TriState.No, report.Oligometastatic!.Status);
        Assert.Contains("No current metastatic disease (follow-up after metastasectomy, 13.1): oligometastatic status (1.1/1.2) and liver surgery do not arise.", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("Not oligometastatic", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("Not a candidate", situation, StringComparison.Ordinal);
        Assert.Contains("NOW: follow-up visit 1 (13.1, month 3 after the metastasectomy of 2026-08-20)", due, StringComparison.Ordinal);
        Assert.Contains("Oligometastatic disease (1.1/1.2): does not arise (no current metastatic disease).", Flat(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("samples/patients/metachronous-liver-omd.json")]
    [InlineData("tests/cases/clinical-review/09-seven-resectable-liver-lesions.json")]
    public void Disease_that_is_there_and_fails_a_criterion_is_still_not_oligometastatic(string input)
    {
        var (report, output) = Render(input, 100);
        var situation = Flat(string.Join("\n", Section(FirstScreen(output), "Situation")));

        Assert.DoesNotContain("No current metastatic disease", situation, StringComparison.Ordinal);
        if (report.Oligometastatic!.Status == TriState.No)
        {
            Assert.Contains("Not oligometastatic (1.1/1.2):", situation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Narrow)]
    public void Where_peritoneal_sarcomatosis_decides_the_first_screen_shows_section_3_1s_selected_cases_caveat(int width)
    {
        // Issue #7, fifth read F9: the caveat was only in the details.
        var bottom = Flat(string.Join("\n", FirstScreen(Render("samples/patients/diffuse-peritoneal-disease.json", width).Output)));

        Assert.Contains("section 3.1 (narrative, not voted) notes that \"in selected cases, peritoneal disease may be amenable to radical therapy\"", bottom, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("samples/patients/synchronous-omd-induction.json")]
    [InlineData("tests/cases/second-review/synchronous-omd-untreated.json")]
    public void Synchronous_disease_says_when_it_was_detected_not_a_DFI(string input)
    {
        // Issue #7, fifth read F11: "DFI 18 days" read as a disease-free interval for synchronous disease.
        var situation = Flat(string.Join("\n", Section(FirstScreen(Render(input, 100).Output), "Situation")));

        Assert.Contains("Synchronous (2.1), detected 18 days after the primary diagnosis.", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("DFI", situation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests/cases/sixth-read/12-liver-and-single-peritoneal-nodule.json", 100)]
    [InlineData("tests/cases/sixth-read/12-liver-and-single-peritoneal-nodule.json", Narrow)]
    [InlineData("tests/cases/sixth-read/20-liver-and-brain-metastasis.json", 100)]
    [InlineData("tests/cases/sixth-read/20-liver-and-brain-metastasis.json", Narrow)]
    public void Extrahepatic_disease_outside_the_lung_is_an_individual_board_decision_not_a_candidacy_within_the_indications(string input, int width)
    {
        // Sixth read F2: 5.3 (liver only) and 5.4 (liver and lung only) do not cover it; section 3.1 warns of a more
        // systemic disease. The board (5.1) comes first; every surgical step is listed as a condition of its decision.
        var (report, output) = Render(input, width);
        var bottom = FirstScreen(output);
        var situation = Flat(string.Join("\n", Section(bottom, "Situation")));

        Assert.Equal(TriState.Yes, report.LiverResection!.Candidate);
        Assert.DoesNotContain("A candidate for liver surgery", situation, StringComparison.Ordinal);
        Assert.Contains("Liver surgery outside the voted indications (sections 1, 3.5): [", situation, StringComparison.Ordinal);
        Assert.Contains("any liver surgery would be an individual tumour-board decision (5.1; section 3.5)", situation, StringComparison.Ordinal);
        Assert.Contains("dismal prognosis", situation, StringComparison.Ordinal);

        // Said once on the first screen (in the situation), not repeated as a caution line.
        Assert.Single(Regex.Matches(Flat(string.Join("\n", bottom)), "dismal prognosis"));

        var board = bottom.FindIndex(l => Regex.IsMatch(l, @"^  Board, centre +5\.1 V,B"));
        var conditional = bottom.FindIndex(l => l.StartsWith("  If resection is pursued ", StringComparison.Ordinal));
        Assert.True(board >= 0 && conditional > board && bottom.Skip(board + 1).Take(conditional - board - 1).All(l => l.StartsWith(new string(' ', 17), StringComparison.Ordinal)), string.Join("\n", bottom));
        Assert.Contains("Only if the board decides on liver surgery (outside 5.3/5.4):", Flat(string.Join(" ", bottom.Skip(conditional).Take(2))), StringComparison.Ordinal);
        var next = bottom.FindIndex(conditional + 1, l => l.Length > 2 && l[2] != ' ');
        foreach (var id in new[] { "5.2", "6.2", "7.2", "6.1", "6.3", "6.5", "8.1", "11.1", "11.2" })
        {
            var row = bottom.FindIndex(l => Regex.IsMatch(l, "^  .{15}" + Regex.Escape(id) + " +V,B"));
            Assert.True(row > conditional && (next < 0 || row < next), $"{id} is listed under the conditional group\n{string.Join("\n", bottom)}");
        }
    }

    [Theory]
    [InlineData("samples/patients/more-than-five-lesions.json", 100)]
    [InlineData("samples/patients/more-than-five-lesions.json", Narrow)]
    [InlineData("tests/cases/sixth-read/12-liver-and-single-peritoneal-nodule.json", 100)]
    [InlineData("tests/cases/sixth-read/12-liver-and-single-peritoneal-nodule.json", Narrow)]
    public void The_conditional_group_is_headed_for_a_decision_to_come_and_keeps_the_text_column(string input, int width)
    {
        // Seventh read: "If resected" read like advice after the operation while every step under it comes before it. The
        // heading is wider than the group column; its header row spans the id column, so the text starts where every
        // other row's does.
        var bottom = FirstScreen(Render(input, width).Output);
        var header = bottom.FindIndex(l => l.StartsWith("  If resection is pursued ", StringComparison.Ordinal));
        var row = bottom.FindIndex(header + 1, l => Regex.IsMatch(l, @"^ {17}\d+\.\d+ +V,B"));

        Assert.True(header >= 0, string.Join("\n", bottom));
        Assert.DoesNotContain(bottom, l => l.Contains("If resected", StringComparison.Ordinal));
        Assert.Equal("Only", bottom[header].Substring(2 + 15 + 10, 4));
        Assert.True(row > header && bottom[row][2 + 15 + 10] != ' ', string.Join("\n", bottom));
        Assert.All(bottom, l => Assert.True(l.Length <= width, l));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Narrow)]
    public void A_recorded_lesion_outside_liver_and_lung_puts_surgery_outside_5_3_and_5_4_while_the_candidacy_is_unknown(int width)
    {
        // Seventh read F1 (case 22 against case 12): staging unconfirmed, so the candidacy stays unknown; but more staging can
        // only add lesions, so "outside the voted indications 5.3/5.4" is decided and the surgical steps are conditions of
        // the board's decision, as for the fully staged case, not plain actions under a "Liver resection is on the table".
        var (report, output) = Render("tests/cases/seventh-read/22-liver-and-peritoneal-nodule-staging-incomplete.json", width);
        var bottom = FirstScreen(output);
        var situation = Flat(string.Join("\n", Section(bottom, "Situation")));

        Assert.Equal(TriState.Unknown, report.LiverResection!.Candidate);
        Assert.Equal(TriState.Yes, report.LiverResection.Status);
        Assert.Contains("Surgical candidacy not yet known (sections 1, 3.5): FDG-PET/CT and liver MRI are not recorded.", situation, StringComparison.Ordinal);
        Assert.Contains("Whatever is still to be recorded, liver surgery is outside the voted indications (sections 1, 3.5): [", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("on the table all the same", situation, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(Flat(string.Join("\n", bottom)), "dismal prognosis"));

        var conditional = bottom.FindIndex(l => l.StartsWith("  If resection is pursued ", StringComparison.Ordinal));
        Assert.Contains("Only if the board decides on liver surgery (outside 5.3/5.4):", Flat(string.Join(" ", bottom.Skip(conditional).Take(2))), StringComparison.Ordinal);
        var next = bottom.FindIndex(conditional + 1, l => l.Length > 2 && l[2] != ' ');
        foreach (var id in new[] { "5.2", "6.2", "7.2", "6.1", "6.3", "6.5", "11.1", "11.2" })
        {
            var row = bottom.FindIndex(l => Regex.IsMatch(l, "^  .{15}" + Regex.Escape(id) + " +V,B"));
            Assert.True(row > conditional && (next < 0 || row < next), $"{id} is listed under the conditional group\n{string.Join("\n", bottom)}");
        }

        // The boundary: the same patient without the peritoneal nodule. Nothing decides "outside 5.3/5.4" yet.
        var (liverOnly, liverOnlyOutput) = Render("tests/cases/seventh-read/22b-liver-only-staging-incomplete.json", width);
        var liverOnlyBottom = FirstScreen(liverOnlyOutput);
        var liverOnlySituation = Flat(string.Join("\n", Section(liverOnlyBottom, "Situation")));
        Assert.Equal(TriState.Unknown, liverOnly.LiverResection!.Candidate);
        Assert.Contains("Liver resection is on the table all the same", liverOnlySituation, StringComparison.Ordinal);
        Assert.DoesNotContain("outside the voted indications", liverOnlySituation, StringComparison.Ordinal);
        Assert.DoesNotContain(liverOnlyBottom, l => l.StartsWith("  If resection is pursued ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Narrow)]
    public void Staging_scans_recorded_as_not_done_are_work_up_to_do_not_missing_records(int width)
    {
        // s22 F2 (case 16: liver MRI and FDG-PET/CT recorded as not done; 4.2 says hepatic MRI is not indicated). A scan not
        // done is not a fact to record: the first screen names the work-up, either scan completing 1.1's staging.
        var (report, output) = Render("tests/cases/sixth-read/16-synchronous-single-liver-lesion-primary-in-place.json", width);
        var bottom = FirstScreen(output);
        var situation = Flat(string.Join("\n", Section(bottom, "Situation")));
        var missing = Flat(string.Join("\n", Section(bottom, "Missing")));

        Assert.Contains(FactNames.StagingLiverMri, report.Oligometastatic!.Missing);
        Assert.Contains("Oligometastatic status unknown (1.1/1.2): staging work-up not done yet: FDG-PET/CT or liver MRI (either completes the staging of 1.1).", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", situation, StringComparison.Ordinal);
        Assert.StartsWith("Missing Staging work-up not done yet: FDG-PET/CT or liver MRI (either completes the staging of 1.1), to decide 4 more recommendations.", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("Record,", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Liver_only_OMD_is_still_a_plain_candidate_within_the_indications()
    {
        var situation = Flat(string.Join("\n", Section(FirstScreen(Render("samples/patients/metachronous-liver-omd.json", 100).Output), "Situation")));

        Assert.Contains("A candidate for liver surgery (sections 1, 3.5)", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("outside the voted indications", situation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesion_of_uncertain_origin_referred_for_ablation_leaves_confirming_the_diagnosis_to_the_meeting()
    {
        // Sixth read F7: 10.1 alone on the first screen, nothing saying the origin is in doubt before ablation. Seventh read
        // F3: "settle it before any ablation … a biopsy is allowed, 3.1" was advice the paper does not give, cited 3.1 (written
        // for resectable metastases) and sat beside 3.3 "no liver biopsy indicated". Now a statement of fact coherent with
        // 3.1 and 3.3 (both do not apply), leaving the decision to 10.1's multidisciplinary meeting.
        var (report, output) = Render("tests/cases/sixth-read/14-central-lesion-on-hepatic-vein.json", 100);
        var situation = Flat(string.Join("\n", Section(FirstScreen(output), "Situation")));

        Assert.Equal(EvaluationStatus.Applies, report["10.1"]!.Status);
        Assert.NotEqual(EvaluationStatus.Applies, report["3.1"]!.Status);
        Assert.NotEqual(EvaluationStatus.Applies, report["3.3"]!.Status);
        Assert.Contains("Origin of the liver lesions uncertain: a long disease-free interval", situation, StringComparison.Ordinal);
        Assert.Contains("The paper's biopsy recommendations (3.1, 3.3; section 3.3's concern for other histologies) are written for resection: whether to confirm the diagnosis before any ablation is for the multidisciplinary meeting (10.1", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("settle it", situation, StringComparison.Ordinal);
        Assert.DoesNotContain("a biopsy is allowed", situation, StringComparison.Ordinal);

        var caution = Assert.Single(report["10.1"]!.CautionMessages, c => c.Code == "10.1.origin-uncertain-before-ablation");
        Assert.DoesNotContain("cores", caution.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("14–16 G", caution.Text, StringComparison.Ordinal);
        Assert.Contains("for the multidisciplinary meeting to decide (10.1)", caution.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Untreated_synchronous_disease_with_OMD_still_open_lists_the_surgical_steps_after_response()
    {
        // Sixth read F4: 6.1/6.3/6.5 were under "What to do now" while 8.2 needs the staging; the candidacy's caution already
        // orders systemic treatment first (8.2) and surgery for residual disease after response (8.3).
        var (report, output) = Render("tests/cases/sixth-read/16-synchronous-single-liver-lesion-primary-in-place.json", 100);
        var bottom = FirstScreen(output);
        var header = bottom.FindIndex(l => l.StartsWith("  After response ", StringComparison.Ordinal));
        var systemic = bottom.FindIndex(l => l.StartsWith("  Systemic ", StringComparison.Ordinal));

        Assert.Equal(EvaluationStatus.InsufficientData, report["8.2"]!.Status);
        Assert.True(systemic > 0 && header > systemic, string.Join("\n", bottom));
        foreach (var id in new[] { "5.2", "6.2", "7.2", "6.1", "6.3", "6.5" })
        {
            var row = bottom.FindIndex(l => l.StartsWith(new string(' ', 17) + id + " V,B", StringComparison.Ordinal));
            Assert.True(row > header, $"{id} is listed after response\n{string.Join("\n", bottom)}");
        }
    }

    /// <summary>The lines of a labelled section of the first screen ("Situation", "Missing", "Due"): its first line and the indented lines after it.</summary>
    private static List<string> Section(List<string> bottom, string label)
    {
        var start = bottom.FindIndex(l => l.StartsWith(label + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no {label} section");
        return bottom.Skip(start).Take(1).Concat(bottom.Skip(start + 1).TakeWhile(l => l.StartsWith("           ", StringComparison.Ordinal))).ToList();
    }

    /// <summary>
    /// A caution whose content the situation line states in its own words, so the renderer does not repeat it: the primary
    /// tumour still in place (section 3.1), and for synchronous disease before systemic treatment the order 8.2 then 8.3.
    /// </summary>
    private static bool SaidInOtherWords(Wording.Message caution, string situation) => caution.Code switch
    {
        "indication.caution.primary-in-place" => situation.Contains("Primary tumour still in place, resectable: to be treated before or with any metastasectomy (section 3.1; 8.3).", StringComparison.Ordinal),
        "indication.candidacy.caution.synchronous-untreated" => situation.Contains("A candidate for liver surgery after systemic treatment, if at least stable disease (8.2, 8.3)", StringComparison.Ordinal),
        _ => false,
    };

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
