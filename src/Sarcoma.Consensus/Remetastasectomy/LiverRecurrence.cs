using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>
/// The population of section 3.9: a liver recurrence after a previous liver resection — a liver resection is recorded
/// (<see cref="TreatmentHistory.HasPreviousLiverResection"/>) and the current metastatic disease includes liver lesions.
/// Shared by 9.1 and 9.2.
/// </summary>
internal static class LiverRecurrence
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message RemetastasectomyNoPreviousResectionMessage = new("remetastasectomy.no-previous-resection");
    private static readonly Message RemetastasectomyOutsideNoPreviousResectionMessage = new("remetastasectomy.outside.no-previous-resection");
    private static readonly Message RemetastasectomyOutsideLesionsPrecedeResectionMessage = new("remetastasectomy.outside.lesions-precede-resection");

    public static readonly string[] Requirements =
    {
        FactNames.NoEvidenceOfDisease,
        FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
        FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite,
    };

    /// <summary>
    /// Records the population facts. Returns the reason the population is ruled out, or <see langword="null"/>; adds the
    /// facts that are unknown to <paramref name="missing"/>.
    /// </summary>
    public static Message? Check(EvaluationContext context, ResultBuilder result, ICollection<string> missing)
    {
        var treatment = context.Patient.Treatment;
        switch (treatment.HasPreviousLiverResection)
        {
            case false:
                result.Fact(FactNames.PreviousLiverResection, "no", RemetastasectomyNoPreviousResectionMessage);
                return RemetastasectomyOutsideNoPreviousResectionMessage;
            case true:
                var count = treatment.LiverResections.Count;
                var latest = context.LatestLiverResectionDate;
                result.Fact(
                    count == 0 ? FactNames.PreviousLiverResection : FactNames.LiverResections,
                    count == 0 ? "yes" : count.ToString(CultureInfo.InvariantCulture),
                    Message.Of("remetastasectomy.previous-resections", ("count", count), ("dated", latest is not null), ("latest", latest)));
                break;
            default:
                missing.Add(FactNames.PreviousLiverResection);
                break;
        }

        switch (context.HasLiverMetastases)
        {
            case false:
                result.Facts(context.NoLiverMetastasisFinding);
                return new Message(context.NoEvidenceOfDisease
                    ? "remetastasectomy.outside.no-evidence-of-disease"
                    : "remetastasectomy.outside.no-liver-lesion");
            case true:
                var liver = context.LiverLesions.Count;
                var detected = context.Patient.Metastases?.DetectedOn;
                result.Fact(
                    FactNames.Lesions,
                    liver.ToString(CultureInfo.InvariantCulture),
                    Message.Of("remetastasectomy.liver-lesions", ("count", liver), ("dated", detected is not null), ("detected", detected)));
                break;
            default:
                missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
                break;
        }

        // Lesions detected on or before a dated liver resection are the disease that resection treated, not a recurrence
        // after it.
        if (context.Patient.Metastases?.DetectedOn is { } found
            && FollowUpSchedule.LatestDatedMetastasectomyDate(context.Patient) is { } resected
            && found <= resected)
        {
            result.Fact(
                FactNames.MetastasesDetectedOn,
                ResultBuilder.Format(found),
                Message.Of("remetastasectomy.detected-before-resection", ("detected", found), ("resected", resected)));
            return RemetastasectomyOutsideLesionsPrecedeResectionMessage;
        }

        // An unknown date never decides "recurrence": the detection date and the latest resection's date must be known.
        if (context.IsLiverRecurrence is null)
        {
            foreach (var fact in context.LiverRecurrenceMissing)
            {
                if (!missing.Contains(fact))
                {
                    missing.Add(fact);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where a liver recurrence to be treated is addressed: 9.1 and 9.2, and 10.1 (non-surgical local approaches) when the
    /// patient is known not to be a candidate for a new resection — for a recurrence, exactly when 9.1 does not apply
    /// (its criteria are those of candidacy: OMD, the TFI, performance status, resectability, fitness).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <returns>A cross-reference such as "see 9.1 and 9.2", in English.</returns>
    public static string TreatmentCrossReference(EvaluationContext context) => TreatmentCrossReferenceMessage(context).Text;

    /// <summary>The cross-reference of <see cref="TreatmentCrossReference"/>, as a message.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The message.</returns>
    public static Message TreatmentCrossReferenceMessage(EvaluationContext context) =>
        Message.Of("remetastasectomy.treatment-cross-reference", ("not-candidate", context.LiverResection.Candidate == TriState.No && context.LiverResection.ReassessAfterSystemicTreatment == TriState.No));

    /// <summary>A new liver resection: "a new liver resection", or "any new liver resection" when candidacy is not yet known.</summary>
    /// <param name="any">Whether the wording must not claim there will be one.</param>
    /// <returns>The message.</returns>
    public static Message NewResection(bool any) => Message.Of("remetastasectomy.new-resection", ("any", any));
}
