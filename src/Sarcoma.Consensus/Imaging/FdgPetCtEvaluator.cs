using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Imaging;

/// <summary>
/// Recommendation 4.3: 18F-FDG-PET/CT is recommended to exclude extrahepatic metastases in appropriate subtypes
/// (e.g., lymph node metastases). Applies to patients with liver metastases whose subtype the guideline names as
/// FDG-avid or prone to lymph-node spread, saying whether it is already done; does not apply to other subtypes, or
/// when no lesion is in the liver; insufficient when the histology is missing. The section 3.4 narrative's wider
/// suggestion (every candidate for metastatic resection; after induction treatment) was not voted: it is quoted as
/// labelled context in the summary, never made 4.3's advice.
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
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var item = context.ImagingPlan.FdgPetCt;
        var histology = context.Patient.Primary?.Histology;
        if (context.HasLiverMetastases != true || item.IsVoted || (histology is not null && context.Options.IsFdgPetCtSubtype(histology)))
        {
            return ImagingEvaluation.Decide(context, result, ImagingModality.FdgPetCt);
        }

        // 4.3 is voted for "appropriate subtypes" only; the narrative's wider suggestion (every candidate for metastatic
        // resection, after induction treatment) is unvoted text: context in the summary, never 4.3's advice.
        result.Facts(item.Findings);
        var context34 = item.Indicated == Oligometastasis.TriState.Yes && item.IndicationClause is { } clause
            ? Message.Of("4.3.unvoted-context", ("clause", clause), ("done", ResultBuilder.Format(item.AlreadyDone)), ("repeat", item.RepeatAfterSystemicTreatment))
            : null;
        if (histology is null)
        {
            return result.Missing(FactNames.PrimaryHistology).Insufficient(Message.Of("4.3.histology-unknown", ("context", context34), ("hasContext", context34 is not null)));
        }

        return result.DoesNotApply(Message.Of("4.3.not-appropriate-subtype", ("histology", histology.Name), ("context", context34), ("hasContext", context34 is not null)));
    }
}
