using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Imaging;

/// <summary>
/// Recommendation 4.3: 18F-FDG-PET/CT is recommended to exclude extrahepatic metastases in appropriate subtypes
/// (e.g., lymph node metastases). Applies to patients with liver metastases whose subtype the guideline names as
/// FDG-avid or prone to lymph-node spread, and, per the section 3.4 narrative, to every candidate for metastatic
/// resection (to confirm the oligometastatic stage), saying whether it is already done; does not apply when the
/// subtype is not among them and liver resection is not on the table, or when no lesion is in the liver;
/// insufficient when the histology or resectability is missing.
/// </summary>
internal sealed class FdgPetCtEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public FdgPetCtEvaluator()
        : base("4.3", Indication.LiverResectionCandidacy.Requirements.Concat(new[]
        {
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionResectable,
            FactNames.FitForSurgery, FactNames.PrimaryHistology, FactNames.StagingFdgPetCt,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result) =>
        ImagingEvaluation.Decide(context, result, ImagingModality.FdgPetCt);
}
