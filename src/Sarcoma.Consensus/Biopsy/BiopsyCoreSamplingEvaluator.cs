using System.Globalization;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Recommendation 3.3: a minimum of four large-gauge cores (14–16 G) is recommended to ensure adequate tissue sampling.
/// A process requirement: applies whenever a liver biopsy is on the table, that is when <see cref="BiopsyPlan"/> says a
/// biopsy could be considered (uncertain tumour origin, or proposed preoperative/induction systemic treatment, which
/// includes the synchronous-OMD scenario of 3.2). Does not apply when no reason for a biopsy is present and every
/// reason fact is known.
/// </summary>
public sealed class BiopsyCoreSamplingEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public BiopsyCoreSamplingEvaluator()
        : base("3.3", new[]
        {
            FactNames.NoEvidenceOfDisease,
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.PrimaryDiagnosedOn,
            FactNames.MetastasesDetectedOn, FactNames.HccRiskFactors, FactNames.ColorectalCancerHistory,
            FactNames.OtherCancerHistory, FactNames.InductionTherapyPlanned,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var plan = BiopsyPlan.Assess(context);
        result.Facts(plan.Findings);
        switch (plan.Consider)
        {
            case TriState.Yes:
                return result.Applies(
                    $"A liver biopsy could be considered because {string.Join("; and ", plan.Reasons)}: if it is done, a minimum of " +
                    BiopsyPlan.MinimumCoreCount.ToString(CultureInfo.InvariantCulture) +
                    $" large-gauge cores ({BiopsyPlan.GaugeRange}) is recommended to ensure adequate tissue sampling, by image-guided percutaneous core needle biopsy rather than fine needle aspiration cytology (section 3.3).");
            case TriState.No:
                return result.DoesNotApply(context.HasLiverMetastases == false
                    ? "No liver lesion is recorded, so no liver biopsy is on the table and the sampling requirement does not arise."
                    : "No reason to consider a liver biopsy is present (the tumour origin is not in doubt and no preoperative systemic treatment is proposed), so the sampling requirement does not arise.");
            default:
                return result.Missing(plan.Missing)
                    .Insufficient("Whether a liver biopsy is on the table, and with it the sampling requirement, cannot be decided yet.");
        }
    }
}
