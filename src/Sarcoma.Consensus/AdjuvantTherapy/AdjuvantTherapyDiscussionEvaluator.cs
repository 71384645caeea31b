using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.AdjuvantTherapy;

/// <summary>
/// Recommendation 12.1 (process): for patients whose primary tumour and liver metastases have been resected, the
/// recommendation of adjuvant systemic treatment should be discussed in a multidisciplinary meeting, taking existing
/// risk factors into account. Applies when the primary is resected and a liver resection is recorded; does not apply
/// when either is known not to have happened, or when current liver lesions were detected after the latest liver
/// resection (<see cref="EvaluationContext.IsLiverRecurrence"/>: the liver metastases are not all resected now — the
/// recurrence is to be treated, 9.1 and 9.2). The risk and prognostic factors the guideline names (histotype and its
/// predicted chemosensitivity, grade, resection margin, disease-free interval, size and extrahepatic disease; sections
/// 3.5 and 3.12) are reported for the discussion; when the metastases followed an earlier liver metastasectomy, the
/// interval since that metastasectomy is reported instead of the DFI from the primary, which describes only the first
/// metastatic relapse.
/// </summary>
internal sealed class AdjuvantTherapyDiscussionEvaluator : RecommendationEvaluator
{
    /// <summary>The name under which the disease-free interval appears in findings.</summary>
    public const string DiseaseFreeIntervalName = "derived.diseaseFreeInterval";

    /// <summary>The name under which the interval from an earlier liver metastasectomy to a later relapse appears in findings.</summary>
    public const string IntervalSinceMetastasectomyName = "derived.intervalSinceLiverMetastasectomy";

    /// <summary>Creates the evaluator.</summary>
    public AdjuvantTherapyDiscussionEvaluator()
        : base("12.1", new[]
        {
            FactNames.PrimaryResected, FactNames.PrimaryResectedOn, FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
            FactNames.LiverResectionMargin, FactNames.PrimaryHistology, FactNames.PrimaryGrade, FactNames.PrimaryDiagnosedOn,
            FactNames.MetastasesDetectedOn, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSizeMm,
            FactNames.NoEvidenceOfDisease, FactNames.Metastases,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var patient = context.Patient;
        var failing = new List<string>();
        var missing = new List<string>();

        switch (patient.Primary?.Resected)
        {
            case true:
                var on = patient.Primary.ResectedOn is { } date ? $" on {ResultBuilder.Format(date)}" : string.Empty;
                result.Fact(FactNames.PrimaryResected, "yes", $"Primary tumour resected{on}.");
                break;
            case false:
                result.Fact(FactNames.PrimaryResected, "no", "Primary tumour not resected (in place).");
                failing.Add("the primary tumour has not been resected");
                break;
            default:
                missing.Add(FactNames.PrimaryResected);
                break;
        }

        var resections = patient.Treatment.LiverResections;
        switch (patient.Treatment.HasPreviousLiverResection)
        {
            case true:
                var latest = context.LatestLiverResectionDate;
                var count = resections.Count;
                result.Fact(
                    count == 0 ? FactNames.PreviousLiverResection : FactNames.LiverResections,
                    count == 0 ? "yes" : Count(count),
                    (count <= 1 ? "Liver metastases resected" : $"{Count(count)} liver resections")
                        + (latest is { } last ? (count <= 1 ? $" on {ResultBuilder.Format(last)}." : $", the latest on {ResultBuilder.Format(last)}.") : " (date not recorded)."));
                break;
            case false:
                result.Fact(FactNames.PreviousLiverResection, "no", "No liver resection has been done.");
                failing.Add("the liver metastases have not been resected");
                break;
            default:
                missing.Add(FactNames.PreviousLiverResection);
                break;
        }

        switch (context.IsLiverRecurrence)
        {
            case true:
                var recurred = patient.Metastases!.DetectedOn!.Value;
                var lastResection = context.LatestLiverResectionDate!.Value;
                result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(recurred), $"Liver lesions detected on {ResultBuilder.Format(recurred)}, after the latest liver resection ({ResultBuilder.Format(lastResection)}).");
                failing.Add($"the liver metastases are not all resected now, as the current liver lesions are a recurrence after the latest liver resection, to be treated first ({Remetastasectomy.LiverRecurrence.TreatmentCrossReference(context)}); the adjuvant question arises again once it is resected");
                break;
            case null when patient.Treatment.HasPreviousLiverResection == true && context.HasLiverMetastases == true:
                // Current liver lesions and a previous resection, but no date says whether they came after it: an
                // unknown date never decides "recurrence" (the liver disease may still be unresected).
                result.Fact(FactNames.Lesions, Count(context.LiverLesions.Count), $"Current liver lesions are recorded besides a previous liver resection; whether they were detected after it is not known ({FactProse.NotRecorded(context.LiverRecurrenceMissing)}).");
                missing.AddRange(context.LiverRecurrenceMissing);
                break;
        }

        if (failing.Count > 0)
        {
            return result.DoesNotApply("Adjuvant treatment after resection of the primary and the liver metastases does not arise: " + string.Join("; ", failing) + ".");
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(missing.All(m => context.LiverRecurrenceMissing.Contains(m))
                    ? "Whether the liver metastases are all resected now is not known: current liver lesions are recorded beside the previous liver resection, and no date says whether they came after it."
                    : "Whether both the primary tumour and the liver metastases have been resected is not known.");
        }

        RiskFactors(context, result);
        result.Caution("Section 3.12: the panel holds that adjuvant chemotherapy in this setting cannot be formally recommended or discouraged; prognostic nomograms for localised sarcoma are not validated in the (oligo)metastatic setting and cannot guide the decision.");
        if (context.RecurrenceAfterMetastasectomyDetectedOn is { } detected)
        {
            // Liver lesions after the metastasectomy were ruled out above: these are metastases outside the liver.
            result.Caution($"Metastases outside the liver were detected on {ResultBuilder.Format(detected)}, after the latest liver resection: the liver metastases are resected, but this recurrence is to be treated, and the adjuvant decision arises again after it is.");
        }

        return result.Applies("Primary tumour and liver metastases resected: whether to recommend adjuvant systemic treatment should be discussed in a multidisciplinary meeting, taking existing risk factors into account.");
    }

