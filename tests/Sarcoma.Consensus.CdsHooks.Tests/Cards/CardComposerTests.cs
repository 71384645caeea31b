using System;
using System.IO;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.CdsHooks.Cards;
using Sarcoma.Consensus.CdsHooks.Protocol;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.CdsHooks.Tests.Cards;

/// <summary>The grouping rules on complete patient documents (what a record with the Questionnaire answered holds).</summary>
public sealed class CardComposerTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);
    private static readonly Guid HookInstance = new("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    private static readonly CardContext Links = new("https://cds.test/r", "https://cds.test/q", Array.Empty<string>());

    private static (System.Collections.Generic.IReadOnlyList<Card> Cards, ConsensusReport Report) Compose(string sample)
    {
        var patient = PatientJson.Parse(File.ReadAllText(Path.Combine(Repo.SamplePatients, sample + ".json")));
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);
        return (CardComposer.Compose(report, patient, "patient", HookInstance, Links), report);
    }

    [Fact]
    public void Metachronous_liver_only_disease_gets_a_tumour_board_warning_with_a_referral()
    {
        var (cards, report) = Compose("metachronous-liver-omd");

        var board = cards.Single(c => c.Source.Topic!.Code == "tumour-board");
        Assert.Equal("warning", board.Indicator);
        Assert.StartsWith("Liver resection to be considered", board.Summary, StringComparison.Ordinal);
        Assert.Contains("**5.3**", board.Detail, StringComparison.Ordinal);
        Assert.Contains("36/36 votes (100.0%)", board.Detail, StringComparison.Ordinal);
        Assert.Contains("grade (V,B)", board.Detail, StringComparison.Ordinal);
        Assert.All(report["5.3"]!.Findings, f => Assert.Contains(CardComposer.Markdown(f.Sentence), board.Detail, StringComparison.Ordinal));
        var referral = Assert.Single(board.Suggestions!);
        Assert.Equal("create", Assert.Single(referral.Actions).Type);
        Assert.Equal("at-most-one", board.SelectionBehavior);
    }

    [Theory]
    [InlineData("tests/cases/seventh-read/22-liver-and-peritoneal-nodule-staging-incomplete.json")]
    [InlineData("tests/cases/sixth-read/12-liver-and-single-peritoneal-nodule.json")]
    public void A_recorded_lesion_outside_liver_and_lung_makes_the_tumour_board_card_say_outside_the_voted_indications(string file)
    {
        // s22 F1: the engine's decision (LiverResectionCandidacy.IndividualBoardDecision), staged (case 12) or not (case 22).
        var patient = PatientJson.Parse(File.ReadAllText(Path.Combine(Repo.Root, file)));
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);
        var board = CardComposer.Compose(report, patient, "patient", HookInstance, Links).Single(c => c.Source.Topic!.Code == "tumour-board");

        Assert.True(report.LiverResection!.IndividualBoardDecision);
        Assert.Equal("Liver surgery outside the voted indications (5.3, 5.4): an individual tumour-board decision (consensus 5.1)", board.Summary);
        Assert.Contains("outside the voted", board.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_liver_metastasectomy_the_follow_up_card_gives_the_next_visit()
    {
        var (cards, report) = Compose("post-resection-follow-up");

        var followUp = cards.Single(c => c.Source.Topic!.Code == "follow-up");
        Assert.Equal("info", followUp.Indicator);
        Assert.Contains(report.FollowUp!.NextVisit!.DueOn.ToString("yyyy-MM-dd", null), followUp.Summary, StringComparison.Ordinal);
        Assert.Null(followUp.Suggestions);
    }

    [Fact]
    public void No_consensus_items_are_information_never_advice()
    {
        foreach (var sample in Repo.SampleNames())
        {
            var (cards, _) = Compose(sample);
            foreach (var card in cards.Where(c => c.Source.Topic!.Code == "no-consensus"))
            {
                Assert.Equal("info", card.Indicator);
                Assert.Null(card.Suggestions);
                Assert.StartsWith("For information, not advice", card.Summary, StringComparison.Ordinal);
                Assert.Contains("NO CONSENSUS", card.Detail, StringComparison.Ordinal);
            }

            // No card that advises (tumour board, work-up) leans on a recommendation without consensus.
            foreach (var card in cards.Where(c => c.Source.Topic!.Code is "tumour-board" or "work-up"))
            {
                Assert.DoesNotContain("**3.2**", card.Detail, StringComparison.Ordinal);
                Assert.DoesNotContain("**5.5**", card.Detail, StringComparison.Ordinal);
                Assert.DoesNotContain("**10.2**", card.Detail, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_card_of_every_sample_has_a_summary_of_at_most_140_characters_and_a_stable_uuid()
    {
        foreach (var sample in Repo.SampleNames())
        {
            var (first, _) = Compose(sample);
            var (second, _) = Compose(sample);
            Assert.All(first, c => Assert.InRange(c.Summary.Length, 1, 140));
            Assert.Equal(first.Select(c => c.Uuid), second.Select(c => c.Uuid));
            Assert.Equal(first.Select(c => c.Uuid).Distinct().Count(), first.Count);
        }
    }

    [Fact]
    public void Out_of_scope_gets_no_cards()
    {
        var (cards, report) = Compose("gist-out-of-scope");

        Assert.False(report.Scope.InScope);
        Assert.Empty(cards);
    }

    [Fact]
    public void A_long_summary_is_cut_at_a_word_with_an_ellipsis()
    {
        var summary = CardComposer.Summary(string.Join(" ", Enumerable.Repeat("metastasectomy", 20)));

        Assert.True(summary.Length <= 140);
        Assert.EndsWith("metastasectomy…", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_in_patient_derived_text_is_escaped()
    {
        Assert.Equal("a \\*b\\* &lt;script&gt; \\[x\\]", CardComposer.Markdown("a *b* <script> [x]"));
    }
}
