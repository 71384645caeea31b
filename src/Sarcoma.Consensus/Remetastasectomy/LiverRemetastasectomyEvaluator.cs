using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>
/// Recommendation 9.1: in very selected patients with OMD, a treatment-free interval longer than 12–18 months and good
/// performance status, a new liver resection may be considered according to the oncological principles of 6.1–6.5.
/// Population: a liver recurrence after a previous liver resection. Applies when the disease is oligometastatic, the
/// TFI is longer than 12 months (<see cref="RemetastasectomyWindow"/>; with a caution up to 18) and ECOG is at most 1
/// (<see cref="ConsensusOptions.GoodPerformanceStatusMaximumEcog"/>). It does not apply when any of these is known to
/// fail, when a liver lesion is known unresectable, or when the patient is not fit for surgery
/// (<see cref="PreoperativeAssessment.SurgicalFitness"/>); each reason is named.
/// </summary>
internal sealed class LiverRemetastasectomyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public LiverRemetastasectomyEvaluator()
        : base("9.1", LiverRecurrence.Requirements.Concat(Indication.LiverResectionCandidacy.Requirements).Concat(new[]
        {
            FactNames.LastTreatmentEndedOn, FactNames.AdjuvantTherapyAfterFirstLiverResection, FactNames.MetastasesDetectedOn,
            FactNames.Ecog, FactNames.FitForSurgery, FactNames.LesionResectable, FactNames.LesionAblatable,
            FactNames.PreviousAbdominalSurgeries, FactNames.PrimaryResected, FactNames.PrimaryResectable,
            FactNames.StagingContrastCt, FactNames.StagingLiverMri, FactNames.StagingFdgPetCt, FactNames.DiffusePleural,
            FactNames.DiffusePericardial, FactNames.DiffusePeritoneal, FactNames.DiffuseLeptomeningeal,
        }).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var missing = new List<string>();
        if (LiverRecurrence.Check(context, result, missing) is { } outside)
        {
            return result.DoesNotApply(outside + ": a new liver resection for liver recurrence (remetastasectomy) does not arise.");
        }

        var failing = new List<string>();

        var omd = context.Oligometastatic;
        result.Fact(OligometastaticAssessment.ConceptName, omd.Status.ToString().ToLowerInvariant(), omd.Findings[0].Sentence);
        if (omd.Status == TriState.No)
        {
            failing.Add("the disease is not oligometastatic");
        }
        else if (omd.Status == TriState.Unknown)
        {
            missing.AddRange(omd.Missing);
        }

        var window = RemetastasectomyWindow.Assess(context);
        result.Facts(window.Findings);
        switch (window.Position)
        {
            case TreatmentFreeIntervalPosition.BelowRange:
                failing.Add($"the treatment-free interval is not longer than {Months(window.MinimumMonths)}");
                break;
            case TreatmentFreeIntervalPosition.Unknown:
                missing.AddRange(window.Missing);
                if (window.Caution is { } record)
                {
                    result.Caution(record);
                }

                break;
        }

        var maximumEcog = context.Options.GoodPerformanceStatusMaximumEcog;
        var goodStatus = $"ECOG 0–{maximumEcog.ToString(CultureInfo.InvariantCulture)}, as read here";
        if (context.Patient.Clinical.Ecog is { } ecog)
        {
            var text = ecog.ToString(CultureInfo.InvariantCulture);
            if (ecog > maximumEcog)
            {
                failing.Add("performance status is not good");
                result.Fact(FactNames.Ecog, text, $"ECOG performance status {text}: not a good performance status ({goodStatus}).");
            }
            else
            {
                result.Fact(FactNames.Ecog, text, $"ECOG performance status {text}: good performance status ({goodStatus}).");
            }
        }
        else
        {
            missing.Add(FactNames.Ecog);
        }

        // "According to the same oncological principles of recommendations 6.1–6.5": an R0 resection must be feasible.
        var liver = context.LiverLesions;
        var unresectable = liver.Count(l => l.Resectable == false);
        if (unresectable > 0)
        {
            result.Fact(FactNames.LesionResectable, "no", $"{Indication.LiverLesionFacts.SomeAreNot(unresectable, liver.Count, "liver lesion")} amenable to complete surgical resection.");
            failing.Add("not every liver lesion is resectable");
        }

        Indication.IndicationCriteria.Fitness(context, result, failing);

        if (failing.Count > 0)
        {
            return result.DoesNotApply("A new liver resection for this liver recurrence is not within 9.1: " + LiverRecurrence.Join(failing)
                + (failing.Count == 1 && window.Position == TreatmentFreeIntervalPosition.BelowRange
                    ? "; per 9.2 and section 3.9, preoperative systemic treatment comes first, and the tumour board then reassesses a new resection."
                    : "."));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(context.IsLiverRecurrence == true
                    ? "Whether a new liver resection may be considered for this liver recurrence (9.1) cannot be decided yet."
                    : "Whether a new liver resection may be considered for a liver recurrence (9.1) cannot be decided yet.");
        }

        result.Caution("9.1 is for \"very selected patients\": the selection is the multidisciplinary tumour board's judgement, and the panel recommends a very conservative approach to liver recurrence (section 3.9).");
        if (window.Caution is { } boundary)
        {
            result.Caution(boundary);
        }

        if (context.Patient.Treatment.PreviousAbdominalSurgeries is { } surgeries)
        {
            var text = surgeries.ToString(CultureInfo.InvariantCulture);
            result.Fact(
                FactNames.PreviousAbdominalSurgeries,
                text,
                $"{text} previous abdominal {(surgeries == 1 ? "surgery" : "surgeries")}: section 3.9 asks that their number be considered, as morbidity rises and the chance of an R0 resection may fall with each reintervention.");
        }
        else
        {
            result.Fact(FactNames.PreviousAbdominalSurgeries, "unknown", "The number of previous abdominal surgeries is not recorded.");
            result.Caution("The number of previous abdominal surgeries is not recorded; section 3.9 asks that it be considered before reintervention, as morbidity rises and the chance of an R0 resection may fall with each one.");
        }

        if (liver.Any(l => l.Resectable is null))
        {
            result.Caution("The resectability of every liver lesion is not recorded: per 6.2, the feasibility of an R0 resection should be evaluated by an experienced HPB surgeon.");
        }
        else
        {
            result.Fact(FactNames.LesionResectable, "yes", $"{Indication.LiverLesionFacts.SomeAre(liver.Count, liver.Count, "liver lesion")} amenable to complete surgical resection.");
        }

        return result.Applies("Liver recurrence with OMD, a treatment-free interval of " + window.Interval.Describe()
            + " and good performance status: in very selected patients a new liver resection may be considered, according to the same oncological principles as recommendations 6.1–6.5.");
    }

    private static string Months(int months) => months.ToString(CultureInfo.InvariantCulture) + (months == 1 ? " month" : " months");
}
