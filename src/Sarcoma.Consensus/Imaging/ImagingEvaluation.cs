using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Imaging;

/// <summary>The shared logic of 4.1–4.3: each answers whether its examination is indicated in the <see cref="ImagingPlan"/>.</summary>
internal static class ImagingEvaluation
{
    public static RecommendationResult Decide(EvaluationContext context, ResultBuilder result, ImagingModality modality)
    {
        var item = context.ImagingPlan.Get(modality);
        result.Facts(item.Findings);
        switch (item.Indicated)
        {
            case TriState.Yes:
                result.Facts(item.DoneFinding());
                if (item.CaveatMessage is { } caveat)
                {
                    result.Caution(caveat);
                }

                return result.Applies(Message.Of("imaging.applies", ("reason", item.IndicationClause), ("done", ResultBuilder.Format(item.AlreadyDone))));
            case TriState.No:
                return result.DoesNotApply(item.ReasonMessage);
            default:
                return result.Missing(item.Missing).Insufficient(item.ReasonMessage);
        }
    }
}
