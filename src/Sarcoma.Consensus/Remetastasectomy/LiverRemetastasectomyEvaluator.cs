using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

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
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message AgainstNotOligometastaticMessage = new("9.1.against.not-oligometastatic");
    private static readonly Message AgainstPerformanceStatusMessage = new("9.1.against.performance-status");
    private static readonly Message AgainstNotResectableMessage = new("9.1.against.not-resectable");
    private static readonly Message VerySelectedMessage = new("9.1.very-selected");
    private static readonly Message PreviousAbdominalSurgeriesUnknownMessage = new("9.1.previous-abdominal-surgeries-unknown");
    private static readonly Message PreviousAbdominalSurgeriesUnknownCautionMessage = new("9.1.previous-abdominal-surgeries-unknown-caution");
    private static readonly Message ResectabilityNotRecordedMessage = new("9.1.resectability-not-recorded");

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
            return result.DoesNotApply(Message.Of("9.1.not-a-recurrence", ("reason", outside)));
        }

        var failing = new List<Message>();

        var omd = context.Oligometastatic;
        result.Facts(context.OligometastaticFinding);
        if (omd.Status == TriState.No)
        {
            failing.Add(AgainstNotOligometastaticMessage);
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
                failing.Add(Message.Of("9.1.against.short-tfi", ("minimum", window.MinimumMonths)));
                break;
            case TreatmentFreeIntervalPosition.Unknown:
                missing.AddRange(window.Missing);
                if (window.CautionMessage is { } record)
                {
                    result.Caution(record);
                }

                break;
        }

        var maximumEcog = context.Options.GoodPerformanceStatusMaximumEcog;
        if (context.Patient.Clinical.Ecog is { } ecog)
        {
            var good = ecog <= maximumEcog;
            if (!good)
            {
                failing.Add(AgainstPerformanceStatusMessage);
            }

            // The same reading as the fitness assessment's (one message code), so it appears once.
            result.Facts(PreoperativeAssessment.SurgicalFitness.PerformanceStatusFinding(ecog, maximumEcog));
        }
        else
        {
            missing.Add(FactNames.Ecog);
        }

        // "According to the same oncological principles of recommendations 6.1–6.5": an R0 resection must be feasible.
        var liver = context.LiverLesions;
        var unresectable = 0;
        var resectabilityUnknown = false;
        for (var i = 0; i < liver.Count; i++)
        {
            unresectable += liver[i].Resectable == false ? 1 : 0;
            resectabilityUnknown |= liver[i].Resectable is null;
        }

        if (unresectable > 0)
        {
            result.Fact(FactNames.LesionResectable, "no", Message.Of("indication.candidacy.not-resectable", ("count", unresectable), ("total", liver.Count), ("all", unresectable == liver.Count)));
            failing.Add(AgainstNotResectableMessage);
        }

        var unfit = new List<Message>();
        Indication.IndicationCriteria.Fitness(context, result, unfit);
        Indication.IndicationCriteria.Progression(context, result, unfit);
        failing.AddRange(unfit);

        if (failing.Count > 0)
        {
            return result.DoesNotApply(Message.Of(
                "9.1.does-not-apply",
                ("reasons", failing),
                ("short-tfi-only", failing.Count == 1 && window.Position == TreatmentFreeIntervalPosition.BelowRange)));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing).Insufficient(Message.Of("9.1.insufficient", ("recurrence", context.IsLiverRecurrence == true)));
        }

        result.Caution(VerySelectedMessage);
        if (window.CautionMessage is { } boundary)
        {
            result.Caution(boundary);
        }

        if (context.Patient.Treatment.PreviousAbdominalSurgeries is { } surgeries)
        {
            result.Fact(FactNames.PreviousAbdominalSurgeries, surgeries.ToString(CultureInfo.InvariantCulture), Message.Of("9.1.previous-abdominal-surgeries", ("count", surgeries)), source: "section 3.9");
        }
        else
        {
            result.Fact(FactNames.PreviousAbdominalSurgeries, "unknown", PreviousAbdominalSurgeriesUnknownMessage);
            result.Caution(PreviousAbdominalSurgeriesUnknownCautionMessage);
        }

        if (resectabilityUnknown)
        {
            result.Caution(ResectabilityNotRecordedMessage);
        }
        else
        {
            result.Fact(FactNames.LesionResectable, "yes", Message.Of("indication.liver-lesions-resectable", ("total", liver.Count)));
        }

        var tfi = MetastasectomyInterval.LengthMessage(window.Interval.CompletedMonths ?? 0, window.Interval.ExtraDays ?? 0);
        return result.Applies(Message.Of("9.1.applies", ("tfi", tfi)));
    }
}
