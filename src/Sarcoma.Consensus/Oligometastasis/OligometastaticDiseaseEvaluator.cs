using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Wording;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Oligometastasis;

/// <summary>
/// Recommendation 1.1: does the patient meet the definition of oligometastatic disease (≤ 5 lesions in ≤ 2 sites,
/// confirmed by staging, primary and all sites amenable to radical treatment)? Applies when the definition is met.
/// </summary>
internal sealed class OligometastaticDiseaseEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message AppliesMessage = new("1.1.applies");
    private static readonly Message DoesNotApplyNoCurrentDiseaseMessage = new("1.1.does-not-apply-no-current-disease");
    private static readonly Message InsufficientDataMessage = new("1.1.insufficient-data");

    /// <summary>Creates the evaluator.</summary>
    public OligometastaticDiseaseEvaluator()
        : base("1.1", OligometastaticAssessment.Requirements)
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var omd = context.Oligometastatic;
        result.Facts(omd.Findings);
        if (omd.Status == TriState.Yes && context.StagingAgeCautionMessage is { } stagingAge)
        {
            result.Caution(stagingAge);
        }

        return omd.Status switch
        {
            TriState.Yes => result.Applies(AppliesMessage),
            TriState.No when context.Patient.Metastases?.NoEvidenceOfDisease == true => result.DoesNotApply(DoesNotApplyNoCurrentDiseaseMessage),
            TriState.No => result.DoesNotApply(Message.Of("1.1.does-not-apply", ("failing", omd.FailingCriteriaMessages))),
            _ => result.Missing(omd.Missing).Insufficient(InsufficientDataMessage),
        };
    }
}
