using System;
using System.Linq;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Tests.Catalog;

/// <summary>The catalog against an independent transcription of Table 5.</summary>
public sealed class Table5Tests
{
    [Fact]
    public void Catalog_lists_the_34_rows_of_table_5_in_table_order()
    {
        Assert.Equal(34, Table5.Rows.Count);
        Assert.Equal(Table5.Rows.Select(row => row.Id), RecommendationCatalog.All.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Table5.Ids), MemberType = typeof(Table5))]
    public void Every_row_matches_table_5(string id)
    {
        var expected = Table5.Row(id);
        var actual = RecommendationCatalog.Get(id);

        Assert.Equal(id, actual.Id);
        Assert.Equal(expected.Total, actual.Votes.Total);
        Assert.Equal(expected.Yes, actual.Votes.Yes);
        Assert.Equal(expected.No, actual.Votes.No);
        Assert.Equal(expected.PrintedPercent, actual.Printed.AgreementPercent);
        Assert.Equal(PrintedCategory(expected.PrintedCategory), actual.Printed.Category);
        Assert.Equal(expected.Level, actual.Grade.Level.ToString());
        Assert.Equal(expected.Strength, actual.Grade.Strength.ToString());
    }

    [Fact]
    public void Every_row_matches_table_5_as_a_whole()
    {
        // The same comparison as one table, so a failure shows every differing row at once.
        string expected = string.Join("\n", Table5.Rows.Select(row =>
            $"{row.Id} {row.Total}/{row.Yes}/{row.No} {row.PrintedPercent}% {PrintedCategory(row.PrintedCategory)} ({row.Level},{row.Strength})"));
        string actual = string.Join("\n", RecommendationCatalog.All.Select(r =>
            $"{r.Id} {r.Votes.Total}/{r.Votes.Yes}/{r.Votes.No} {r.Printed.AgreementPercent}% {r.Printed.Category} ({r.Grade.Level},{r.Grade.Strength})"));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Table5.Ids), MemberType = typeof(Table5))]
    public void Computed_category_equals_the_category_printed_in_table_5(string id)
    {
        var recommendation = RecommendationCatalog.Get(id);

        Assert.Equal(PrintedCategory(Table5.Row(id).PrintedCategory), recommendation.Consensus);
        Assert.Equal(recommendation.Printed.Category, recommendation.Consensus);
    }

    [Theory]
    [MemberData(nameof(Table5.Ids), MemberType = typeof(Table5))]
    public void Computed_percentage_rounds_to_the_whole_percentage_printed_in_table_5(string id)
    {
        var votes = RecommendationCatalog.Get(id).Votes;
        int printed = Table5.Row(id).PrintedPercent;

        // Rounded from the exact share, and from the one-decimal value the library reports: both must agree with the paper.
        Assert.Equal(printed, (int)Math.Round(votes.Yes * 100m / votes.Total, 0, MidpointRounding.AwayFromZero));
        Assert.Equal(printed, (int)Math.Round(votes.AgreementPercent, 0, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData("1.1", "91.7")]
    [InlineData("1.2", "88.2")]
    [InlineData("3.2", "62.2")]
    [InlineData("3.3", "88.9")]
    [InlineData("5.5", "57.1")]
    [InlineData("10.2", "77.1")]
    [InlineData("4.1", "100")]
    public void Agreement_percent_has_one_decimal(string id, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RecommendationCatalog.Get(id).Votes.AgreementPercent);
    }

    [Fact]
    public void Category_totals_are_3_not_reached_7_weak_12_strong_12_unanimous()
    {
        var computed = RecommendationCatalog.All.GroupBy(r => r.Consensus).ToDictionary(g => g.Key, g => g.Count());
        var typed = Table5.Rows.GroupBy(row => PrintedCategory(row.PrintedCategory)).ToDictionary(g => g.Key, g => g.Count());

        foreach (var counts in new[] { computed, typed })
        {
            Assert.Equal(3, counts[ConsensusCategory.NotReached]);
            Assert.Equal(7, counts[ConsensusCategory.Weak]);
            Assert.Equal(12, counts[ConsensusCategory.Strong]);
            Assert.Equal(12, counts[ConsensusCategory.Unanimous]);
        }
    }

    [Fact]
    public void Exactly_3_2_5_5_and_10_2_did_not_reach_consensus()
    {
        Assert.Equal(
            new[] { "3.2", "5.5", "10.2" },
            RecommendationCatalog.All.Where(r => !r.ReachedConsensus).Select(r => r.Id));
        Assert.All(
            RecommendationCatalog.All.Where(r => !r.ReachedConsensus),
            r => Assert.Equal(ConsensusCategory.NotReached, r.Consensus));
    }

    [Fact]
    public void Recommendation_3_3_at_88_9_percent_is_weak_not_strong()
    {
        var recommendation = RecommendationCatalog.Get("3.3");

        Assert.Equal(new Votes(36, 32, 4), recommendation.Votes);
        Assert.Equal(88.9m, recommendation.Votes.AgreementPercent);
        Assert.Equal(ConsensusCategory.Weak, recommendation.Consensus);
    }

    private static ConsensusCategory PrintedCategory(string printed) => printed switch
    {
        "unanimous" => ConsensusCategory.Unanimous,
        "strong" => ConsensusCategory.Strong,
        "weak" => ConsensusCategory.Weak,
        "not reached" => ConsensusCategory.NotReached,
        _ => throw new ArgumentOutOfRangeException(nameof(printed), printed, "Not a category Table 5 prints."),
    };
}
