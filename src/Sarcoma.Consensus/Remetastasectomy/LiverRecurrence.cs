using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>
/// The population of section 3.9: a liver recurrence after a previous liver resection — a liver resection is recorded
/// (<see cref="TreatmentHistory.HasPreviousLiverResection"/>) and the current metastatic disease includes liver lesions.
/// Shared by 9.1 and 9.2.
/// </summary>
internal static class LiverRecurrence
{
    public static readonly string[] Requirements =
    {
        FactNames.NoEvidenceOfDisease,
        FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
        FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite,
    };

    /// <summary>
    /// Records the population facts. Returns a reason the population is ruled out, or <see langword="null"/>; adds the
    /// facts that are unknown to <paramref name="missing"/>.
    /// </summary>
    public static string? Check(EvaluationContext context, ResultBuilder result, ICollection<string> missing)
    {
        var treatment = context.Patient.Treatment;
        switch (treatment.HasPreviousLiverResection)
        {
            case false:
                result.Fact(FactNames.PreviousLiverResection, "no", "No previous liver resection is recorded.");
                return "There has been no previous liver resection, so this is not a liver recurrence after metastasectomy";
            case true:
                var count = treatment.LiverResections.Count;
                var latest = context.LatestLiverResectionDate;
                var sentence = count == 0
                    ? "A previous liver resection is recorded (date not given)."
                    : $"{count.ToString(CultureInfo.InvariantCulture)} previous liver {(count == 1 ? "resection" : "resections")}"
                      + (latest is { } date
                          ? (count == 1 ? $", on {ResultBuilder.Format(date)}." : $", the latest on {ResultBuilder.Format(date)}.")
                          : count == 1 ? " (date not given)." : " (not every date given, so which was the latest is not known).");
                result.Fact(count == 0 ? FactNames.PreviousLiverResection : FactNames.LiverResections, count == 0 ? "yes" : count.ToString(CultureInfo.InvariantCulture), sentence);
                break;
            default:
                missing.Add(FactNames.PreviousLiverResection);
                break;
        }

        switch (context.HasLiverMetastases)
        {
            case false:
                result.Facts(new[] { context.NoLiverMetastasisFinding });
                return context.NoEvidenceOfDisease
                    ? "There is no current evidence of metastatic disease, so there is no liver recurrence"
                    : "The current metastatic disease includes no liver lesion, so there is no liver recurrence";
            case true:
                var liver = context.LiverLesions.Count;
                var text = liver.ToString(CultureInfo.InvariantCulture);
                var detected = context.Patient.Metastases?.DetectedOn is { } on ? $", detected on {ResultBuilder.Format(on)}" : string.Empty;
                result.Fact(FactNames.Lesions, text, $"{text} liver {(liver == 1 ? "lesion" : "lesions")} recorded{detected}.");
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
                $"The recorded metastases were detected on {ResultBuilder.Format(found)}, not after the liver resection of {ResultBuilder.Format(resected)}.");
            return "The recorded liver lesions precede a liver resection (they are the disease it treated), so no liver recurrence after it is recorded";
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
    /// Says why the patient is not a candidate for a new liver resection, when
    /// <see cref="Indication.LiverResectionCandidacy.Candidate"/> is "no": the candidacy's own basis (an unresectable
    /// lesion, an unfit patient, disease that is not oligometastatic, a short treatment-free interval, …), never a reason
    /// inferred from what is absent.
    /// </summary>
    public static string NotACandidate(EvaluationContext context) => "the patient is not a candidate for a new liver resection (" + context.LiverResection.CandidateBasis + ")";

    /// <summary>
    /// Where a liver recurrence to be treated is addressed: 9.1 and 9.2, and 10.1 (non-surgical local approaches) when the
    /// patient is known not to be a candidate for a new resection — for a recurrence, exactly when 9.1 does not apply
    /// (its criteria are those of candidacy: OMD, the TFI, performance status, resectability, fitness).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <returns>A cross-reference such as "see 9.1 and 9.2".</returns>
    public static string TreatmentCrossReference(EvaluationContext context) =>
        context.LiverResection.Candidate == TriState.No
            ? "see 9.1 and 9.2, and 10.1 for non-surgical local approaches, as a new liver resection is not within 9.1"
            : "see 9.1 and 9.2";

    /// <summary>Joins reasons into one clause list.</summary>
    public static string Join(IEnumerable<string> reasons) => string.Join("; ", reasons.Select(r => r.TrimEnd('.')));
}
