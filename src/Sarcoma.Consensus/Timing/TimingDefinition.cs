using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Timing;

/// <summary>The shared logic of 2.1 and 2.2: each is the other's mirror.</summary>
internal static class TimingDefinition
{
    public static readonly string[] Requirements =
        OligometastaticAssessment.Requirements.Concat(new[] { FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn }).ToArray();

    public static RecommendationResult Decide(EvaluationContext context, ResultBuilder result, MetastasisTiming wanted)
    {
        var timing = context.Timing;
        var omd = context.Oligometastatic;
        var label = wanted == MetastasisTiming.Synchronous ? "synchronous" : "metachronous";
        result.Facts(timing.Findings);
        if (timing.BoundaryCaution is { } caution)
        {
            result.Caution(caution);
        }

        result.Fact(OligometastaticAssessment.ConceptName, omd.Status.ToString().ToLowerInvariant(), omd.Findings[0].Sentence);
        if (timing.Timing is { } actual && actual != wanted)
        {
            return result.DoesNotApply($"The metastases are {(actual == MetastasisTiming.Synchronous ? "synchronous" : "metachronous")}, not {label}.");
        }

        if (omd.Status == TriState.No)
        {
            return result.DoesNotApply($"The disease is not oligometastatic, so it is not {label} OMD.");
        }

        if (timing.Timing is null || omd.Status == TriState.Unknown)
        {
            return result.Missing(timing.Missing).Missing(omd.Missing)
                .Insufficient($"Whether this is {label} oligometastatic disease cannot be decided yet.");
        }

        return result.Applies($"{(wanted == MetastasisTiming.Synchronous ? "Synchronous" : "Metachronous")} oligometastatic disease.");
    }
}
