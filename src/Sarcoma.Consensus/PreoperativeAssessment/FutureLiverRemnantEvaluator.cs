using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.PreoperativeAssessment;

/// <summary>
/// Recommendation 7.1: when a major hepatectomy is planned, the future liver remnant (FLR) should be assessed
/// preoperatively following the experience of other contexts of major hepatectomy. Applies when a major hepatectomy
/// is planned, unless the patient is known not to be a candidate for liver surgery (then, as for 7.2, the planned
/// resection is outside the consensus indications, flagged on 5.1, and the work-up is not offered as an action; an
/// unknown candidacy keeps 7.1 applying); reports the <see cref="FutureLiverRemnantAssessment"/> (adequate, needs evaluation, inadequate, or
/// not yet measured) as findings and cautions.
/// </summary>
internal sealed class FutureLiverRemnantEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    // The findings on the plan, one per value, shared by every evaluation (immutable).
    private static readonly TriStateFindings MajorHepatectomyPlannedFindings = new(FactNames.MajorHepatectomyPlanned, "7.1.major-hepatectomy-planned", "planned");
    private static readonly Message PlannedWithoutLiverMetastasisMessage = new("7.1.planned-without-liver-metastasis");
    private static readonly Message NotPlannedMessage = new("7.1.not-planned");
    private static readonly Message InsufficientMessage = new("7.1.insufficient");

    /// <summary>Creates the evaluator.</summary>
    public FutureLiverRemnantEvaluator()
        : base("7.1", Indication.LiverResectionCandidacy.Requirements.Concat(new[] { FactNames.MajorHepatectomyPlanned, FactNames.FutureLiverRemnantPercent, FactNames.ExtensivePriorChemotherapy }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var plan = context.Patient.LiverSurgery;
        if (context.HasLiverMetastases == false)
        {
            // No liver metastasis, no hepatectomy for it: a recorded plan cannot make 7.1 apply here, or removing the plan
            // from the record would turn "applies" into "does not apply".
            result.Facts(context.NoLiverMetastasisFinding);
            if (plan.MajorHepatectomyPlanned == true)
            {
                result.Caution(PlannedWithoutLiverMetastasisMessage);
            }

            return result.DoesNotApply(Message.Of("7.1.no-liver-metastasis", ("noEvidenceOfDisease", context.NoEvidenceOfDisease)));
        }

        switch (plan.MajorHepatectomyPlanned)
        {
            case false:
                result.Facts(MajorHepatectomyPlannedFindings.For(false));
                return result.DoesNotApply(NotPlannedMessage);
            case null:
                // Even outside the indications a planned major hepatectomy makes 7.1 apply (its population is "when
                // planning a major hepatectomy"): an unrecorded plan leaves it undecided, never "does not apply".
                return result.Missing(FactNames.MajorHepatectomyPlanned)
                    .Insufficient(InsufficientMessage);
        }

        result.Facts(MajorHepatectomyPlannedFindings.For(true));
        if (context.LiverResection.Status != TriState.Yes && context.LiverResection.OutsideIndicationsFlagMessage is { } flag)
        {
            // 7.1's population is a planned major hepatectomy, whatever the indications ("When planning a major hepatectomy"):
            // the FLR is a safety prerequisite of the planned operation, not an endorsement of it, so a patient known not to
            // be a candidate keeps 7.1 with the flag first (issue #7, fourth read: "does not apply" here contradicted 7.1's
            // population; the third read's objection, an unconditional work-up action, is met by the report's "If the
            // board nevertheless proceeds" group).
            result.Caution(flag);
        }

        var flr = FutureLiverRemnantAssessment.Assess(plan, context.Options);
        result.Facts(flr.Findings);
        if (flr.CautionMessage is { } caution)
        {
            result.Caution(caution);
        }

        // Preoperative chemotherapy (11.1) would change the reading: after extensive chemotherapy 30–40 % needs evaluation.
        var options = context.Options;
        if (plan.ExtensivePriorChemotherapy == false && plan.FutureLiverRemnantPercent is { } percent
            && percent >= options.NormalLiverMinimumFlrPercent && percent <= options.ChemotherapyLiverEvaluationCeilingFlrPercent)
        {
            result.Caution(Message.Of(
                "7.1.reassess-after-chemotherapy",
                ("floor", options.ChemotherapyLiverMinimumFlrPercent),
                ("ceiling", options.ChemotherapyLiverEvaluationCeilingFlrPercent),
                ("percent", percent)));
        }

        Indication.LiverSurgeryGate.CandidacyCautions(context, result);
        return result.Applies(Message.Of("7.1.applies", ("conclusion", flr.ConclusionMessage)));
    }
}
