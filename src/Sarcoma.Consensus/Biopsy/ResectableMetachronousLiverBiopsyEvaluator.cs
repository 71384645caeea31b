using System;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Recommendation 3.1: in resectable metachronous liver metastases, biopsy should not be mandatory but could be
/// considered if the tumour origin is uncertain or a preoperative systemic treatment approach is proposed.
/// Applies when the patient has resectable metachronous liver metastases — disease for which resection is indicated:
/// metachronous timing, liver lesions present, every liver lesion resectable, and disease not known to be other than
/// oligometastatic (more than five lesions or diffuse sarcomatosis take resection off the indications, 1.1/1.2), and a
/// patient fit for surgery (section 3.3 ties it to "planning a metastasectomy"). The rule is surgical candidacy: a
/// patient known not to be a candidate for any reason is outside 3.1 (the reason named), except a liver recurrence below
/// 9.1's TFI range, whose path is systemic treatment first and reassessment (3.1's "preoperative systemic treatment
/// approach"); an unknown candidacy never makes 3.1 "does not apply". A candidate progressing on systemic therapy gets
/// section 3.11's caution, as 5.3, 8.1 and 11.1 do. The summary says whether a biopsy could be considered
/// (<see cref="BiopsyPlan"/>).
/// </summary>
internal sealed class ResectableMetachronousLiverBiopsyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public ResectableMetachronousLiverBiopsyEvaluator()
        : base("3.1", BiopsyPlan.Requirements.Concat(OligometastaticAssessment.Requirements).Concat(PreoperativeAssessment.SurgicalFitness.Requirements).Concat(Indication.LiverResectionCandidacy.Requirements).Concat(new[] { FactNames.NoEvidenceOfDisease }).Distinct(StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var timing = context.Timing;
        result.Facts(timing.Findings);
        if (timing.BoundaryCautionMessage is { } boundary)
        {
            result.Caution(boundary);
        }

        // Known facts that rule the population out come first, even when other facts are missing.
        var ruledOut = false;
        if (timing.Timing == MetastasisTiming.Synchronous)
        {
            ruledOut = true;
        }

        if (context.HasLiverMetastases == false)
        {
            result.Facts(new[] { context.NoLiverMetastasisFinding });
            ruledOut = true;
        }

        var liver = context.LiverLesions;
        var unresectable = liver.Count(l => l.Resectable == false);
        if (unresectable > 0)
        {
            result.Facts(new[] { BiopsyPlan.NotAllResectableFinding(context) });
            ruledOut = true;
        }

        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            result.Facts(context.OligometastaticFinding);
            ruledOut = true;
        }

        // Section 3.3 ties 3.1 to "planning a metastasectomy": a patient not fit for surgery is not in its population.
        var unfit = context.Fitness.Status == TriState.No && !ruledOut;
        if (unfit)
        {
            result.Facts(context.Fitness.Findings);
            ruledOut = true;
        }

        // The rule (docs/clinical-decisions.md, issue #7): 3.1 follows surgical candidacy. A patient known not to be a
        // candidate for any other reason (a liver recurrence without good performance status, progression when
        // ProgressionOnSystemicTherapyDefersSurgery is set, …) is outside it too, the reason named. The one exception is
        // a liver recurrence whose TFI is below 9.1's range: systemic treatment comes first (9.2) and a new resection is
        // reassessed after it, which is 3.1's "preoperative systemic treatment approach"; it keeps 3.1 with a caution.
        // An unknown candidacy never lands here (rule 1).
        var candidacy = context.LiverResection;
        var notACandidate = !ruledOut && candidacy.Candidate == TriState.No && candidacy.ReassessAfterSystemicTreatment == TriState.No;
        if (notACandidate)
        {
            result.Facts(new[] { candidacy.CandidateFinding });
            ruledOut = true;
        }

        if (ruledOut)
        {
            return result.DoesNotApply(
                notACandidate ? Message.Of("3.1.does-not-apply.not-a-candidate", ("candidateBasis", candidacy.CandidateBasisMessage))
                : unfit ? Message.Of("3.1.does-not-apply.unfit", ("unfitBecause", context.Fitness.UnfitBecauseMessages))
                : timing.Timing == MetastasisTiming.Synchronous ? Message.Of("3.1.does-not-apply.synchronous")
                : context.HasLiverMetastases == false ? Message.Of("3.1.does-not-apply.no-liver-metastasis")
                : unresectable > 0 ? Message.Of("3.1.does-not-apply.not-all-resectable")
                : Message.Of("3.1.does-not-apply.not-oligometastatic", ("criteria", omd.FailingCriteriaMessages)));
        }

        if (timing.Timing is null || context.AllLiverLesionsResectable != true)
        {
            result.Missing(timing.Missing);
            if (context.HasLiverMetastases is null)
            {
                result.Missing(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
            }
            else if (context.AllLiverLesionsResectable is null)
            {
                result.Missing(FactNames.LesionResectable);
            }

            return result.Insufficient(Message.Of("3.1.insufficient"));
        }

        result.Fact(FactNames.LesionResectable, "yes", Message.Of("biopsy.lesions-resectable", ("count", liver.Count)));
        var plan = BiopsyPlan.Assess(context);
        result.Facts(plan.Findings);

        // Here a "no" candidacy can only be a liver recurrence below 9.1's TFI range (reassessed after systemic treatment,
        // or not yet known whether anything else rules a new resection out).
        if (candidacy.Candidate == TriState.No)
        {
            result.Facts(new[] { candidacy.CandidateFinding });
            result.Caution(Message.Of("3.1.caution.not-a-candidate", ("candidateBasis", candidacy.CandidateBasisMessage), ("reassess", candidacy.ReassessAfterSystemicTreatment == TriState.Yes)));
        }

        // Section 3.11: progression on systemic therapy, the caution 5.3, 8.1 and 11.1 carry (a biopsy serves the same plan).
        Indication.IndicationCriteria.CautionIfProgressing(context, result);

        switch (plan.Consider)
        {
            case TriState.Yes:
                result.Caution(Message.Of("3.1.caution.biopsy-risks"));
                return result.Applies(Message.Of("3.1.applies.could-be-considered", ("reasons", BiopsyPlan.JoinAlso("biopsy.and-also", plan.ReasonMessages))));
            case TriState.No:
                // The plan's own clause, worded from the record (a treatment under way, 9.2 after adjuvant chemotherapy), so
                // 3.1 never says "no preoperative treatment" where 9.2 or the current treatment is preoperative.
                return result.Applies(Message.Of("3.1.applies.no-reason", ("reason", plan.NotOnTheTableMessage ?? Message.Of("biopsy.no-reason", ("case", "none")))));
            default:
                return result.Applies(Message.Of("3.1.applies.undetermined", ("notRecorded", FactProse.NotRecordedMessage(plan.Missing))));
        }
    }
}
