using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalTiming;

/// <summary>
/// Recommendation 8.2: in STS OMD with synchronous disease, systemic treatment should be the preferred front-line
/// approach. Applies when the disease is oligometastatic, synchronous (<see cref="TimingAssessment"/>) and includes
/// liver metastases.
/// </summary>
internal sealed class SynchronousSystemicFirstEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message InsufficientMessage = new("8.2.insufficient");

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
        var against = new List<Message>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Synchronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        if (against.Count > 0)
        {
            return result.DoesNotApply(Message.Of("8.2.outside-scenario", ("reasons", against)));
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(InsufficientMessage);
        }

        var treatment = context.Patient.Treatment;
        SystemicTherapyFacts.Record(treatment, result);
        var systemic = treatment.SystemicTherapyReceived != true ? "not-received"
            : treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease ? "progressing"
            : "received";
        return result.Applies(Message.Of("8.2.applies", ("systemicTherapy", systemic)));
    }
}
