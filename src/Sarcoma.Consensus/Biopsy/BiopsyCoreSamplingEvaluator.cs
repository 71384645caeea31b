using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Recommendation 3.3: a minimum of four large-gauge cores (14–16 G) is recommended to ensure adequate tissue sampling.
/// A process requirement: applies whenever a liver biopsy is on the table, that is when <see cref="BiopsyPlan"/> says a
/// biopsy could be considered — in resectable metachronous liver metastases with uncertain tumour origin or a proposed
/// preoperative systemic treatment (3.1), or in synchronous disease with induction systemic treatment planned and not
/// yet started (section 3.3 narrative; the scenario of 3.2, which did not reach consensus, is then flagged). Does not
/// apply when no such reason holds and every fact that could give one is known.
/// </summary>
internal sealed class BiopsyCoreSamplingEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public BiopsyCoreSamplingEvaluator()
        : base("3.3", BiopsyPlan.Requirements)
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var plan = BiopsyPlan.Assess(context);
        result.Facts(plan.Findings);
        if (plan.OriginUncertainOutsideItsSetting)
        {
            result.Caution(Message.Of("biopsy.origin-uncertain-outside-setting", ("reasons", plan.OriginUncertainty.ReasonMessages)));
        }

        switch (plan.Consider)
        {
            case TriState.Yes:
                var cores = Message.Of("3.3.cores", ("cores", BiopsyPlan.MinimumCoreCount), ("largestGauge", BiopsyPlan.LargestGaugeNumber), ("smallestGauge", BiopsyPlan.SmallestGaugeNumber));
                if (plan.Basis == BiopsyBasis.SynchronousInduction)
                {
                    result.Caution(Message.Of("3.3.caution.3.2-no-consensus", ("agreement", RecommendationCatalog.Get("3.2").Printed.AgreementPercent)));
                    return result.Applies(Message.Of("3.3.applies.synchronous-induction", ("cores", cores)));
                }

                var basis = context.Oligometastatic.Status == TriState.No ? "not-oligometastatic" : "3.1";
                return result.Applies(Message.Of(
                    "3.3.applies.resectable-metachronous",
                    ("basis", basis),
                    ("reasons", BiopsyPlan.JoinAlso("biopsy.and-also", plan.ReasonMessages)),
                    ("cores", cores)));
            case TriState.No:
                return result.DoesNotApply(Message.Of(
                    context.HasLiverMetastases == true ? "3.3.does-not-apply.no-reason" : "3.3.does-not-apply.no-biopsy",
                    ("clause", plan.NotOnTheTableMessage),
                    ("cores", BiopsyPlan.MinimumCoreCount),
                    ("largestGauge", BiopsyPlan.LargestGaugeNumber),
                    ("smallestGauge", BiopsyPlan.SmallestGaugeNumber)));
            default:
                return result.Missing(plan.Missing).Insufficient(Message.Of("3.3.insufficient"));
        }
    }
}
