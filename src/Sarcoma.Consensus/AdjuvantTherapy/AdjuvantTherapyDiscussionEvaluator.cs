using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

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
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly string LargeMetastasisThreshold = ResultBuilder.Format(Indication.PrognosticProfile.LargeMetastasisAboveMm) + " mm";
    private static readonly Message AdjuvantTherapyPrimaryNotResectedMessage = new("adjuvant-therapy.primary-not-resected");
    private static readonly Message AdjuvantTherapyPrimaryNotResectedReasonMessage = new("adjuvant-therapy.primary-not-resected.reason");
    private static readonly Message AdjuvantTherapyNoLiverResectionMessage = new("adjuvant-therapy.no-liver-resection");
    private static readonly Message AdjuvantTherapyNoLiverResectionReasonMessage = new("adjuvant-therapy.no-liver-resection.reason");
    private static readonly Message AdjuvantTherapyCannotBeRecommendedMessage = new("adjuvant-therapy.cannot-be-recommended");
    private static readonly Message AdjuvantTherapyHistotypeUnknownMessage = new("adjuvant-therapy.histotype-unknown");

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
            FactNames.NoEvidenceOfDisease, FactNames.Metastases, FactNames.AdjuvantTherapyAfterFirstLiverResection,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var patient = context.Patient;
        var failing = new List<Message>();
        var missing = new List<string>();

        switch (patient.Primary?.Resected)
        {
            case true:
                var resectedOn = patient.Primary.ResectedOn;
                result.Fact(FactNames.PrimaryResected, "yes", Message.Of("adjuvant-therapy.primary-resected", ("dated", resectedOn is not null), ("resectedOn", resectedOn)));
                break;
            case false:
                result.Fact(FactNames.PrimaryResected, "no", AdjuvantTherapyPrimaryNotResectedMessage);
                failing.Add(AdjuvantTherapyPrimaryNotResectedReasonMessage);
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
                    Message.Of("adjuvant-therapy.liver-resected", ("count", count), ("dated", latest is not null), ("latest", latest)));
                break;
            case false:
                result.Fact(FactNames.PreviousLiverResection, "no", AdjuvantTherapyNoLiverResectionMessage);
                failing.Add(AdjuvantTherapyNoLiverResectionReasonMessage);
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
                result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(recurred), Message.Of("adjuvant-therapy.liver-recurrence", ("detectedOn", recurred), ("resectedOn", lastResection)));
                failing.Add(Message.Of(
                    "adjuvant-therapy.liver-recurrence.reason",
                    ("crossReference", Remetastasectomy.LiverRecurrence.TreatmentCrossReferenceMessage(context))));
                break;
            case null when patient.Treatment.HasPreviousLiverResection == true && context.HasLiverMetastases == true:
                // Current liver lesions and a previous resection, but no date says whether they came after it: an
                // unknown date never decides "recurrence" (the liver disease may still be unresected).
                result.Fact(FactNames.Lesions, Count(context.LiverLesions.Count), Message.Of("adjuvant-therapy.recurrence-unknown", ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing))));
                missing.AddRange(context.LiverRecurrenceMissing);
                break;
            case null when patient.Treatment.HasPreviousLiverResection == true:
                // A previous liver resection, but neither current liver lesions nor freedom from disease recorded: whether
                // the liver metastases are all resected now is not known (absence of a lesion record is not "none").
                result.Fact(FactNames.Lesions, "unknown", Message.Of("follow-up.disease-status-not-recorded", ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing))));
                missing.AddRange(context.LiverRecurrenceMissing);
                break;
        }

        if (failing.Count > 0)
        {
            // A single reason gets its own summary code (same sentence), so the short line and the card can name it
            // rather than point at the summary (issue #7, fifth read F11).
            var code = failing.Count == 1 ? "12.1.does-not-apply." + failing[0].Code.Substring("adjuvant-therapy.".Length).Replace(".reason", string.Empty) : "12.1.does-not-apply";
            return result.DoesNotApply(Message.Of(code, ("reasons", failing)));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(Message.Of(!missing.All(m => context.LiverRecurrenceMissing.Contains(m))
                    ? "12.1.insufficient.resections-unknown"
                    : context.HasLiverMetastases == true
                        ? "12.1.insufficient.recurrence-unknown"
                        : "12.1.insufficient.disease-status-unknown"));
        }

        RiskFactors(context, result);
        result.Caution(AdjuvantTherapyCannotBeRecommendedMessage);
        if (context.RecurrenceAfterMetastasectomyDetectedOn is { } detected)
        {
            // Liver lesions after the metastasectomy were ruled out above: these are metastases outside the liver.
            result.Caution(Message.Of("adjuvant-therapy.extrahepatic-recurrence", ("detectedOn", detected)));
        }

        // What decided it, said in the reason: both resected, no current liver disease, and whether adjuvant therapy was
        // given (recorded, not recorded): the discussion 12.1 asks for is still open unless it was.
        var adjuvant = patient.Treatment.AdjuvantTherapyAfterFirstLiverResection;
        result.Fact(
            FactNames.AdjuvantTherapyAfterFirstLiverResection,
            adjuvant switch { true => "yes", false => "no", _ => "unknown" },
            Message.Of("adjuvant-therapy.adjuvant-status", ("given", adjuvant)));
        return result.Applies(Message.Of("12.1.applies", ("adjuvant", adjuvant)));
    }

    private static void RiskFactors(EvaluationContext context, ResultBuilder result)
    {
        var patient = context.Patient;
        if (patient.Primary?.Histology is { } histology)
        {
            result.Fact(
                FactNames.PrimaryHistology,
                histology.Code,
                Message.Of("adjuvant-therapy.histotype", ("histology", histology.Name), ("chemosensitive", histology.NamedChemosensitive)),
                source: "section 3.9");
        }
        else
        {
            result.Fact(FactNames.PrimaryHistology, "unknown", AdjuvantTherapyHistotypeUnknownMessage);
        }

        if (patient.Primary?.Grade is { } grade)
        {
            var number = (int)grade;
            result.Fact(FactNames.PrimaryGrade, "G" + Count(number), Message.Of("adjuvant-therapy.grade", ("grade", number)));
        }

        var margins = patient.Treatment.LiverResections
            .Where(r => r.Margin is not null)
            .OrderBy(r => r.PerformedOn)
            .ToArray();
        if (margins.Length > 0)
        {
            result.Fact(
                FactNames.LiverResectionMargin,
                string.Join(", ", margins.Select(r => r.Margin!.Value + (r.PerformedOn is { } d ? $" ({ResultBuilder.Format(d)})" : string.Empty))),
                Message.Of("adjuvant-therapy.margins", ("margins", margins.Select(r => Message.Of("adjuvant-therapy.margin", ("margin", r.Margin!.Value.ToString()), ("dated", r.PerformedOn is not null), ("performedOn", r.PerformedOn))))),
                source: "section 3.5");
        }

        var dfi = context.DiseaseFreeInterval;
        var detectedOn = patient.Metastases?.DetectedOn;
        // The latest metastasectomy dated before the detection (undated ones never count).
        LocalDate? earlierMetastasectomy = null;
        if (detectedOn is { } found)
        {
            var resections = patient.Treatment.LiverResections;
            for (var i = 0; i < resections.Count; i++)
            {
                if (resections[i].PerformedOn is { } on && on < found && (earlierMetastasectomy is null || on > earlierMetastasectomy))
                {
                    earlierMetastasectomy = on;
                }
            }
        }

        if (earlierMetastasectomy is { } previous && detectedOn is { } relapse)
        {
            // A relapse after an earlier metastasectomy: the DFI from the primary describes only the first metastatic relapse.
            var interval = Remetastasectomy.MetastasectomyInterval.Between(previous, relapse);
            result.Fact(
                IntervalSinceMetastasectomyName,
                Count(interval.CompletedMonths),
                Message.Of(
                    "adjuvant-therapy.interval-since-metastasectomy",
                    ("detectedOn", relapse),
                    ("interval", interval.DescribeMessage()),
                    ("metastasectomyOn", previous),
                    ("dfi", dfi.DescribeMessage())),
                source: "section 3.9");
        }
        else if (dfi.IsKnown)
        {
            result.Fact(
                DiseaseFreeIntervalName,
                Count(dfi.CompletedMonths!.Value),
                Message.Of("adjuvant-therapy.dfi", ("dfi", dfi.SentenceMessage())),
                threshold: "6 months",
                source: "section 3.5");
        }

        var liver = context.LiverLesions;
        decimal? largestSize = null;
        for (var i = 0; i < liver.Count; i++)
        {
            if (liver[i].SizeMm is { } size && (largestSize is null || size > largestSize))
            {
                largestSize = size;
            }
        }

        if (largestSize is { } largest)
        {
            var large = largest > Indication.PrognosticProfile.LargeMetastasisAboveMm;
            result.Fact(
                FactNames.LesionSizeMm,
                ResultBuilder.Format(largest),
                Message.Of("adjuvant-therapy.largest-metastasis", ("sizeMm", largest), ("large", large)),
                large ? ">" : "≤",
                LargeMetastasisThreshold,
                "section 3.5");
        }

        var extrahepatic = context.ExtrahepaticLesions.Count;
        if (context.Lesions.Count > 0)
        {
            result.Fact(
                FactNames.LesionSite,
                extrahepatic == 0 ? "liver only" : Count(extrahepatic) + " extrahepatic",
                Message.Of("adjuvant-therapy.extrahepatic-lesions", ("count", extrahepatic)),
                source: extrahepatic == 0 ? null : "section 3.5");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
