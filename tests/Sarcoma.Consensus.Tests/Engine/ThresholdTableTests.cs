using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Issue #7 §5: the threshold table of <c>docs/clinical-decisions.md</c> is kept true against the code. Every numeric
/// option and every numeric constant of the engine is a listed threshold; every listed threshold has a row with the
/// same comparison, default and option; every test a row names exists.
/// </summary>
public sealed partial class ThresholdTableTests
{
    /// <summary>Numeric constants that are arithmetic, not thresholds applied to a patient's facts.</summary>
    private static readonly HashSet<string> NotThresholds = new(StringComparer.Ordinal)
    {
        "Decimals.OneAtFullScale", // normalises 25.50 to 25.5 (issue #8), no clinical meaning
        "ScratchList`1.Kept", // working lists kept per thread (issue #12), no clinical meaning
        "IntervalAssessment.DurationMonths", // size of the table of shared duration messages (issue #12)
        "OligometastaticAssessment.KnownSites", // size of the table of shared site findings (issue #12)
        "LiverLesionFacts.FlagCounts", // size of the table of shared lesion-flag findings (issue #12)
        "LiverLesionFacts.SegmentMessageSize", // size of the table of shared segment messages (issue #12)
        "FocalTherapyAssessment.AblationCounts", // size of the table of shared ablation findings (issue #12)
        "MetastasectomyInterval.LengthMonths", // size of the table of shared interval-length messages (issue #12)
    };

    private sealed record Row(string Id, string Words, string Source, string Comparison, string Default, string Option, IReadOnlyList<string> Tests);

    [Fact]
    public void Every_listed_threshold_has_a_row_with_the_same_comparison_default_and_option()
    {
        var rows = Rows().ToDictionary(r => r.Id, StringComparer.Ordinal);

        foreach (var threshold in ClinicalThresholds.All)
        {
            Assert.True(rows.TryGetValue(threshold.Id, out var row), $"docs/clinical-decisions.md has no threshold row `{threshold.Id}`.");
            Assert.StartsWith(threshold.Comparison, row!.Comparison, StringComparison.Ordinal);
            Assert.Contains(threshold.Value.ToString("0.##", CultureInfo.InvariantCulture), row.Default, StringComparison.Ordinal);
            Assert.Contains(threshold.Option is null ? "fixed" : "`" + threshold.Option + "`", row.Option, StringComparison.Ordinal);
            Assert.NotEmpty(row.Words);
            Assert.NotEmpty(row.Source);
        }

        Assert.Equal(ClinicalThresholds.All.Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal), rows.Keys.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_numeric_option_is_a_listed_threshold_with_its_default()
    {
        var defaults = new ConsensusOptions();
        var numeric = typeof(ConsensusOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(decimal));

        foreach (var option in numeric)
        {
            var threshold = Assert.Single(ClinicalThresholds.All, t => t.Option == option.Name);
            Assert.Equal(Convert.ToDecimal(option.GetValue(defaults), CultureInfo.InvariantCulture), threshold.Value);
        }
    }

    [Fact]
    public void Every_numeric_constant_of_the_engine_is_a_listed_threshold()
    {
        var listed = ClinicalThresholds.All.Where(t => t.CodeSymbol is not null).Select(t => t.CodeSymbol!).ToHashSet(StringComparer.Ordinal);
        var constants = typeof(ConsensusEngine).Assembly.GetTypes()
            .Where(t => t.Namespace != typeof(RecommendationCatalog).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => (f.IsLiteral && (f.FieldType == typeof(int) || f.FieldType == typeof(double)))
                    || f.GetCustomAttribute<DecimalConstantAttribute>() is not null) // a const decimal is a static field with this attribute
                .Select(f => t.Name + "." + f.Name))
            .ToArray();

        Assert.NotEmpty(constants);
        foreach (var constant in constants.Where(c => !NotThresholds.Contains(c)))
        {
            Assert.True(listed.Contains(constant), $"{constant} is a numeric constant missing from ClinicalThresholds.All and the threshold table.");
        }

        foreach (var symbol in listed)
        {
            Assert.Contains(symbol, constants);
        }
    }

    [Fact]
    public void Every_test_a_row_names_exists_and_one_covers_three_values()
    {
        var methods = typeof(ThresholdTableTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => (Name: t.Name + "." + m.Name, Method: m)))
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Method, StringComparer.Ordinal);

        foreach (var row in Rows())
        {
            Assert.NotEmpty(row.Tests);
            foreach (var test in row.Tests)
            {
                Assert.True(methods.ContainsKey(test), $"Threshold `{row.Id}` names `{test}`, which is not a test.");
            }

            // A value stated by a recommendation, or a parameter of the 13.1 calendar, is not compared with a patient fact.
            var stated = row.Comparison.Contains("stated", StringComparison.Ordinal) || row.Comparison.Contains("schedule parameter", StringComparison.Ordinal);
            if (!stated)
            {
                Assert.True(
                    row.Tests.Any(t => methods[t].GetCustomAttributes<InlineDataAttribute>().Count() >= 3),
                    $"Threshold `{row.Id}` has no theory with at least three values (value − 1, value, value + 1).");
            }
        }
    }

    private static IEnumerable<Row> Rows([CallerFilePath] string here = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "clinical-decisions.md"));
        var text = File.ReadAllText(path);
        var section = text.Substring(text.IndexOf("## Thresholds", StringComparison.Ordinal));
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            Assert.Equal(7, cells.Length);
            var tests = TestName().Matches(cells[6]).Select(m => m.Groups[1].Value).ToArray();
            yield return new Row(cells[0].Trim('`'), cells[1], cells[2], cells[3], cells[4], cells[5], tests);
        }
    }

    [GeneratedRegex("`([A-Za-z0-9_]+\\.[A-Za-z0-9_]+)`")]
    private static partial Regex TestName();
}
