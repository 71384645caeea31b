using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.SurgicalTiming;

/// <summary>
/// Recommendation 8.2: in STS OMD with synchronous disease, systemic treatment should be the preferred front-line
/// approach. Applies when the disease is oligometastatic, synchronous (<see cref="TimingAssessment"/>) and includes
/// liver metastases.
/// </summary>
internal sealed class SynchronousSystemicFirstEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public SynchronousSystemicFirstEvaluator()
        : base("8.2", TimingDefinition.Requirements.Concat(new[]
        {
            FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.LesionSegments, FactNames.LesionLobe, FactNames.SystemicTherapyReceived, FactNames.SystemicTherapyResponse,
            FactNames.InductionTherapyPlanned,
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
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        if (against.Count > 0)
        {
            return result.DoesNotApply("Outside the scenario of 8.2 (synchronous oligometastatic disease with liver metastases): " + string.Join("; ", against) + ".");
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient("Whether this is synchronous oligometastatic disease with liver metastases cannot be decided yet.");
        }

        SystemicTherapyFacts.Record(context.Patient.Treatment, result);
        return result.Applies(context.Patient.Treatment.SystemicTherapyReceived == true
            ? context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease
                ? "Synchronous oligometastatic disease: systemic treatment should be the preferred front-line approach (already received, with progression; recommendation 8.3 addresses surgery for residual liver disease after it, but requires at least stable disease)."
                : "Synchronous oligometastatic disease: systemic treatment should be the preferred front-line approach (already received; recommendation 8.3 addresses surgery for residual liver disease after it, provided the disease is at least stable)."
            : "Synchronous oligometastatic disease: systemic treatment (chemotherapy, etc.) should be the preferred front-line approach.");
    }
}
