using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Imaging;

/// <summary>
/// Recommendation 4.1: iodinated contrast-enhanced CT is recommended to evaluate vascular involvement and the abdominal
/// cavity (especially in retroperitoneal sarcoma). Applies to every patient with liver metastases (noting a
/// retroperitoneal primary and whether the CT is already done); does not apply when lesions are recorded and none is
/// in the liver; insufficient when no lesion is recorded.
/// </summary>
internal sealed class ContrastCtStagingEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public ContrastCtStagingEvaluator()
        : base("4.1", new[]
        {
            FactNames.NoEvidenceOfDisease,
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.PrimarySite, FactNames.StagingContrastCt,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result) =>
        ImagingEvaluation.Decide(context, result, ImagingModality.ContrastCt);
}
