using Sarcoma.Consensus.Evaluation;

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
        if (!LiverSurgeryGate.OnTable(context, result, "the requirement about where a liver resection is performed", out var finished))
        {
            return finished!;
        }

        return result.Applies(
            "Liver resection is being considered, so it should only be performed in a reference or specialised high-volume centre with experience in liver surgery.");
    }
}
