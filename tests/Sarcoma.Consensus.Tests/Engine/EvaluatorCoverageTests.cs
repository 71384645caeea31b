using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Invariants that must hold across the whole guideline: every recommendation has exactly one evaluator, and every
/// status an evaluator can return is covered by a committed snapshot.
/// </summary>
public sealed class EvaluatorCoverageTests
{
    [Fact]
    public void Every_recommendation_has_exactly_one_evaluator_in_catalog_order()
    {
        var ids = ConsensusEngine.Default.Evaluators.Select(e => e.Recommendation.Id).ToArray();

        Assert.Equal(RecommendationCatalog.All.Select(r => r.Id).ToArray(), ids);
    }

    [Fact]
    public void Every_evaluator_declares_its_data_requirements_and_statuses()
    {
        foreach (var evaluator in ConsensusEngine.Default.Evaluators)
        {
            Assert.NotEmpty(evaluator.DataRequirements);
            Assert.NotEmpty(evaluator.PossibleStatuses);
        }
    }

    [Fact]
    public void Every_evaluator_lives_in_a_section_folder_and_is_named_for_what_it_decides()
    {
        foreach (var evaluator in EvaluatorRegistry.All)
        {
            var type = evaluator.GetType();
            Assert.EndsWith("Evaluator", type.Name);
            Assert.DoesNotMatch(@"^Rec\d", type.Name);
            Assert.NotEqual("Sarcoma.Consensus", type.Namespace);
            Assert.True(type.IsSealed, type.Name + " should be sealed");
        }
    }

    [Fact]
    public void Every_status_an_evaluator_can_return_has_a_committed_snapshot()
    {
        var covered = SnapshotCases();
        var gaps = new List<string>();
        foreach (var evaluator in ConsensusEngine.Default.Evaluators)
        {
            foreach (var status in evaluator.PossibleStatuses)
            {
                if (!covered.Contains((evaluator.Recommendation.Id, status.ToCode())))
                {
                    gaps.Add($"{evaluator.Recommendation.Id} {status.ToCode()}");
                }
            }
        }

        Assert.True(gaps.Count == 0, "No snapshot covers: " + string.Join(", ", gaps));
    }

    [Fact]
    public void No_snapshot_shows_a_no_consensus_item_without_its_flag()
    {
        foreach (var snapshot in SnapshotFiles())
        {
            var json = JObject.Parse(File.ReadAllText(snapshot));
            var id = (string?)json["Id"];
            if (id is null || !RecommendationCatalog.TryGet(id, out var recommendation) || recommendation.ReachedConsensus)
            {
                continue;
            }

            Assert.Contains("no-consensus", json["Flags"]!.Values<string>());
        }
    }

    [Fact]
    public void Every_committed_snapshot_belongs_to_a_test_that_still_exists()
    {
        // A snapshot left behind by a renamed or removed test would count as coverage it no longer gives.
        var tests = typeof(EvaluatorCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => t.Name + "." + m.Name))
            .ToHashSet(System.StringComparer.Ordinal);

        foreach (var snapshot in SnapshotFiles())
        {
            var name = Path.GetFileNameWithoutExtension(snapshot);
            Assert.True(
                tests.Any(t => name == t || name.StartsWith(t + "_", System.StringComparison.Ordinal)),
                $"{Path.GetFileName(snapshot)} belongs to no existing test: delete it.");
        }
    }

    internal static HashSet<(string Id, string Status)> SnapshotCases()
    {
        var cases = new HashSet<(string, string)>();
        foreach (var snapshot in SnapshotFiles())
        {
            var json = JToken.Parse(File.ReadAllText(snapshot));
            if (json is JObject obj && obj["Id"] is { } id && obj["Status"] is { } status)
            {
                cases.Add(((string)id!, (string)status!));
            }
        }

        return cases;
    }

    internal static IEnumerable<string> SnapshotFiles() =>
        Directory.EnumerateFiles(ProjectDirectory(), "*.snap", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__mismatch__"))
            .OrderBy(f => f, System.StringComparer.Ordinal);

    internal static string ProjectDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
