using System.Collections.Generic;
using System.Globalization;
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
/// the residual disease), and the primary is resected or resectable. Progressive disease, an unresectable primary,
/// or no systemic therapy yet (8.2 comes first) rule it out.
/// </summary>
public sealed class SynchronousResidualLiverSurgeryEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public SynchronousResidualLiverSurgeryEvaluator()
        : base("8.3", TimingDefinition.Requirements.Concat(new[]
        {
            FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.LesionSegments, FactNames.LesionLobe, FactNames.SystemicTherapyReceived, FactNames.SystemicTherapyResponse,
            FactNames.InductionTherapyPlanned, FactNames.FitForSurgery,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var against = new List<string>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Synchronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);

        var treatment = context.Patient.Treatment;
        SystemicTherapyFacts.Record(treatment, result);
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
            result.Fact(absent.Fact, absent.Value, absent.Sentence.TrimEnd('.') + ": no residual liver disease.");
            against.Add("no residual liver disease is recorded");
        }
        else
        {
            var location = LiverLesionFacts.Location(context.LiverLesions);
            result.Fact(location.Fact, location.Value, "Residual liver disease: " + char.ToLowerInvariant(location.Sentence[0]) + location.Sentence.Substring(1));
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

        LiverSurgeryGate.CautionIfUnfit(context, result);
        if (against.Count > 0)
        {
            return result.DoesNotApply(
                "Outside the scenario of 8.3 (synchronous OMD with residual liver disease after at least stable disease on systemic treatment, primary resectable): " + string.Join("; ", against) + ".");
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient("Whether liver surgery for residual disease after systemic treatment of synchronous OMD can be considered cannot be decided yet.");
        }

        if (response == TreatmentResponse.CompleteResponse)
        {
            result.Caution("A complete response is recorded: confirm that liver disease remains, since the recorded liver lesions are read as the residual disease.");
        }

        var unresectable = context.LiverLesions.Count(l => l.Resectable == false);
        if (unresectable > 0)
        {
            result.Caution($"Section 3.8 asks that complete resection of both the primary tumour and the liver metastases be feasible; {unresectable.ToString(CultureInfo.InvariantCulture)} liver lesion(s) are recorded as not resectable.");
        }

        result.Caution("Section 3.8 reserves surgical salvage of residual liver disease for a few selected cases of synchronous OMD, discussed when complete resection of both the primary tumour and the liver metastases is feasible.");
        return result.Applies(
            $"Synchronous oligometastatic disease with residual liver disease after systemic treatment (best response: {SystemicTherapyFacts.Name(response!.Value)}) and a resectable primary: liver surgery may be considered for the residual liver disease.");
    }
}
