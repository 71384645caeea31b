using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Timing;

/// <summary>
/// Recommendation 2.1: synchronous OMD is OMD detected at the initial diagnosis of the primary tumour or within six
/// months thereafter. Applies when the patient has OMD and the metastases are synchronous.
/// </summary>
internal sealed class SynchronousOligometastaticDiseaseEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public SynchronousOligometastaticDiseaseEvaluator()
        : base("2.1", TimingDefinition.Requirements)
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result) =>
        TimingDefinition.Decide(context, result, MetastasisTiming.Synchronous);
}
