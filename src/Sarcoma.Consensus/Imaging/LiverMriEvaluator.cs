using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Imaging;

/// <summary>
/// Recommendation 4.2: hepatic MRI is recommended for diagnosis and evaluation of lesions smaller than 1 cm and for
/// characterisation of lesions of uncertain origin. Applies when a liver lesion measures under 10 mm or the origin of
/// the liver lesions is uncertain (see <see cref="Biopsy.OriginUncertaintyAssessment"/>), saying whether the MRI is
/// already done; does not apply when every liver lesion measures at least 10 mm and the origin is known not to be in
/// doubt, or when no lesion is in the liver; insufficient when sizes or origin facts are missing.
/// </summary>
internal sealed class LiverMriEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public LiverMriEvaluator()
        : base("4.2", Biopsy.OriginUncertaintyAssessment.Requirements.Concat(new[]
        {
            FactNames.LesionSizeMm, FactNames.StagingLiverMri,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result) =>
        ImagingEvaluation.Decide(context, result, ImagingModality.LiverMri);
}
