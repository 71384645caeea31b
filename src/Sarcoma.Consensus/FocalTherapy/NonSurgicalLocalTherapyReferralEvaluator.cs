using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>
/// Recommendation 10.1 (process): patients who are not candidates for surgery should be discussed in a multidisciplinary
/// meeting to evaluate their eligibility for non-surgical local approaches. Applies when the patient has liver
/// metastases and liver resection is not on the table (<see cref="Indication.LiverResectionCandidacy"/>: a liver lesion
/// not amenable to complete resection, or the patient unfit for surgery); the focal-therapy picture
/// (<see cref="FocalTherapyAssessment"/>: contraindications, lesions amenable to ablation, modalities) is reported for
/// that discussion.
/// </summary>
public sealed class NonSurgicalLocalTherapyReferralEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public NonSurgicalLocalTherapyReferralEvaluator()
        : base("10.1", Indication.LiverResectionCandidacy.Requirements.Concat(new[]
        {
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionResectable, FactNames.LesionAblatable,
            FactNames.FitForSurgery, FactNames.SystemicTherapyResponse, FactNames.UncorrectableCoagulopathy,
            FactNames.ActiveInfectionInTreatmentArea, FactNames.AdjacentStructuresNotProtectable, FactNames.DecompensatedLiverFailure,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var candidacy = context.LiverResection;
        result.Facts(candidacy.Findings);
        if (context.HasLiverMetastases == false)
        {
            return result.DoesNotApply("No liver metastasis is recorded: referral for non-surgical local treatment of liver metastases does not arise.");
        }

        switch (candidacy.Status)
        {
            case TriState.Yes:
                return result.DoesNotApply("Every liver lesion is resectable and the patient is not recorded as unfit: the patient is a candidate for liver surgery, and 10.1 concerns patients who are not.");
            case TriState.Unknown:
                return result.Missing(candidacy.Missing)
                    .Insufficient("Whether the patient is a candidate for liver surgery is not known, so whether 10.1 applies cannot be decided.");
        }

        var focal = FocalTherapyAssessment.Assess(context);
        result.Facts(focal.Findings);
        foreach (var caution in focal.Cautions)
        {
            result.Caution(caution);
        }

        if (focal.Missing.Count > 0)
        {
            result.Caution("Contraindications to focal therapy not yet recorded, to be assessed at the meeting: " + string.Join(", ", focal.Missing) + ".");
        }

        if (context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            result.Fact(
                FactNames.SystemicTherapyResponse,
                "progressive-disease",
                "Disease progressing on systemic therapy: section 3.10 says patients whose disease fails to respond to conventional therapies should also be considered for transarterial treatment.");
        }

        var why = context.LiverLesions.Any(l => l.Resectable == false)
            ? "a liver lesion is not amenable to complete surgical resection"
            : "the patient is unfit for surgery";
        return result.Applies($"Not a candidate for liver surgery ({why}): the patient should be discussed in a multidisciplinary meeting to evaluate eligibility for non-surgical local approaches.");
    }
}
