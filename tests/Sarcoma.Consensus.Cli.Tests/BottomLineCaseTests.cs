using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>
/// The second clinical review's cases (issue #7): the bottom line of a liver recurrence below the 9.1 interval and of
/// untreated synchronous OMD.
/// </summary>
public sealed class BottomLineCaseTests
{
    private const string Rule = "────";

    [Fact]
    public void A_recurrence_8_months_after_adjuvant_chemotherapy_is_not_a_resection_candidate_now_and_9_2_is_case_by_case()
    {
        var bottom = BottomLine("recurrence-tfi-8-months-after-adjuvant");
        var text = Unwrapped(bottom);

        Assert.Contains("Not a candidate for a new liver resection now (9.1; section 3.9): the liver recurrence's treatment-free interval is not longer than 12 months", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A candidate for liver surgery", text, StringComparison.Ordinal);
        Assert.Contains("  Systemic       9.2 V,B   After adjuvant: preoperative systemic treatment case by case (11.2)\n", bottom, StringComparison.Ordinal);
        Assert.Contains("  Board, centre  5.1 V,B   ", bottom, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\n\s+(\S.{0,14}\s+)?(5\.2|6\.\d|7\.2|10\.1)\s"), bottom);
        Assert.DoesNotContain("should be given", bottom, StringComparison.Ordinal);
    }

    [Fact]
    public void Untreated_synchronous_OMD_lists_systemic_treatment_first_and_surgery_after_response()
    {
        var bottom = BottomLine("synchronous-omd-untreated");
        var systemic = bottom.IndexOf("  Systemic       8.2 V,B", StringComparison.Ordinal);
        var afterResponse = bottom.IndexOf("  After response           If at least stable disease on systemic therapy, primary resectable (8.3):", StringComparison.Ordinal);

        Assert.Contains("A candidate for liver surgery after systemic treatment, if at least stable disease (8.2, 8.3).", Unwrapped(bottom), StringComparison.Ordinal);
        Assert.True(systemic > 0 && afterResponse > systemic, bottom);
        foreach (var id in new[] { "5.2", "6.1", "6.2", "6.3", "7.2" })
        {
            var line = bottom.IndexOf("                 " + id + " V,B", StringComparison.Ordinal);
            Assert.True(line > afterResponse, id + " is listed after response");
        }
    }

    private static string BottomLine(string name)
    {
        var run = CliRun.Of("evaluate", Path.Combine(Repo.Root, "tests", "cases", "second-review", name + ".json"), "--as-of", "2026-11-30");
        Assert.Equal(0, run.ExitCode);
        return string.Join("\n", run.Stdout.Split('\n').TakeWhile(l => !l.StartsWith(Rule, StringComparison.Ordinal))) + "\n";
    }

    private static string Unwrapped(string text) => Regex.Replace(text, @"\n +", " ");
}
