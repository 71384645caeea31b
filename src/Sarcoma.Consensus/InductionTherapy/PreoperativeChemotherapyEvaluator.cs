using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.InductionTherapy;

/// <summary>
/// Recommendation 11.1 (process): preoperative chemotherapy may be considered for patients with liver metastases
/// amenable to surgical resection, after discussion in a multidisciplinary tumour board, in centres with expertise in
/// sarcoma treatment and liver surgery. Applies when liver resection is on the table
/// (<see cref="Indication.LiverResectionCandidacy"/>): every liver lesion resectable and the patient not recorded unfit.
/// </summary>
internal sealed class PreoperativeChemotherapyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public PreoperativeChemotherapyEvaluator()
        : base("11.1", Indication.LiverResectionCandidacy.Requirements.Concat(new[]
        {
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionResectable, FactNames.FitForSurgery,
            FactNames.InductionTherapyPlanned,
        }).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var candidacy = context.LiverResection;
        result.Facts(candidacy.Findings);
        switch (candidacy.Status)
        {
            case TriState.No:
                return result.DoesNotApply(candidacy.Reason + " Preoperative chemotherapy before liver metastasectomy does not arise.");
            case TriState.Unknown:
                return result.Missing(candidacy.Missing)
                    .Insufficient("Whether the liver metastases are amenable to surgical resection is not known, so whether preoperative chemotherapy arises cannot be decided.");
        }

        if (context.Patient.Treatment.InductionTherapyPlanned is { } planned)
        {
            result.Fact(
                FactNames.InductionTherapyPlanned,
                ResultBuilder.Format(planned),
                planned
                    ? "Induction (preoperative) systemic therapy is already planned or proposed."
                    : context.Patient.Treatment.OnSystemicTherapy == true
                        ? "No induction systemic therapy is recorded as planned, but the patient is on systemic therapy now: if a resection follows, that treatment is preoperative."
                        : "No induction (preoperative) systemic therapy is planned.");
        }

        Indication.LiverSurgeryGate.CandidacyCautions(context, result);
        Indication.IndicationCriteria.CautionIfProgressing(context, result);
        return result.Applies("Liver metastases amenable to surgical resection: preoperative chemotherapy may be considered, after discussion in a multidisciplinary tumour board, in a centre with expertise in sarcoma treatment and liver surgery.");
    }
}
