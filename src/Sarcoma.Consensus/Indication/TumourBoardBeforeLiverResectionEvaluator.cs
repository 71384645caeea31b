using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.1 (process requirement): a liver resection should always be discussed first within a
/// multidisciplinary tumour board at a sarcoma referral or network centre, weighing its risks against the expected
/// benefits. Applies whenever liver resection is on the table (<see cref="LiverResectionCandidacy"/>), and also when a
/// resection is planned or open to case-by-case discussion outside the consensus indications, flagged (its population is
/// every liver resection: "should always be previously discussed"); the summary says which (on the table, planned
/// outside the indications, open to section 3.5's case-by-case discussion, a recurrence reassessed after systemic
/// treatment, or planned while candidacy is not yet known), so it never reads "being considered" beside "not on the
/// table"; when the primary
/// tumour is still in place, cautions that section 3.1 asks that it be treated before or with the metastasectomy.
/// </summary>
internal sealed class TumourBoardBeforeLiverResectionEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public TumourBoardBeforeLiverResectionEvaluator()
        : base("5.1", LiverSurgeryGate.CandidacyRequirements.Concat(new[] { FactNames.PrimaryResected }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.Considered(context, result, new Message("5.1.requirement"), out var finished))
        {
            return finished!;
        }

        LiverSurgeryGate.CautionIfPrimaryInPlace(context, result);

        // One story with the derived concepts: the summary says why a resection is being discussed at all, never
        // "being considered" beside "not on the table" (issue #7).
        var candidacy = context.LiverResection;
        var (why, basis) = candidacy switch
        {
            { ReassessAfterSystemicTreatment: TriState.Yes } => ("reassess", candidacy.CandidateBasisMessage),
            { Status: TriState.Yes } => ("on-the-table", candidacy.BasisMessage),
            { Status: TriState.Unknown, StatusWhateverTheTiming: TriState.Yes } when context.Patient.LiverSurgery.MajorHepatectomyPlanned != true => ("timing-unknown", FactProse.NotRecordedMessage(context.Timing.Missing)),
            { Candidate: TriState.No, OutsideIndications: TriState.Yes } when context.Patient.LiverSurgery.MajorHepatectomyPlanned == true
                => ("planned-outside-indications", candidacy.CandidateBasisMessage),
            { Candidate: TriState.No, OutsideIndications: TriState.Yes } => ("case-by-case", candidacy.CandidateBasisMessage),
            _ => ("planned-undecided", candidacy.BasisMessage),
        };
        return result.Applies(Message.Of("5.1.applies", ("why", why), ("basis", basis)));
    }
}
