using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>Card-sized summaries (issue #10 §5): every recommendation × status has one that fits an EHR card.</summary>
public sealed class CardWordingTests
{
    /// <summary>The CDS Hooks card summary limit.</summary>
    private const int CardLimit = 140;

    private static readonly EvaluationStatus[] Statuses = (EvaluationStatus[])Enum.GetValues(typeof(EvaluationStatus));

    public static TheoryData<string, EvaluationStatus> EveryRecommendationAndStatus()
    {
        var data = new TheoryData<string, EvaluationStatus>();
        foreach (var recommendation in RecommendationCatalog.All)
        {
            foreach (var status in Statuses)
            {
                data.Add(recommendation.Id, status);
            }
        }

        return data;
    }

    [Fact]
    public void There_is_a_card_for_each_of_the_34_recommendations_and_3_statuses()
    {
        var cards = MessageCatalog.English.Codes.Where(c => c.StartsWith("card.", StringComparison.Ordinal)).ToList();

        Assert.Equal(34, RecommendationCatalog.All.Count);
        Assert.Equal(3, Statuses.Length);
        Assert.Equal(34 * 3, cards.Count);
    }

    [Theory]
    [MemberData(nameof(EveryRecommendationAndStatus))]
    public void Every_card_template_exists_and_renders_within_the_card_limit(string id, EvaluationStatus status)
    {
        var code = "card." + id + "." + status.ToCode();
        Assert.True(MessageCatalog.English.Defines(code), code + " is not in cards.messages");

        // With no argument, with one missing fact and with many: every rendering fits.
        foreach (var missing in new int?[] { null, 1, 2, 17 })
        {
            var text = MessageCatalog.English.Render(Message.Of(code, ("missing", missing)));

            Assert.DoesNotContain("⟦", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.True(text.Length <= CardLimit, $"{code} renders to {text.Length} characters: {text}");
            Assert.True(text.Length >= 30, $"{code} is too short to say anything: {text}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryRecommendationAndStatus))]
    public void No_consensus_cards_say_so_first_and_the_others_never_claim_it(string id, EvaluationStatus status)
    {
        var recommendation = RecommendationCatalog.Get(id);
        var text = MessageCatalog.English.Render(Message.Of("card." + id + "." + status.ToCode(), ("missing", 2)));

        if (recommendation.ReachedConsensus)
        {
            Assert.DoesNotContain("No consensus", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("No consensus", text, StringComparison.Ordinal);
            Assert.Contains("(" + id + ")", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_insufficient_data_card_counts_the_missing_facts()
    {
        Assert.Equal(
            "Liver resection for metachronous liver-only OMD (5.3) undecided: 1 fact missing.",
            MessageCatalog.English.Render(Message.Of("card.5.3.insufficient-data", ("missing", 1))));
        Assert.Equal(
            "Liver resection for metachronous liver-only OMD (5.3) undecided: 3 facts missing.",
            MessageCatalog.English.Render(Message.Of("card.5.3.insufficient-data", ("missing", 3))));
    }

    [Theory]
    [MemberData(nameof(SamplePatients))]
    public void Every_result_of_every_sample_patient_has_a_card_summary_within_the_limit(string sample)
    {
        var patient = PatientJson.Parse(File.ReadAllText(Path.Combine(SamplesFolder(), sample)));
        var report = ConsensusEngine.Default.Evaluate(patient, new LocalDate(2026, 11, 26));

        Assert.All(report.Results, result =>
        {
            var summary = result.CardSummary;
            Assert.DoesNotContain("⟦", summary, StringComparison.Ordinal);
            Assert.True(summary.Length <= CardLimit, $"{result.Id} ({result.Status.ToCode()}): {summary.Length} characters");
            Assert.Equal("card." + result.Id + "." + result.Status.ToCode(), result.CardMessage.Code);
            if (result.Status == EvaluationStatus.InsufficientData)
            {
                Assert.Equal(result.Missing.Count, result.CardMessage.Arguments.Get("missing"));
            }
        });
    }

    public static TheoryData<string> SamplePatients()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SamplesFolder(), "*.json").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    private static string SamplesFolder([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { source, AppContext.BaseDirectory })
        {
            var directory = Path.IsPathRooted(start) ? new DirectoryInfo(Path.GetDirectoryName(start)!) : null;
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is not null)
            {
                return Path.Combine(directory.FullName, "samples", "patients");
            }
        }

        throw new InvalidOperationException("Sarcoma.Consensus.sln not found above the test sources or the test assembly.");
    }
}
