using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Oligometastasis;
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
        // 5.2 ("should only be performed in reference … centers") is a condition on any liver resection that is performed,
        // whatever its indication: like 5.1 it follows a resection considered, outside the indications with the flag first
        // (issue #7, fourth read: "not offered as advice" for a planned resection outside the indications contradicted 5.2).
        // A liver recurrence reassessed after systemic treatment (9.2) keeps the on-the-table reading: no resection now.
        var considered = context.LiverResection.ReassessAfterSystemicTreatment == TriState.No
            ? LiverSurgeryGate.Considered(context, result, new Message("5.2.requirement"), out var finished)
            : LiverSurgeryGate.OnTable(context, result, new Message("5.2.requirement"), out finished);
        if (!considered)
        {
            return finished!;
        }

        return result.Applies(new Message("5.2.applies"));
    }
}
