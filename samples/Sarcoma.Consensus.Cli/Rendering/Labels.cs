using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>The words and codes the console sample prints for catalog values, in one place.</summary>
public static class Labels
{
    /// <summary>The table label for an item that did not reach consensus.</summary>
    public const string NoConsensus = "NO CONSENSUS";

    /// <summary>The table label for a consensus category: the JSON code, or <see cref="NoConsensus"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The label.</returns>
    public static string ForTable(ConsensusCategory category) =>
        category == ConsensusCategory.NotReached ? NoConsensus : category.ToCode();

    /// <summary>The JSON code of a recommendation kind: <c>definition</c>, <c>directive</c> or <c>process-requirement</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The code.</returns>
    public static string ToCode(RecommendationKind kind) => kind switch
    {
        RecommendationKind.Definition => "definition",
        RecommendationKind.Directive => "directive",
        RecommendationKind.ProcessRequirement => "process-requirement",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recommendation kind."),
    };

    /// <summary>The JSON code of a direction: <c>for</c>, <c>against</c> or <c>conditional</c>.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The code.</returns>
    public static string ToCode(RecommendationDirection direction) => direction switch
    {
        RecommendationDirection.For => "for",
        RecommendationDirection.Against => "against",
        RecommendationDirection.Conditional => "conditional",
        _ => throw new System.ArgumentOutOfRangeException(nameof(direction), direction, "Unknown recommendation direction."),
    };
}
