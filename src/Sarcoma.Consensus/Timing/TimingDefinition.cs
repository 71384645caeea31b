using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

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
        var area = wanted == MetastasisTiming.Synchronous ? "2.1" : "2.2";
        result.Facts(timing.Findings);
        if (timing.BoundaryCautionMessage is { } caution)
        {
            result.Caution(caution);
        }

        result.Fact(OligometastaticAssessment.ConceptName, omd.Status.Code(), omd.Findings[0].Message);
        if (timing.Timing is { } actual && actual != wanted)
        {
            return result.DoesNotApply(Message.Of(area + ".does-not-apply.other-timing", ("timing", actual == MetastasisTiming.Synchronous ? "synchronous" : "metachronous")));
        }

        if (omd.Status == TriState.No)
        {
            // After a complete resection there is no current metastatic disease: said so, not "not oligometastatic" (sixth read F8).
            return result.DoesNotApply(new Message(area + (context.NoEvidenceOfDisease ? ".does-not-apply.no-current-disease" : ".does-not-apply.not-omd")));
        }

        if (timing.Timing is null || omd.Status == TriState.Unknown)
        {
            return result.Missing(timing.Missing).Missing(omd.Missing)
                .Insufficient(new Message(area + ".insufficient-data"));
        }

        return result.Applies(new Message(area + ".applies"));
    }
}
