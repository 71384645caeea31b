using System;
using System.IO;
using System.Linq;
using System.Text;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Keeps docs/recommendations.md true: recommendation → evaluator → tests. The table is generated from the
/// evaluators, the test sources and the committed snapshots; when it drifts this test fails. To regenerate it,
/// run the tests once with SARCOMA_UPDATE_DOCS=1 and review the diff.
/// </summary>
public sealed class TraceabilityTests
{
    [Fact]
    public void The_traceability_table_in_docs_matches_the_code()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "recommendations.md");
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("SARCOMA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/recommendations.md is missing; run the tests with SARCOMA_UPDATE_DOCS=1.");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    internal static string Generate()
    {
        var root = RepositoryRoot();
        var testsRoot = EvaluatorCoverageTests.ProjectDirectory();
        var testFiles = Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToArray();
        var covered = EvaluatorCoverageTests.SnapshotCases();
        var evaluators = EvaluatorRegistry.All.ToDictionary(e => e.Recommendation.Id, StringComparer.Ordinal);

        var text = new StringBuilder();
        text.Append("# Traceability: recommendation → evaluator → tests\n\n");
        text.Append("Generated from the code by `tests/Sarcoma.Consensus.Tests/Engine/TraceabilityTests.cs`, which fails when this file\n");
        text.Append("drifts (regenerate with `SARCOMA_UPDATE_DOCS=1 dotnet test`). Statuses marked ✓ are covered by a committed\n");
        text.Append("snapshot; wording, grades and votes come from the catalog (`src/Sarcoma.Consensus/Catalog`).\n\n");
        text.Append("| Id | Recommendation | Consensus | Evaluator | Statuses (snapshot) | Tests |\n");
        text.Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var recommendation in RecommendationCatalog.All)
        {
            var consensus = recommendation.ReachedConsensus ? recommendation.Consensus.ToCode() : "**no consensus**";
            if (!evaluators.TryGetValue(recommendation.Id, out var evaluator))
            {
                text.Append($"| {recommendation.Id} | {recommendation.ShortTitle} | {consensus} | (none) | | |\n");
                continue;
            }

            var type = evaluator.GetType();
            var folder = type.Namespace!.Substring("Sarcoma.Consensus.".Length).Replace('.', '/');
            var source = $"src/Sarcoma.Consensus/{folder}/{type.Name}.cs";
            var statuses = string.Join(", ", evaluator.PossibleStatuses.Select(s => s.ToCode() + (covered.Contains((recommendation.Id, s.ToCode())) ? " ✓" : " ✗")));
            var tests = testFiles
                .Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Text, @"\b" + type.Name + @"\b"))
                .Select(f => Path.GetRelativePath(root, f.Path).Replace('\\', '/'))
                .Select(p => $"[{Path.GetFileNameWithoutExtension(p)}](../{p})");
            text.Append($"| {recommendation.Id} | {recommendation.ShortTitle} | {consensus} | [`{type.Name}`](../{source}) | {statuses} | {string.Join("<br>", tests)} |\n");
        }

        return text.ToString();
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(EvaluatorCoverageTests.ProjectDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
