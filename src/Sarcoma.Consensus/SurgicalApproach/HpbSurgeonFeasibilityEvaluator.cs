using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Recommendation 6.2 (process requirement): the feasibility of an R0 liver resection should be evaluated by an
/// experienced HPB surgeon at a reference centre for HPB pathology or surgical oncology. Applies whenever liver
/// resection is on the table (<see cref="LiverResectionCandidacy"/>); records the anatomy the surgeon will assess.
/// </summary>
internal sealed class HpbSurgeonFeasibilityEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message RequirementMessage = new("6.2.requirement");
    private static readonly Message AppliesMessage = new("6.2.applies");

    /// <summary>Creates the evaluator.</summary>
    public HpbSurgeonFeasibilityEvaluator()
        : base("6.2", LiverSurgeryGate.CandidacyRequirements.Concat(new[]
        {
            FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation,
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
        result.Facts(context.LiverVascularInvolvement);
        result.Facts(context.LiverCentralLocation);
        return result.Applies(AppliesMessage);
    }
}
