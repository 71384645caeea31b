using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Sarcoma.Consensus.Catalog;

/// <summary>
/// The 34 voted recommendations of the guideline, in Table 5 order, with their questions and metadata.
/// </summary>
/// <remarks>The catalog is immutable data and thread-safe.</remarks>
public static partial class RecommendationCatalog
{
    private static readonly ReadOnlyCollection<GuidelineSection> SectionList = Array.AsReadOnly(CreateSections());
    private static readonly ReadOnlyCollection<Recommendation> RecommendationList = Array.AsReadOnly(CreateRecommendations());
    private static readonly Dictionary<string, Recommendation> ById =
        RecommendationList.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Gets the guideline's metadata.</summary>
    public static Guideline Guideline { get; } = new Guideline();

    /// <summary>Gets the 13 questions, in order.</summary>
    public static IReadOnlyList<GuidelineSection> Sections => SectionList;

    /// <summary>Gets all 34 recommendations, in Table 5 order.</summary>
    public static IReadOnlyList<Recommendation> All => RecommendationList;

    /// <summary>Gets a recommendation by id.</summary>
    /// <param name="id">The id, for example <c>5.3</c>.</param>
    /// <returns>The recommendation.</returns>
    /// <exception cref="ArgumentException">No recommendation has that id.</exception>
    public static Recommendation Get(string id) =>
        TryGet(id, out var recommendation)
            ? recommendation
            : throw new ArgumentException("The guideline has no recommendation with that id (1.1 to 13.2).", nameof(id));

    /// <summary>Looks a recommendation up by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="recommendation">The recommendation, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGet(string? id, out Recommendation recommendation)
    {
        if (id is not null && ById.TryGetValue(id, out var found))
        {
            recommendation = found;
            return true;
        }

        recommendation = null!;
        return false;
    }
}
