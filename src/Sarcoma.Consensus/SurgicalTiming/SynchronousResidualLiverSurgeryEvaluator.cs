using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;

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
        const string Scenario = "synchronous OMD with resectable residual liver disease after at least stable disease on systemic treatment, primary resectable";
        var against = new List<string>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Synchronous, against, missing);
        if (against.Count > 0)
        {
            // Metachronous disease: the response and residual-disease criteria of 8.3 concern synchronous disease only.
            return result.DoesNotApply(IndicationCriteria.NotApplying("8.3", Scenario, against));
        }

        IndicationCriteria.Oligometastatic(context, result, against, missing);

        var treatment = context.Patient.Treatment;
        SystemicTherapyFacts.Record(treatment, result);
        var treated = treatment.SystemicTherapyReceived == true;
        TreatmentResponse? response = null;
        switch (treatment.SystemicTherapyReceived)
        {
            case false:
                against.Add("no systemic therapy has been received yet (recommendation 8.2: systemic treatment first)");
                break;
            case null:
                missing.Add(FactNames.SystemicTherapyReceived);
                break;
            default:
                response = treatment.SystemicTherapyResponse;
                if (response == TreatmentResponse.ProgressiveDisease)
                {
                    against.Add("the disease progressed on systemic treatment (at least stable disease is required)");
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
            result.Fact(absent.Fact, absent.Value, treated ? absent.Sentence.TrimEnd('.') + ": no residual liver disease." : absent.Sentence);
            against.Add(treated
                ? "no residual liver disease is recorded"
                : context.NoEvidenceOfDisease ? "there is no current evidence of metastatic disease" : "no liver metastasis is recorded");
        }
        else
        {
            var location = LiverLesionFacts.Location(context.LiverLesions);
            result.Fact(location.Fact, location.Value, treated
                ? "Residual liver disease after systemic therapy: " + char.ToLowerInvariant(location.Sentence[0]) + location.Sentence.Substring(1)
                : location.Sentence);
            IndicationCriteria.LiverResectable(context, result, against, missing);
        }

        var primary = context.Patient.Primary;
        if (primary?.Resected == true)
        {
            result.Fact(FactNames.PrimaryResected, "yes", "Primary tumour already resected.");
        }
        else if (primary?.Resected == false && primary.Resectable is { } resectable)
        {
            result.Fact(FactNames.PrimaryResectable, ResultBuilder.Format(resectable), resectable ? "Primary tumour in place and resectable." : "Primary tumour in place and not resectable.");
            if (!resectable)
            {
                against.Add("the primary tumour is not resectable");
            }
        }
        else
        {
            missing.Add(primary?.Resected is null ? FactNames.PrimaryResected : FactNames.PrimaryResectable);
        }

        IndicationCriteria.Fitness(context, result, against);
        if (against.Count > 0)
        {
            return result.DoesNotApply(IndicationCriteria.NotApplying("8.3", Scenario, against));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient("Whether liver surgery for residual disease after systemic treatment of synchronous OMD can be considered cannot be decided yet.");
        }

        result.Caution("The liver lesions recorded are read as the residual disease: confirm their number, size and resectability on post-treatment imaging (section 3.11: radiologic evaluation after two to three cycles).");
        if (response == TreatmentResponse.CompleteResponse)
        {
            result.Caution("A complete response is recorded: confirm that liver disease remains, since the recorded liver lesions are read as the residual disease.");
        }

        if (primary?.Resected == false)
        {
            result.Caution(LiverSurgeryGate.PrimaryInPlaceCaution);
        }

        result.Caution("Section 3.8 reserves surgical salvage of residual liver disease for a few selected cases of synchronous OMD, discussed when complete resection of both the primary tumour and the liver metastases is feasible.");
        var primaryText = primary?.Resected == true ? "the primary tumour already resected" : "a resectable primary tumour still in place";
        return result.Applies(
            $"Synchronous oligometastatic disease with resectable residual liver disease after systemic treatment (best response: {SystemicTherapyFacts.Name(response!.Value)}), with {primaryText}: liver surgery may be considered for the residual liver disease.");
    }
}
