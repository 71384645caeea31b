using System.Globalization;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Oligometastasis;

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
            result.Caution("The origin of the liver lesions is uncertain, given " + OriginUncertaintyAssessment.JoinPhrases(plan.OriginUncertainty.Reasons)
                + ", but the guideline counts that as a reason for a biopsy only in resectable metachronous liver metastases (3.1; section 3.3: before planning a metastasectomy). Hepatic MRI is recommended to characterise lesions of uncertain origin (4.2); any biopsy is the tumour board's decision.");
        }

        switch (plan.Consider)
        {
            case TriState.Yes:
                var basis = plan.Basis == BiopsyBasis.SynchronousInduction
                    ? "Under the section 3.3 narrative on synchronous disease (\"if induction systemic treatment is planned … a biopsy could provide a diagnostic confirmation\")"
                    : context.Oligometastatic.Status == TriState.No
                        ? "For resectable metachronous liver metastases, for the reasons 3.1 gives (3.1 itself concerns disease for which resection is indicated, and this disease is not oligometastatic)"
                        : "Under recommendation 3.1 (resectable metachronous liver metastases)";
                if (plan.Basis == BiopsyBasis.SynchronousInduction)
                {
                    var proposal = RecommendationCatalog.Get("3.2");
                    result.Caution($"Recommendation 3.2, a biopsy before induction systemic treatment in synchronous OMD, did not reach consensus ({proposal.Printed.AgreementPercent.ToString(CultureInfo.InvariantCulture)}% agreement): whether to biopsy is the tumour board's decision; 3.3 governs only how a biopsy is taken.");
                }

                var cores = $"a minimum of {BiopsyPlan.MinimumCoreCount.ToString(CultureInfo.InvariantCulture)} large-gauge cores ({BiopsyPlan.GaugeRange}) is recommended to ensure adequate tissue sampling, by image-guided percutaneous core needle biopsy rather than fine needle aspiration cytology (section 3.3)";
                return result.Applies(plan.Basis == BiopsyBasis.SynchronousInduction
                    ? $"If a liver biopsy is done before the planned induction treatment (whether to do one is 3.2, which did not reach consensus), {cores}."
                    : $"{basis}, a liver biopsy could be considered because {string.Join("; and ", plan.Reasons)}: if it is done, {cores}.");
            case TriState.No:
                return result.DoesNotApply(context.HasLiverMetastases == true
                    ? $"None of the reasons the guideline gives for a liver biopsy holds ({plan.NotOnTheTable}); any other biopsy (for example before non-surgical local treatment) is the tumour board's judgement, and if one is done, 3.3 asks for at least {BiopsyPlan.MinimumCoreCount.ToString(CultureInfo.InvariantCulture)} large-gauge cores ({BiopsyPlan.GaugeRange})."
                    : $"No liver biopsy is on the table ({plan.NotOnTheTable}), so the sampling requirement does not arise.");
            default:
                return result.Missing(plan.Missing)
                    .Insufficient("Whether a liver biopsy is on the table, and with it the sampling requirement, cannot be decided yet.");
        }
    }
}
