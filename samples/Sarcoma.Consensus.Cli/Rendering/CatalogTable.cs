using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>Writes the catalog as an aligned plain-text table for people at a terminal.</summary>
public static class CatalogTable
{
    private const string Gap = "  ";

    private static readonly string[] Headers = { "ID", "Recommendation", "Grade", "Votes", "Agreement", "Consensus" };

    /// <summary>Writes the table, a summary of the consensus categories and the reading notes.</summary>
    /// <param name="recommendations">The recommendations, in the order to list them.</param>
    /// <param name="guideline">The guideline, for the source line.</param>
    /// <param name="output">The writer.</param>
    public static void Write(IReadOnlyList<Recommendation> recommendations, Guideline guideline, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(output);

        var rows = recommendations.Select(r => new[]
        {
            r.Id,
            r.ShortTitle,
            r.Grade.ToString(),
            FormattableString.Invariant($"{r.Votes.Yes}/{r.Votes.Total}"),
            FormatPercent(r.Votes.AgreementPercent),
            Labels.ForTable(r.Consensus),
        }).ToList();

        int[] widths = Enumerable.Range(0, Headers.Length)
            .Select(column => rows.Select(row => row[column].Length).Append(Headers[column].Length).Max())
            .ToArray();

        // Votes and agreement are numbers: right-aligned so the decimal points line up.
        bool[] rightAligned = { false, false, false, true, true, false };

        output.WriteLine(FormattableString.Invariant(
            $"Liver metastases of soft tissue sarcoma: the {recommendations.Count} voted recommendations (Table 5)"));
        output.WriteLine($"Source: {guideline.Citation}");
        output.WriteLine();
        WriteRow(output, Headers, widths, rightAligned);
        WriteRow(output, widths.Select(w => new string('-', w)).ToArray(), widths, rightAligned);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths, rightAligned);
        }

        output.WriteLine();
        output.WriteLine(Summary(recommendations));
        output.WriteLine($"Consensus rule: {ConsensusRule.Description}");
        output.WriteLine("Grade: (level of evidence I–V, strength of recommendation A–E), IDSA–USPHS grading; see docs/grading.md.");
        output.WriteLine($"{Labels.NoConsensus} items are listed for completeness only: the panel did not agree on them, so they are not recommendations.");
        output.WriteLine("Decision support for clinicians; not a substitute for the multidisciplinary tumour board.");
    }

    /// <summary>Formats an agreement percentage with one decimal and a percent sign, for example <c>91.7%</c>.</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The text.</returns>
    public static string FormatPercent(decimal percent) =>
        percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Summary(IReadOnlyList<Recommendation> recommendations)
    {
        int Count(ConsensusCategory category) => recommendations.Count(r => r.Consensus == category);

        var notReached = recommendations.Where(r => !r.ReachedConsensus).Select(r => r.Id).ToList();
        string notReachedIds = notReached.Count == 0 ? string.Empty : $" ({string.Join(", ", notReached)})";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{recommendations.Count} recommendations: {Count(ConsensusCategory.Unanimous)} unanimous, {Count(ConsensusCategory.Strong)} strong, {Count(ConsensusCategory.Weak)} weak, {notReached.Count} {Labels.NoConsensus}{notReachedIds}.");
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths, bool[] rightAligned)
    {
        var line = new System.Text.StringBuilder();
        for (int column = 0; column < cells.Count; column++)
        {
            bool last = column == cells.Count - 1;
            string cell = cells[column];
            if (rightAligned[column])
            {
                line.Append(cell.PadLeft(widths[column]));
            }
            else
            {
                line.Append(last ? cell : cell.PadRight(widths[column]));
            }

            if (!last)
            {
                line.Append(Gap);
            }
        }

        output.WriteLine(line.ToString());
    }
}
