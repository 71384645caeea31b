using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// The previous surgery that section 3.6 asks the surgeon to review before planning the approach and extent of a liver
/// resection, as findings: previous hepatectomies and their margins, and the number of abdominal operations. The words
/// are in <c>Wording/en/surgical-approach.messages</c>.
/// </summary>
internal static class SurgicalHistoryFacts
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message SurgicalApproachNoPreviousLiverResectionMessage = new("surgical-approach.no-previous-liver-resection");
    private static readonly Message SurgicalApproachPreviousLiverResectionUndocumentedMessage = new("surgical-approach.previous-liver-resection-undocumented");
    private static readonly Message SurgicalApproachPreviousLiverResectionUnknownMessage = new("surgical-approach.previous-liver-resection-unknown");
    private static readonly Message SurgicalApproachAbdominalSurgeriesUnknownMessage = new("surgical-approach.abdominal-surgeries-unknown");

    /// <summary>Records previous liver resections and their margins.</summary>
    /// <param name="treatment">The treatment history.</param>
    /// <returns>The findings (one per resection in date order, undated last; or one saying none or unknown).</returns>
    public static IEnumerable<Finding> PreviousLiverResections(TreatmentHistory treatment)
    {
        var resections = treatment.LiverResections;
        if (resections.Count == 0)
        {
            yield return treatment.PreviousLiverResection switch
            {
                false => new Finding(FactNames.PreviousLiverResection, "no", SurgicalApproachNoPreviousLiverResectionMessage),
                true => new Finding(FactNames.PreviousLiverResection, "yes", SurgicalApproachPreviousLiverResectionUndocumentedMessage),
                _ => new Finding(FactNames.PreviousLiverResection, "unknown", SurgicalApproachPreviousLiverResectionUnknownMessage),
            };
            yield break;
        }

        foreach (var resection in resections.OrderBy(r => r.PerformedOn ?? default))
        {
            var margin = resection.Margin?.ToString();
            yield return new Finding(
                FactNames.LiverResectionMargin,
                margin ?? "unknown",
                Message.Of(
                    "surgical-approach.previous-liver-resection",
                    ("dated", resection.PerformedOn is not null),
                    ("performedOn", resection.PerformedOn),
                    ("margin", margin)));
        }
    }

    /// <summary>Records the number of previous abdominal surgeries (section 3.6).</summary>
    /// <param name="treatment">The treatment history.</param>
    /// <returns>The finding.</returns>
    public static Finding AbdominalSurgeries(TreatmentHistory treatment) => treatment.PreviousAbdominalSurgeries is { } count
        ? new Finding(
            FactNames.PreviousAbdominalSurgeries,
            count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Message.Of("surgical-approach.abdominal-surgeries", ("count", count)))
        : new Finding(FactNames.PreviousAbdominalSurgeries, "unknown", SurgicalApproachAbdominalSurgeriesUnknownMessage);
}
