using System;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Tests.Catalog;

/// <summary>The consensus rule of the Methods: at least 80 % agreement; 80–89 % weak, 90–99 % strong, 100 % unanimous.</summary>
public sealed class ConsensusRuleTests
{
    [Theory]
    [InlineData(1, 0, "not-reached")]
    [InlineData(5, 3, "not-reached")]
    [InlineData(100, 79, "not-reached")]
    [InlineData(1000, 799, "not-reached")]
    [InlineData(35, 27, "not-reached")]
    [InlineData(5, 4, "weak")]
    [InlineData(100, 80, "weak")]
    [InlineData(100, 89, "weak")]
    [InlineData(1000, 899, "weak")]
    [InlineData(36, 32, "weak")]
    [InlineData(10, 9, "strong")]
    [InlineData(100, 90, "strong")]
    [InlineData(100, 99, "strong")]
    [InlineData(1000, 999, "strong")]
    [InlineData(1, 1, "unanimous")]
    [InlineData(36, 36, "unanimous")]
    [InlineData(100, 100, "unanimous")]
    public void Votes_fall_into_half_open_bands(int total, int yes, string expected)
    {
        var votes = new Votes(total, yes, total - yes);

        Assert.Equal(expected, ConsensusRule.Classify(votes).ToCode());
        Assert.Equal(expected, votes.Category.ToCode());
    }

    [Fact]
    public void Four_of_five_is_exactly_80_percent_and_weak()
    {
        var votes = new Votes(5, 4, 1);

        Assert.Equal(80.0m, votes.AgreementPercent);
        Assert.Equal(ConsensusCategory.Weak, ConsensusRule.Classify(votes));
    }

    [Fact]
    public void Thirty_two_of_36_is_88_9_percent_and_weak_although_it_rounds_to_89()
    {
        var votes = new Votes(36, 32, 4);

        Assert.Equal(88.9m, votes.AgreementPercent);
        Assert.Equal(ConsensusCategory.Weak, ConsensusRule.Classify(votes));
    }

    [Fact]
    public void Just_under_90_percent_is_weak_even_when_one_decimal_would_show_90_0()
    {
        // 1799/2000 = 89.95 %, shown as 90.0 % (rounded half away from zero), but below 90 % and so weak:
        // the rule compares integers, not the rounded percentage.
        var votes = new Votes(2000, 1799, 201);

        Assert.Equal(90.0m, votes.AgreementPercent);
        Assert.Equal(ConsensusCategory.Weak, ConsensusRule.Classify(votes));
    }

    [Fact]
    public void Just_under_100_percent_is_strong_not_unanimous()
    {
        var votes = new Votes(2000, 1999, 1);

        Assert.Equal(100.0m, votes.AgreementPercent);
        Assert.Equal(ConsensusCategory.Strong, ConsensusRule.Classify(votes));
    }

    [Fact]
    public void Just_under_80_percent_is_not_reached()
    {
        var votes = new Votes(2000, 1599, 401);

        Assert.Equal(80.0m, votes.AgreementPercent);
        Assert.Equal(ConsensusCategory.NotReached, ConsensusRule.Classify(votes));
    }

    [Theory]
    [InlineData(ConsensusCategory.Unanimous, "unanimous")]
    [InlineData(ConsensusCategory.Strong, "strong")]
    [InlineData(ConsensusCategory.Weak, "weak")]
    [InlineData(ConsensusCategory.NotReached, "not-reached")]
    public void Categories_have_kebab_case_codes(ConsensusCategory category, string code)
    {
        Assert.Equal(code, category.ToCode());
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(10, 9, 2)]
    [InlineData(10, -1, 11)]
    [InlineData(-1, 0, 0)]
    public void Inconsistent_tallies_are_rejected(int total, int yes, int no)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Votes(total, yes, no));
    }

    [Fact]
    public void Votes_format_as_yes_of_total_with_one_decimal()
    {
        Assert.Equal("33/36 yes (91.7%)", new Votes(36, 33, 3).ToString());
    }

    [Fact]
    public void Rule_description_states_the_80_percent_threshold_and_the_bands()
    {
        Assert.Contains("at least 80%", ConsensusRule.Description, StringComparison.Ordinal);
        Assert.Contains("weak 80–89%", ConsensusRule.Description, StringComparison.Ordinal);
        Assert.Contains("strong 90–99%", ConsensusRule.Description, StringComparison.Ordinal);
        Assert.Contains("unanimous 100%", ConsensusRule.Description, StringComparison.Ordinal);
    }
}
