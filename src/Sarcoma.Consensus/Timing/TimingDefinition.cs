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
        var messages = wanted == MetastasisTiming.Synchronous ? Synchronous : Metachronous;
        result.Facts(timing.Findings);
        if (timing.BoundaryCautionMessage is { } caution)
        {
            result.Caution(caution);
        }

        result.Facts(context.OligometastaticFinding);
        if (timing.Timing is { } actual && actual != wanted)
        {
            // The other timing: the one 2.1 or 2.2 does not cover.
            return result.DoesNotApply(messages.OtherTiming);
        }

        if (omd.Status == TriState.No)
        {
            // After a complete resection there is no current metastatic disease: said so, not "not oligometastatic" (sixth read F8).
            return result.DoesNotApply(context.NoEvidenceOfDisease ? messages.NoCurrentDisease : messages.NotOligometastatic);
        }

        if (timing.Timing is null || omd.Status == TriState.Unknown)
        {
            return result.Missing(timing.Missing).Missing(omd.Missing)
                .Insufficient(messages.Insufficient);
        }

        return result.Applies(messages.Applies);
    }

    // The summaries of 2.1 and 2.2 carry no patient value: one immutable set per recommendation and process.
    private static readonly Summaries Synchronous = new("2.1", "metachronous");
    private static readonly Summaries Metachronous = new("2.2", "synchronous");

    private sealed class Summaries
    {
        public Summaries(string area, string otherTiming)
        {
            OtherTiming = Message.Of(area + ".does-not-apply.other-timing", ("timing", otherTiming));
            NotOligometastatic = new Message(area + ".does-not-apply.not-omd");
            NoCurrentDisease = new Message(area + ".does-not-apply.no-current-disease");
            Insufficient = new Message(area + ".insufficient-data");
            Applies = new Message(area + ".applies");
        }

        public Message OtherTiming { get; }

        public Message NotOligometastatic { get; }

        public Message NoCurrentDisease { get; }

        public Message Insufficient { get; }

        public Message Applies { get; }
    }
}