    private static void RiskFactors(EvaluationContext context, ResultBuilder result)
    {
        var patient = context.Patient;
        if (patient.Primary?.Histology is { } histology)
        {
            result.Fact(
                FactNames.PrimaryHistology,
                histology.Code,
                histology.NamedChemosensitive
                    ? $"Histotype: {histology.Name}, which the guideline names as highly chemosensitive (section 3.9)."
                    : $"Histotype: {histology.Name}; its predicted chemosensitivity is for the meeting to weigh (the guideline names leiomyosarcoma as highly chemosensitive, section 3.9).");
        }
        else
        {
            result.Fact(FactNames.PrimaryHistology, "unknown", "Histotype not recorded: its predicted chemosensitivity cannot be reported.");
        }

        if (patient.Primary?.Grade is { } grade)
        {
            var number = ((int)grade).ToString(CultureInfo.InvariantCulture);
            result.Fact(FactNames.PrimaryGrade, "G" + number, $"Histologic grade G{number}.");
        }

        var margins = patient.Treatment.LiverResections
            .Where(r => r.Margin is not null)
            .OrderBy(r => r.PerformedOn)
            .Select(r => r.Margin!.Value + (r.PerformedOn is { } d ? $" ({ResultBuilder.Format(d)})" : string.Empty))
            .ToArray();
        if (margins.Length > 0)
        {
            result.Fact(FactNames.LiverResectionMargin, string.Join(", ", margins), "Liver resection margin " + string.Join(", ", margins) + "; section 3.5 associates an R2 resection with decreased survival.");
        }

        var dfi = context.DiseaseFreeInterval;
        var detectedOn = patient.Metastases?.DetectedOn;
        LocalDate? earlierMetastasectomy = detectedOn is { } found
            ? patient.Treatment.LiverResections.Where(r => r.PerformedOn < found).Select(r => r.PerformedOn).Max()
            : null;
        if (earlierMetastasectomy is { } previous && detectedOn is { } relapse)
        {
            // A relapse after an earlier metastasectomy: the DFI from the primary describes only the first metastatic relapse.
            var interval = Remetastasectomy.MetastasectomyInterval.Between(previous, relapse);
            result.Fact(
                IntervalSinceMetastasectomyName,
                interval.CompletedMonths.ToString(CultureInfo.InvariantCulture),
                $"The metastases recorded as detected on {ResultBuilder.Format(relapse)} relapsed {interval.Describe()} after the liver metastasectomy of {ResultBuilder.Format(previous)}: that interval describes this relapse (section 3.9); the DFI from the primary ({dfi.Describe()}) describes only the first metastatic relapse and is not read here as favourable.");
        }
        else if (dfi.IsKnown)
        {
            result.Fact(DiseaseFreeIntervalName, dfi.CompletedMonths!.Value.ToString(CultureInfo.InvariantCulture), dfi.Sentence() + " Section 3.5: a DFI of more than 6 months is a favourable prognostic factor after hepatic resection.");
        }

        var liver = context.LiverLesions;
        if (liver.Any(l => l.SizeMm is not null))
        {
            var largest = liver.Where(l => l.SizeMm is not null).Max(l => l.SizeMm!.Value);
            result.Fact(
                FactNames.LesionSizeMm,
                ResultBuilder.Format(largest),
                $"Largest liver metastasis {ResultBuilder.Format(largest)} mm" + (largest > Indication.PrognosticProfile.LargeMetastasisAboveMm ? " (more than 10 cm: associated with decreased survival, section 3.5)." : "."));
        }

        var extrahepatic = context.ExtrahepaticLesions.Count;
        if (context.Lesions.Count > 0)
        {
            result.Fact(
                FactNames.LesionSite,
                extrahepatic == 0 ? "liver only" : Count(extrahepatic) + " extrahepatic",
                extrahepatic == 0 ? "Metastatic disease confined to the liver." : $"{Count(extrahepatic)} extrahepatic metastatic {(extrahepatic == 1 ? "lesion" : "lesions")} (section 3.5: extrahepatic disease is associated with decreased survival).");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
