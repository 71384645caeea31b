using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.InductionTherapy;

/// <summary>
/// Recommendation 11.1 (process): preoperative chemotherapy may be considered for patients with liver metastases
/// amenable to surgical resection, after discussion in a multidisciplinary tumour board, in centres with expertise in
/// sarcoma treatment and liver surgery. Applies when liver resection is on the table
/// (<see cref="Indication.LiverResectionCandidacy"/>): every liver lesion resectable and the patient not recorded unfit;
/// and for a liver recurrence below the 9.1 interval awaiting systemic treatment
/// (<see cref="Indication.LiverResectionCandidacy.ReassessAfterSystemicTreatment"/>), with a caution.
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

        // A liver recurrence below the 9.1 interval: preoperative systemic treatment first (9.2; section 3.9 supports it
        // "in relapses with a short DFI"), after which the tumour board reassesses a new resection.
        switch (candidacy.ReassessAfterSystemicTreatment)
        {
            case TriState.Yes:
                result.Caution(Message.Of("indication.gate.reassess-after-systemic", ("basis", candidacy.CandidateBasisMessage)));
                break;
            case TriState.Unknown:
                return result.Missing(candidacy.CandidateMissing)
                    .Insufficient(new Message("11.1.insufficient"));
            default:
                switch (candidacy.Status)
                {
                    case TriState.No:
                        return result.DoesNotApply(Message.Of("11.1.resection-not-on-table", ("reason", candidacy.ReasonMessage)));
                    case TriState.Unknown:
                        return result.Missing(candidacy.Missing)
                            .Insufficient(new Message("11.1.insufficient"));
                }

                break;
        }

        if (context.Patient.Treatment.InductionTherapyPlanned is { } planned)
        {
            result.Fact(
                FactNames.InductionTherapyPlanned,
                ResultBuilder.Format(planned),
                Message.Of("11.1.induction-planned", ("planned", planned), ("onSystemicTherapy", context.Patient.Treatment.OnSystemicTherapy == true)));
        }

        Indication.LiverSurgeryGate.CandidacyCautions(context, result);
        Indication.IndicationCriteria.CautionIfProgressing(context, result);
        return result.Applies(new Message("11.1.applies"));
    }
}
