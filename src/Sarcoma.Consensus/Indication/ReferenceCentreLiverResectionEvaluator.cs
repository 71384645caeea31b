using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.2 (process requirement): liver resection should only be performed in reference or specialised
/// high-volume centres with experience in liver surgery. Applies whenever liver resection is on the table
/// (<see cref="LiverResectionCandidacy"/>).
/// </summary>
internal sealed class ReferenceCentreLiverResectionEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public ReferenceCentreLiverResectionEvaluator()
        : base("5.2", LiverSurgeryGate.CandidacyRequirements)
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.OnTable(context, result, new Message("5.2.requirement"), out var finished))
        {
            return finished!;
        }

        return result.Applies(new Message("5.2.applies"));
    }
}
