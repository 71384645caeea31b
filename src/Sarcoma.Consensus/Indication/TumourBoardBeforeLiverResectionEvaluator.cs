using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.1 (process requirement): a liver resection should always be discussed first within a
/// multidisciplinary tumour board at a sarcoma referral or network centre, weighing its risks against the expected
/// benefits. Applies whenever liver resection is on the table (<see cref="LiverResectionCandidacy"/>), and also when a
/// resection is planned or open to case-by-case discussion outside the consensus indications, flagged (its population is
/// every liver resection: "should always be previously discussed"); when the primary
/// tumour is still in place, cautions that section 3.1 asks that it be treated before or with the metastasectomy.
/// </summary>
internal sealed class TumourBoardBeforeLiverResectionEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public TumourBoardBeforeLiverResectionEvaluator()
        : base("5.1", LiverSurgeryGate.CandidacyRequirements.Concat(new[] { FactNames.PrimaryResected }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.Considered(context, result, new Message("5.1.requirement"), out var finished))
        {
            return finished!;
        }

        LiverSurgeryGate.CautionIfPrimaryInPlace(context, result);
        return result.Applies(new Message("5.1.applies"));
    }
}
