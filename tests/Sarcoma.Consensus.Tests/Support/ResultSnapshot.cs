using System.Linq;
using System.Runtime.CompilerServices;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Snapshooter;
using Snapshooter.Xunit;

namespace Sarcoma.Consensus.Tests.Support;

/// <summary>
/// Snapshots of evaluator results in a stable, readable projection. Snapshot files live in __snapshots__ beside the
/// test file; <see cref="Engine.EvaluatorCoverageTests"/> reads them to check every recommendation × status is covered.
/// </summary>
public static class ResultSnapshot
{
    /// <summary>Projects a result into plain data for a snapshot.</summary>
    public static object View(RecommendationResult result) => new
    {
        result.Id,
        Status = result.Status.ToCode(),
        Consensus = result.Recommendation.Consensus.ToCode(),
        Grade = result.Recommendation.Grade.ToString(),
        Votes = result.Recommendation.Votes.ToString(),
        Flags = result.Flags.Select(f => f.ToCode()).ToArray(),
        result.Summary,
        Findings = result.Findings.Select(f => new { f.Fact, f.Value, f.Sentence }).ToArray(),
        result.Cautions,
        result.Missing,
    };

    /// <summary>Matches a result against its snapshot, named after the calling test and the vignette.</summary>
    /// <param name="result">The result.</param>
    /// <param name="vignette">A short name for the clinical vignette, unique within the test class.</param>
    public static void Match(RecommendationResult result, string vignette) =>
        Snapshot.Match(View(result), SnapshotNameExtension.Create(vignette));
}
