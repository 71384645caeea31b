using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

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
                result.Fact(FactNames.PreviousLiverResection, "no", "No liver resection has been done.");
                return result.DoesNotApply("No liver metastasectomy has been done: post-metastasectomy follow-up does not arise.");
            case null:
                return result.Missing(FactNames.PreviousLiverResection)
                    .Insufficient("Whether a liver metastasectomy has been done is not recorded.");
        }

        var count = context.LiverLesions.Count;
        var lesions = $"{Count(count)} liver {(count == 1 ? "lesion" : "lesions")}";
        switch (context.IsLiverRecurrence)
        {
            case true:
                var recurred = patient.Metastases!.DetectedOn!.Value;
                var lastResection = context.LatestLiverResectionDate!.Value;
                result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(recurred), $"{Capitalise(lesions)} detected on {ResultBuilder.Format(recurred)}, after the latest liver metastasectomy ({ResultBuilder.Format(lastResection)}).");
                return result.DoesNotApply($"Liver lesions were detected on {ResultBuilder.Format(recurred)}, after the latest liver metastasectomy ({ResultBuilder.Format(lastResection)}): the patient is not in post-metastasectomy surveillance but has a recurrence to treat ({Remetastasectomy.LiverRecurrence.TreatmentCrossReference(context)}), and the 13.1 calendar restarts from any new metastasectomy.");
            case null when context.HasLiverMetastases == true:
                // Current liver lesions besides a metastasectomy, with no date saying whether they came after it: whether
                // the patient is in surveillance or has a recurrence to treat is not known (an unknown date never decides).
                result.Fact(FactNames.Lesions, Count(count), $"{Capitalise(lesions)} recorded besides a previous liver metastasectomy; whether they were detected after it is not known.");
                return result.Missing(context.LiverRecurrenceMissing)
                    .Insufficient("Whether the current liver lesions are a recurrence after the metastasectomy (to be treated) or the disease it treated is not known, so whether post-metastasectomy surveillance applies cannot be decided.");
        }

        const string Directive = "physical examination, abdominal ultrasound and (oral and intravenous) contrast-enhanced CT of the chest and abdomen every 3 to 4 months for the first 2 postoperative years, every 6 months through the end of the fifth year, and annually thereafter";
        var schedule = FollowUpSchedule.ForPatient(context);
        if (schedule is null)
        {
            // An undated resection could be the latest, so the calendar is not dated from the latest dated one.
            result.Fact(FactNames.LiverResectionPerformedOn, "unknown", patient.Treatment.LiverResections.Count > 1
                ? "Liver metastasectomies are recorded, not all of them dated: which was the latest is not known."
                : "A liver metastasectomy is recorded, without its date.");
            result.Caution("The follow-up calendar cannot be dated until the date of the latest metastasectomy is known (every liver resection dated).");
            return result.Applies("After liver metastasectomy the patient should be evaluated by " + Directive + "; the visit dates cannot be computed until the date of the latest metastasectomy is recorded.");
        }

        var resectedOn = ResultBuilder.Format(schedule.MetastasectomyOn);
        result.Fact(FactNames.LiverResectionPerformedOn, resectedOn, $"Latest liver metastasectomy on {resectedOn}: follow-up is dated from it.");

        foreach (var phase in new[] { FollowUpPhase.FirstTwoYears, FollowUpPhase.ThroughYearFive, FollowUpPhase.Annual })
        {
            var visits = schedule.InPhase(phase);
            if (visits.Count == 0)
            {
                continue;
            }

            var dates = string.Join(", ", visits.Select(v => ResultBuilder.Format(v.DueOn)));
            var window = phase == FollowUpPhase.FirstTwoYears
                ? "each may be held up to 1 month after its due date: 3 to 4 months apart when each visit is held on its due date"
                : "each within 1 month either side of its due date";
            var horizon = phase == FollowUpPhase.Annual
                ? $" (13.1 sets no end; shown to year {Count(schedule.HorizonYears)})"
                : string.Empty;
            result.Fact(
                ScheduleName,
                dates,
                $"{Capitalise(FollowUpSchedule.Describe(phase))}{horizon}: {Count(visits.Count)} {(visits.Count == 1 ? "visit" : "visits")} due {dates} ({window}).");
        }

        result.Fact(ScheduleName, "examinations", "At every visit: " + FollowUpSchedule.DescribeExaminations() + ".");
        if (schedule.NextVisit is { } next)
        {
            var past = schedule.Visits.Count(v => v.Standing == FollowUpVisitStanding.Past);
            var standing = next.Standing == FollowUpVisitStanding.Due ? "due now" : "next";
            var passed = past switch
            {
                0 => string.Empty,
                1 => "; the window of the first visit has passed",
                _ => $"; the windows of the {Count(past)} earlier visits have passed",
            };
            result.Fact(
                NextVisitName,
                ResultBuilder.Format(next.DueOn),
                $"As of {ResultBuilder.Format(context.AsOf)}, visit {Count(next.Number)} (month {Count(next.MonthsAfterSurgery)}) is {standing}: due {ResultBuilder.Format(next.DueOn)}, window {ResultBuilder.Format(next.EarliestOn)} to {ResultBuilder.Format(next.LatestOn)}{passed}.");
        }
        else
        {
            result.Fact(NextVisitName, "none", $"As of {ResultBuilder.Format(context.AsOf)}, every visit to year {Count(schedule.HorizonYears)} is past; 13.1 continues annual follow-up thereafter.");
        }

        if (context.RecurrenceAfterMetastasectomyDetectedOn is { } detected)
        {
            // Liver lesions after the metastasectomy were ruled out above: these are metastases outside the liver.
            result.Caution($"Metastases outside the liver were detected on {ResultBuilder.Format(detected)}, after the latest metastasectomy: surveillance gives way to treatment of the recurrence, and the calendar restarts from any new metastasectomy.");
        }

        return result.Applies($"After liver metastasectomy (latest on {resectedOn}) the patient should be evaluated by " + Directive + ".");
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
