using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Timing;

/// <summary>
/// Recommendation 2.2: metachronous OMD is OMD detected more than six months after the initial diagnosis.
/// Applies when the patient has OMD and the metastases are metachronous.
/// </summary>
internal sealed class MetachronousOligometastaticDiseaseEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public MetachronousOligometastaticDiseaseEvaluator()
        : base("2.2", TimingDefinition.Requirements)
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result) =>
        TimingDefinition.Decide(context, result, MetastasisTiming.Metachronous);
}
