using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Sentences about previous surgery that section 3.6 asks the surgeon to review before planning the approach and
/// extent of a liver resection: previous hepatectomies and their margins, and the number of abdominal operations.
/// </summary>
internal static class SurgicalHistoryFacts
{
    /// <summary>Describes previous liver resections and their margins.</summary>
    /// <param name="treatment">The treatment history.</param>
    /// <returns>The findings (one per resection, or one saying none or unknown).</returns>
    public static IEnumerable<Finding> PreviousLiverResections(TreatmentHistory treatment)
    {
        var resections = treatment.LiverResections;
        if (resections.Count == 0)
        {
            yield return treatment.PreviousLiverResection switch
            {
                false => new Finding(FactNames.PreviousLiverResection, "no", "No previous liver resection."),
                true => new Finding(FactNames.PreviousLiverResection, "yes", "Previous liver resection, margin not recorded."),
                _ => new Finding(FactNames.PreviousLiverResection, "unknown", "Whether a liver resection was done before is not recorded."),
            };
            yield break;
        }

        foreach (var resection in resections.OrderBy(r => r.PerformedOn ?? default))
        {
            var when = resection.PerformedOn is { } date ? " on " + ResultBuilder.Format(date) : " (date not recorded)";
            var margin = resection.Margin switch
            {
                ResectionMargin.R0 => "R0 (microscopically negative margins)",
                ResectionMargin.R1 => "R1 (microscopically positive margins)",
                ResectionMargin.R2 => "R2 (macroscopic residual disease; section 3.5 associates R2 resection with decreased survival)",
                _ => "margin not recorded",
            };
            yield return new Finding(
                FactNames.LiverResectionMargin,
                resection.Margin?.ToString() ?? "unknown",
                $"Previous liver resection{when}: {margin}.");
        }
    }

    /// <summary>Describes the number of previous abdominal surgeries (section 3.6).</summary>
    /// <param name="treatment">The treatment history.</param>
    /// <returns>The finding.</returns>
    public static Finding AbdominalSurgeries(TreatmentHistory treatment) => treatment.PreviousAbdominalSurgeries switch
    {
        null => new Finding(FactNames.PreviousAbdominalSurgeries, "unknown", "Number of previous abdominal surgeries not recorded; section 3.6 asks that it be taken into account before a new intervention."),
        0 => new Finding(FactNames.PreviousAbdominalSurgeries, "0", "No previous abdominal surgery."),
        { } n => new Finding(
            FactNames.PreviousAbdominalSurgeries,
            n.ToString(CultureInfo.InvariantCulture),
            $"{n.ToString(CultureInfo.InvariantCulture)} previous abdominal {(n == 1 ? "surgery" : "surgeries")}: iterative abdominal surgery increases morbidity and the risk of postoperative complications (section 3.6)."),
    };
}
