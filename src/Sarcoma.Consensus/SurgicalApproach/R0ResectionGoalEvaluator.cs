using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Recommendation 6.1: the primary goal of resecting sarcoma liver metastases should be an R0 resection
/// (microscopically negative margins). Applies whenever liver resection is on the table
/// (<see cref="LiverResectionCandidacy"/>); records the margins of any previous liver resection and, when the primary
/// tumour is still in place, cautions that section 3.1 asks that it be treated before or with the metastasectomy.
/// </summary>
internal sealed class R0ResectionGoalEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message RequirementMessage = new("6.1.requirement");
    private static readonly Message AppliesMessage = new("6.1.applies");

    /// <summary>Creates the evaluator.</summary>
    public R0ResectionGoalEvaluator()
        : base("6.1", LiverSurgeryGate.CandidacyRequirements.Concat(new[]
        {
            FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LiverResections, FactNames.LiverResectionMargin,
            FactNames.LiverResectionPerformedOn, FactNames.PreviousLiverResection, FactNames.PrimaryResected,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.OnTable(context, result, RequirementMessage, out var finished))
        {
            return finished!;
        }

        result.Facts(context.LiverLocation);
        result.Facts(SurgicalHistoryFacts.PreviousLiverResections(context.Patient.Treatment));
        LiverSurgeryGate.CautionIfPrimaryInPlace(context, result);
        return result.Applies(AppliesMessage);
    }
}
