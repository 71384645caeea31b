using NodaTime;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Tests.Catalog;

/// <summary>The bibliographic metadata of the encoded guideline.</summary>
public sealed class GuidelineTests
{
    private static readonly Guideline Guideline = RecommendationCatalog.Guideline;

    [Fact]
    public void Doi_is_that_of_the_cancers_2025_paper()
    {
        Assert.Equal("10.3390/cancers17081295", Guideline.Doi);
    }

    [Fact]
    public void Published_on_11_april_2025()
    {
        Assert.Equal(new LocalDate(2025, 4, 11), Guideline.PublishedOn);
    }

    [Fact]
    public void Voted_at_the_meeting_of_10_may_2024()
    {
        Assert.Equal(new LocalDate(2024, 5, 10), Guideline.ConsensusMeetingOn);
    }

    [Fact]
    public void Citation_names_journal_year_volume_article_and_doi()
    {
        Assert.Equal(
            "Lopes-Brás R, Muñoz P, Netto E, et al. Cancers 2025;17(8):1295. doi:10.3390/cancers17081295",
            Guideline.Citation);
    }

    [Fact]
    public void Grading_system_is_idsa_usphs()
    {
        Assert.StartsWith("Infectious Diseases Society of America", Guideline.GradingSystem, System.StringComparison.Ordinal);
        Assert.Equal(ConsensusRule.Description, Guideline.ConsensusRuleDescription);
    }
}
