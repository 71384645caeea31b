using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Recommendation 3.2 (did NOT reach consensus, 62% agreement): the panel voted on the proposal that, in synchronous
/// OMD with induction systemic treatment planned, a biopsy be performed before treatment starts. Applies when the
/// patient is in that scenario (synchronous timing, oligometastatic disease, liver metastases, induction systemic
/// therapy planned, treatment not yet started). It does not apply once systemic treatment has started
/// (<c>treatment.systemicTherapyReceived</c> or <c>treatment.onSystemicTherapy</c>): the proposal concerns a biopsy
/// "prior to treatment initiation". "Planned" with the start unrecorded is read as not yet started, with a caution. The
/// result is shown for information only and is never phrased as advice.
/// </summary>
internal sealed class SynchronousInductionBiopsyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public SynchronousInductionBiopsyEvaluator()
        : base("3.2", new[]
        {
            FactNames.NoEvidenceOfDisease,
            FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn, FactNames.Metastases, FactNames.Lesions,
            FactNames.LesionSite, FactNames.LesionResectable, FactNames.LesionAblatable, FactNames.PrimaryResected,
            FactNames.PrimaryResectable, FactNames.StagingContrastCt, FactNames.StagingLiverMri, FactNames.StagingFdgPetCt,
            FactNames.DiffusePleural, FactNames.DiffusePericardial, FactNames.DiffusePeritoneal,
            FactNames.DiffuseLeptomeningeal, FactNames.InductionTherapyPlanned, FactNames.SystemicTherapyReceived,
            FactNames.OnSystemicTherapy,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var agreement = ("agreement", (object?)Recommendation.Printed.AgreementPercent);
        var timing = context.Timing;
        var omd = context.Oligometastatic;
        var induction = context.Patient.Treatment.InductionTherapyPlanned;
        result.Facts(timing.Findings);
        if (timing.BoundaryCautionMessage is { } boundary)
        {
            result.Caution(boundary);
        }

        result.Facts(context.OligometastaticFinding);
        if (context.HasLiverMetastases == false)
        {
            result.Facts(new[] { context.NoLiverMetastasisFinding });
        }

        result.Fact(FactNames.InductionTherapyPlanned, ResultBuilder.Format(induction), Message.Of("3.2.induction", ("planned", ResultBuilder.Format(induction))));

        var treatment = context.Patient.Treatment;
        var started = treatment.SystemicTherapyReceived == true || treatment.OnSystemicTherapy == true;
        if (started)
        {
            result.Facts(new[] { BiopsyPlan.SystemicTherapyStartedFinding(treatment) });
        }

        // Known facts that rule the scenario out come first.
        if (timing.Timing == MetastasisTiming.Metachronous)
        {
            return NotConcerned("metachronous");
        }

        if (omd.Status == TriState.No)
        {
            return NotConcerned("not-oligometastatic");
        }

        if (context.HasLiverMetastases == false)
        {
            return NotConcerned("no-liver-metastasis");
        }

        if (induction == false)
        {
            return NotConcerned("no-induction");
        }

        if (started)
        {
            return NotConcerned("started");
        }

        if (timing.Timing is null || omd.Status == TriState.Unknown || induction is null)
        {
            result.Missing(timing.Missing).Missing(omd.Missing);
            if (induction is null)
            {
                result.Missing(FactNames.InductionTherapyPlanned);
            }

            return result.Insufficient(Message.Of("3.2.insufficient", agreement));
        }

        if (treatment.SystemicTherapyReceived is null && treatment.OnSystemicTherapy is null)
        {
            result.Caution(Message.Of("3.2.caution.start-not-recorded"));
        }

        result.Caution(Message.Of("3.2.caution.section-3.3"));
        return result.Applies(Message.Of("3.2.applies", agreement, ("yes", Recommendation.Votes.Yes), ("total", Recommendation.Votes.Total)));

        RecommendationResult NotConcerned(string reason) =>
            result.DoesNotApply(Message.Of("3.2.does-not-apply", agreement, ("reason", reason), ("criteria", reason == "not-oligometastatic" ? omd.FailingCriteriaMessages : null)));
    }
}
