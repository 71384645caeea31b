using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.InductionTherapy;

/// <summary>
/// Recommendation 11.2: the decision regarding preoperative chemotherapy should be individualised, taking into account
/// intrinsic chemosensitivity, histologic grade, risk of local hepatic progression, symptom burden and patient
/// comorbidities (and, per section 3.11, the timing of the metastases). Applies when that decision is on the table —
/// liver metastases amenable to surgical resection — and reports each factor, marking those the record does not give.
/// </summary>
internal sealed class IndividualisedPreoperativeChemotherapyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public IndividualisedPreoperativeChemotherapyEvaluator()
        : base("11.2", PreoperativeChemotherapyFactors.Requirements
            .Concat(Indication.LiverResectionCandidacy.Requirements)
            .Concat(new[]
            {
                FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionResectable, FactNames.FitForSurgery,
            })
            .Distinct(System.StringComparer.Ordinal))
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
                    .Insufficient(new Message("11.2.insufficient"));
            default:
                switch (candidacy.Status)
                {
                    case TriState.No:
                        return result.DoesNotApply(Message.Of("11.2.resection-not-on-table", ("reason", candidacy.ReasonMessage)));
                    case TriState.Unknown:
                        return result.Missing(candidacy.Missing)
                            .Insufficient(new Message("11.2.insufficient"));
                }

                break;
        }

        var factors = PreoperativeChemotherapyFactors.Assess(context);
        result.Facts(factors.Findings);
        foreach (var caution in factors.CautionMessages)
        {
            result.Caution(caution);
        }

        Indication.LiverSurgeryGate.CandidacyCautions(context, result);
        return result.Applies(new Message("11.2.applies"));
    }
}
