using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FollowUp;

/// <summary>
/// Recommendation 13.1: after liver metastasectomy, physical examination, abdominal ultrasound and oral and intravenous
/// contrast-enhanced CT of the chest and abdomen every 3 to 4 months for the first 2 postoperative years, every 6 months
/// through the end of the fifth year, and annually thereafter. Applies when a liver metastasectomy has been done; the
/// calendar (<see cref="FollowUpSchedule"/>) is dated from the latest dated resection and summarised in the findings.
/// When the metastasectomy's date is unknown it still applies — the patient is in the population — but the calendar
/// cannot be dated, and a caution says so (also when an undated resection could be the latest). It does not apply when
/// current liver lesions were detected after the latest metastasectomy (<see cref="EvaluationContext.IsLiverRecurrence"/>):
/// the patient is then not in post-metastasectomy surveillance but has a recurrence to treat (9.1, 9.2); when current
/// liver lesions are recorded and no date says whether they came after the metastasectomy, it needs those dates.
/// </summary>
internal sealed class PostMetastasectomyFollowUpEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    // The phases in 13.1's order, and the finding on the examinations, which carries no patient value (immutable, shared).
    private static readonly FollowUpPhase[] Phases = { FollowUpPhase.FirstTwoYears, FollowUpPhase.ThroughYearFive, FollowUpPhase.Annual };
    private static readonly Finding ExaminationsFinding =
        new(ScheduleName, "examinations", Message.Of("13.1.examinations", ("examinations", FollowUpSchedule.DescribeExaminationsMessage())), source: "13.1");

    private static readonly Message FollowUpNoLiverResectionMessage = new("follow-up.no-liver-resection");
    private static readonly Message NoMetastasectomyMessage = new("13.1.no-metastasectomy");
    private static readonly Message FollowUpMetastasectomyNotRecordedMessage = new("follow-up.metastasectomy-not-recorded");
    private static readonly Message RecurrenceUnknownMessage = new("13.1.recurrence-unknown");
    private static readonly Message DiseaseStatusUnknownMessage = new("13.1.disease-status-unknown");
    private static readonly Message UndatedCautionMessage = new("13.1.undated-caution");
    private static readonly Message AppliesUndatedMessage = new("13.1.applies-undated");

    /// <summary>The name under which the calendar appears in findings.</summary>
    public const string ScheduleName = "derived.followUpSchedule";

    /// <summary>The name under which the next visit appears in findings.</summary>
    public const string NextVisitName = "derived.followUpNextVisit";

    /// <summary>Creates the evaluator.</summary>
    public PostMetastasectomyFollowUpEvaluator()
        : base("13.1", new[]
        {
            FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
            FactNames.MetastasesDetectedOn, FactNames.Lesions, FactNames.LesionSite, FactNames.Metastases, FactNames.NoEvidenceOfDisease,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var patient = context.Patient;
        switch (patient.Treatment.HasPreviousLiverResection)
        {
            case false:
                result.Fact(FactNames.PreviousLiverResection, "no", FollowUpNoLiverResectionMessage);
                return result.DoesNotApply(NoMetastasectomyMessage);
            case null:
                return result.Missing(FactNames.PreviousLiverResection).Insufficient(FollowUpMetastasectomyNotRecordedMessage);
        }

        var count = context.LiverLesions.Count;
        switch (context.IsLiverRecurrence)
        {
            case true:
                var recurred = patient.Metastases!.DetectedOn!.Value;
                var lastResection = context.LatestLiverResectionDate!.Value;
                result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(recurred), Message.Of("13.1.recurrence-detected", ("count", count), ("detected", recurred), ("resected", lastResection)));
                return result.DoesNotApply(Message.Of(
                    "13.1.recurrence",
                    ("detected", recurred),
                    ("resected", lastResection),
                    ("see", Remetastasectomy.LiverRecurrence.TreatmentCrossReferenceMessage(context))));
            case null when context.HasLiverMetastases == true:
                // Current liver lesions besides a metastasectomy, with no date saying whether they came after it: whether
                // the patient is in surveillance or has a recurrence to treat is not known (an unknown date never decides).
                result.Fact(FactNames.Lesions, Count(count), Message.Of("13.1.lesions-beside-metastasectomy", ("count", count)));
                return result.Missing(context.LiverRecurrenceMissing).Insufficient(RecurrenceUnknownMessage);
            case null:
                // No current lesions recorded and no record of freedom from disease: whether the patient is in surveillance
                // or has liver disease to treat is not known (absence of a lesion record is not "no disease").
                result.Fact(FactNames.Lesions, "unknown", Message.Of("follow-up.disease-status-not-recorded", ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing))));
                return result.Missing(context.LiverRecurrenceMissing).Insufficient(DiseaseStatusUnknownMessage);
        }

        var schedule = FollowUpSchedule.ForPatient(context);
        if (schedule is null)
        {
            // An undated resection could be the latest, so the calendar is not dated from the latest dated one.
            result.Fact(FactNames.LiverResectionPerformedOn, "unknown", Message.Of("13.1.undated", ("several", patient.Treatment.LiverResections.Count > 1)));
            result.Caution(UndatedCautionMessage);
            return result.Applies(AppliesUndatedMessage);
        }

        var resectedOn = schedule.MetastasectomyOn;
        result.Fact(FactNames.LiverResectionPerformedOn, ResultBuilder.Format(resectedOn), Message.Of("13.1.dated-from", ("resected", resectedOn)));

        foreach (var phase in Phases)
        {
            var visits = schedule.InPhase(phase);
            if (visits.Count == 0)
            {
                continue;
            }

            var due = new string[visits.Count];
            for (var i = 0; i < due.Length; i++)
            {
                due[i] = ResultBuilder.Format(visits[i].DueOn);
            }

            // Handed over to the message as it is (no copy): nothing else holds the array.
            var dates = ReadOnlyValueList<string>.Wrap(due);
            result.Fact(
                ScheduleName,
                string.Join(", ", due),
                Message.Of(
                    "13.1.phase",
                    ("phase", FollowUpSchedule.DescribeMessage(phase)),
                    ("first", phase == FollowUpPhase.FirstTwoYears),
                    ("annual", phase == FollowUpPhase.Annual),
                    ("years", schedule.HorizonYears),
                    ("count", visits.Count),
                    ("dates", dates)),
                source: "13.1");
        }

        result.Facts(ExaminationsFinding);
        if (schedule.NextVisit is { } next)
        {
            result.Fact(
                NextVisitName,
                ResultBuilder.Format(next.DueOn),
                Message.Of(
                    "13.1.next-visit",
                    ("as-of", context.AsOf),
                    ("number", next.Number),
                    ("month", next.MonthsAfterSurgery),
                    ("due-now", next.Standing == FollowUpVisitStanding.Due),
                    ("due", next.DueOn),
                    ("earliest", next.EarliestOn),
                    ("latest", next.LatestOn),
                    ("past", PastVisits(schedule.Visits))));
        }
        else
        {
            result.Fact(NextVisitName, "none", Message.Of("13.1.schedule-complete", ("as-of", context.AsOf), ("years", schedule.HorizonYears)));
        }

        if (context.RecurrenceAfterMetastasectomyDetectedOn is { } detected)
        {
            // Liver lesions after the metastasectomy were ruled out above: these are metastases outside the liver.
            result.Caution(Message.Of("13.1.extrahepatic-recurrence", ("detected", detected)));
        }

        return result.Applies(Message.Of("13.1.applies", ("resected", resectedOn)));
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int PastVisits(IReadOnlyList<FollowUpVisit> visits)
    {
        var past = 0;
        for (var i = 0; i < visits.Count; i++)
        {
            if (visits[i].Standing == FollowUpVisitStanding.Past)
            {
                past++;
            }
        }

        return past;
    }
}
