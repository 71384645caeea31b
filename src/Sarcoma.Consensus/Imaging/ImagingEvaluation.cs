using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Imaging;

/// <summary>The shared logic of 4.1–4.3: each answers whether its examination is indicated in the <see cref="ImagingPlan"/>.</summary>
internal static class ImagingEvaluation
{
    public static RecommendationResult Decide(EvaluationContext context, ResultBuilder result, ImagingModality modality)
    {
        var item = ImagingPlan.Assess(context).Get(modality);
        result.Facts(item.Findings);
        switch (item.Indicated)
        {
            case TriState.Yes:
                var done = item.DoneFinding();
                result.Fact(done.Fact, done.Value, done.Sentence);
                if (item.Caveat is { } caveat)
                {
                    result.Caution(caveat);
                }

                return result.Applies(item.Reason.TrimEnd('.') + "; " + DoneClause(item.AlreadyDone) + ".");
            case TriState.No:
                return result.DoesNotApply(item.Reason);
            default:
                return result.Missing(item.Missing).Insufficient(item.Reason);
        }
    }

    private static string DoneClause(bool? done) => done switch
    {
        true => "it has already been done",
        false => "it has not been done yet",
        _ => "whether it has been done is not recorded",
    };
}
