using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Wording;
using Xunit;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// Reasons are data (issue #10 §1): every summary, finding and caution the engine produces for the vignettes is a coded
/// message worded by the catalogue, never English composed by an evaluator (a literal), and every code it uses exists.
/// </summary>
public sealed class WordingCoverageTests
{
    /// <summary>Every recommendation of the catalog: all of them are worded from the message catalogue.</summary>
    private static readonly string[] ConvertedIds = Sarcoma.Consensus.Catalog.RecommendationCatalog.All.Select(r => r.Id).ToArray();

    public static IEnumerable<object[]> VignetteNames() =>
        typeof(Vignettes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
            .Select(m => new object[] { m.Name })
            .OrderBy(n => (string)n[0], System.StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void Converted_recommendations_word_every_reason_from_the_catalogue(string vignette)
    {
        var report = Evaluate(vignette);
        var problems = new List<string>();

        foreach (var result in report.Results.Where(r => ConvertedIds.Contains(r.Id)))
        {
            Check(result.SummaryMessage, result.Id + " summary", problems);
            foreach (var caution in result.CautionMessages)
            {
                Check(caution, result.Id + " caution", problems);
            }

            foreach (var finding in result.Findings)
            {
                Check(finding.Message, result.Id + " finding " + finding.Fact, problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(VignetteNames))]
    public void Derived_timing_and_oligometastatic_status_are_worded_from_the_catalogue(string vignette)
    {
        var context = Builder(vignette).Context();
        var problems = new List<string>();

        foreach (var finding in context.Timing.Findings.Concat(context.Oligometastatic.Findings))
        {
            Check(finding.Message, "derived " + finding.Fact, problems);
        }

        Check(context.DiseaseFreeInterval.SentenceMessage(), "DFI", problems);
        Check(context.TreatmentFreeInterval.SentenceMessage(), "TFI", problems);
        if (context.Timing.BoundaryCautionMessage is { } boundary)
        {
            Check(boundary, "timing caution", problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_list_of_site_terms_can_be_joined_with_commas_only()
    {
        var message = Message.Of("omd.sites.too-many", ("count", 3), ("sites", new[] { "liver", "lung", "bone" }), ("maximum", 2));

        Assert.Equal("Metastases in 3 organ sites (liver, lung, bone; more than 2): not oligometastatic.", message.Text);
    }

    [Fact]
    public void An_interval_reads_in_months_and_days()
    {
        Assert.Equal("1 month and 1 day", Message.Of("interval.duration", ("months", 1), ("days", 1)).Text);
        Assert.Equal("12 days", Message.Of("interval.duration", ("months", 0), ("days", 12)).Text);
        Assert.Equal("41 months", Message.Of("interval.duration", ("months", 41), ("days", 0)).Text);
    }

    private static ConsensusReport Evaluate(string vignette) => ConsensusEngine.Default.Evaluate(Builder(vignette).Build(), Vignettes.AsOf);

    private static PatientBuilder Builder(string vignette) =>
        (PatientBuilder)typeof(Vignettes).GetMethod(vignette, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

    private static void Check(Message message, string where, List<string> problems)
    {
        if (message.IsLiteral)
        {
            problems.Add(where + " is composed English, not a coded message: " + message.Text);
            return;
        }

        if (!MessageCatalog.English.Defines(message.Code))
        {
            problems.Add(where + " uses an undefined code " + message.Code);
        }
        else if (message.Text.Contains('⟦'))
        {
            problems.Add(where + " renders an unknown code: " + message.Text);
        }

        foreach (var argument in message.Arguments.Select(a => a.Value))
        {
            switch (argument)
            {
                case Message nested:
                    Check(nested, where + " > " + message.Code, problems);
                    break;
                case IReadOnlyList<Message> list:
                    foreach (var item in list)
                    {
                        Check(item, where + " > " + message.Code, problems);
                    }

                    break;
            }
        }
    }
}
