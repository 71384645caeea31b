using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalTiming;

/// <summary>
/// Recommendation 8.3: in STS OMD with synchronous disease, liver surgery may be considered for residual liver
/// disease if the response to systemic treatment is good (at least stable disease) and the primary tumour is
/// resectable. Applies when the disease is synchronous and oligometastatic, systemic therapy has been received with
/// a complete or partial response or stable disease, liver lesions remain (the recorded liver lesions are read as
/// the residual disease) and are amenable to complete surgical resection (section 3.8: "if complete resection of both
/// the primary tumor and liver metastases is feasible"), and the primary is resected or resectable; a primary still in
/// place carries the caution of section 3.1. Metastases known to be metachronous rule it out on that ground alone;
/// progressive disease, an unresectable primary or liver lesion, or no systemic therapy yet (8.2 comes first) rule it out.
/// </summary>
internal sealed class SynchronousResidualLiverSurgeryEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message ScenarioMessage = new("8.3.scenario");
    private static readonly Message AgainstNoSystemicTherapyMessage = new("8.3.against-no-systemic-therapy");
    private static readonly Message AgainstProgressedMessage = new("8.3.against-progressed");
    private static readonly Message PrimaryResectedMessage = new("8.3.primary-resected");
    private static readonly Message AgainstPrimaryNotResectableMessage = new("8.3.against-primary-not-resectable");
    private static readonly Message InsufficientMessage = new("8.3.insufficient");
    private static readonly Message LesionsReadAsResidualMessage = new("8.3.lesions-read-as-residual");
    private static readonly Message CompleteResponseMessage = new("8.3.complete-response");
    private static readonly Message SalvageForSelectedCasesMessage = new("8.3.salvage-for-selected-cases");

    /// <summary>Creates the evaluator.</summary>
    public SynchronousResidualLiverSurgeryEvaluator()
        : base("8.3", TimingDefinition.Requirements.Concat(new[]
        {
            FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionResectable,
            FactNames.SystemicTherapyReceived, FactNames.SystemicTherapyResponse, FactNames.InductionTherapyPlanned, FactNames.FitForSurgery,
            FactNames.PrimaryResected, FactNames.PrimaryResectable,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var scenario = ScenarioMessage;
        var against = new List<Message>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Synchronous, against, missing);
        if (against.Count > 0)
        {
            // Metachronous disease: the response and residual-disease criteria of 8.3 concern synchronous disease only.
            return result.DoesNotApply(IndicationCriteria.NotApplying("8.3", scenario, against));
        }

        IndicationCriteria.Oligometastatic(context, result, against, missing);

        var treatment = context.Patient.Treatment;
        SystemicTherapyFacts.Record(treatment, result);
        var treated = treatment.SystemicTherapyReceived == true;
        TreatmentResponse? response = null;
        switch (treatment.SystemicTherapyReceived)
        {
            case false:
                against.Add(AgainstNoSystemicTherapyMessage);
                break;
            case null:
                missing.Add(FactNames.SystemicTherapyReceived);
                break;
            default:
                response = treatment.SystemicTherapyResponse;
                if (response == TreatmentResponse.ProgressiveDisease)
                {
                    against.Add(AgainstProgressedMessage);
                }
                else if (response is null)
                {
                    missing.Add(FactNames.SystemicTherapyResponse);
                }

                break;
        }

        if (context.HasLiverMetastases is not { } hasLiver)
        {
            missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
        }
        else if (!hasLiver)
        {
            var absent = context.NoLiverMetastasisFinding;
            if (treated)
            {
                result.Fact(absent.Fact, absent.Value, Message.Of("8.3.no-residual-liver-disease", ("absent", new Message(absent.Message.Code + ".clause"))));
            }
            else
            {
                result.Facts(absent);
            }

            against.Add(Message.Of("8.3.against-no-liver-disease", ("treated", treated), ("noEvidenceOfDisease", context.NoEvidenceOfDisease)));
        }
        else
        {
            var location = context.LiverLocation;
            if (treated)
            {
                result.Fact(location.Fact, location.Value, Message.Of("8.3.residual-liver-disease", ("location", location.Message)));
            }
            else
            {
                result.Facts(location);
            }

            IndicationCriteria.LiverResectable(context, result, against, missing);
        }

        var primary = context.Patient.Primary;
        if (primary?.Resected == true)
        {
            result.Fact(FactNames.PrimaryResected, "yes", PrimaryResectedMessage);
        }
        else if (primary?.Resected == false && primary.Resectable is { } resectable)
        {
            result.Fact(FactNames.PrimaryResectable, ResultBuilder.Format(resectable), Message.Of("8.3.primary-in-place", ("resectable", resectable)));
            if (!resectable)
            {
                against.Add(AgainstPrimaryNotResectableMessage);
            }
        }
        else
        {
            missing.Add(primary?.Resected is null ? FactNames.PrimaryResected : FactNames.PrimaryResectable);
        }

        IndicationCriteria.Fitness(context, result, against);
        if (against.Count > 0)
        {
            return result.DoesNotApply(IndicationCriteria.NotApplying("8.3", scenario, against));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(InsufficientMessage);
        }

        result.Caution(LesionsReadAsResidualMessage);
        if (response == TreatmentResponse.CompleteResponse)
        {
            result.Caution(CompleteResponseMessage);
        }

        if (primary?.Resected == false)
        {
            result.Caution(Message.Of("8.3.primary-in-place-caution", ("caution", LiverSurgeryGate.PrimaryInPlaceCautionMessage)));
        }

        result.Caution(SalvageForSelectedCasesMessage);
        return result.Applies(Message.Of(
            "8.3.applies",
            ("response", SystemicTherapyFacts.Code(response!.Value)),
            ("primaryResected", primary?.Resected == true)));
    }
}
