using System.Collections.Generic;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// The shared trigger of the recommendations that govern liver surgery once it is being considered (5.1, 5.2,
/// 6.1–6.5, 7.2): they apply when liver resection is on the table (<see cref="LiverResectionCandidacy"/>), do not
/// arise when it is not, and cannot be decided while candidacy is unknown.
/// </summary>
internal static class LiverSurgeryGate
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message IndicationPrimaryInPlaceMessage = new("indication.primary-in-place");

    /// <summary>The facts <see cref="LiverResectionCandidacy"/> reads.</summary>
    public static readonly string[] CandidacyRequirements = System.Linq.Enumerable.ToArray(LiverResectionCandidacy.Requirements);

    /// <summary>
    /// Records the candidacy findings and, unless liver resection is on the table, finishes the result (messages
    /// <c>indication.gate.*</c>).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="requirement">What the recommendation asks, as a noun phrase ("the tumour-board discussion of the resection").</param>
    /// <param name="finished">The finished result when resection is not (or not known to be) on the table.</param>
    /// <returns><see langword="true"/> when liver resection is on the table and the caller should go on.</returns>
    public static bool OnTable(EvaluationContext context, ResultBuilder result, Message requirement, out RecommendationResult? finished)
    {
        var candidacy = context.LiverResection;
        result.Facts(candidacy.Findings);
        switch (candidacy.Status)
        {
            case TriState.Yes:
                CandidacyCautions(context, result);
                finished = null;
                return true;
            case TriState.No when candidacy.Candidate == TriState.No && candidacy.OutsideIndications == TriState.Yes:
                finished = result.DoesNotApply(Message.Of("indication.gate.outside-indications", ("basis", candidacy.CandidateBasisMessage), ("requirement", requirement)));
                return false;
            case TriState.No:
                finished = result.DoesNotApply(Message.Of("indication.gate.not-on-the-table", ("basis", candidacy.BasisMessage), ("requirement", requirement)));
                return false;
            default:
                finished = result.Missing(candidacy.Missing)
                    .Insufficient(candidacy.Candidate == TriState.No
                        ? Message.Of("indication.gate.not-a-candidate", ("basis", candidacy.CandidateBasisMessage), ("requirement", requirement))
                        : Message.Of("indication.gate.undecided", ("basis", candidacy.BasisMessage), ("requirement", requirement)));
                return false;
        }
    }

    /// <summary>
    /// For the recommendations whose own population is a resection being considered (5.1: "surgical resection ... should
    /// always be previously discussed"), whatever the indications: like <see cref="OnTable"/>, but a patient who is not a
    /// candidate and for whom a resection is nevertheless considered (<see cref="LiverResectionCandidacy.OutsideIndications"/>)
    /// goes on, the flag added as the first caution; a planned resection goes on while candidacy is undecided, with a
    /// caution naming what is missing. A liver recurrence whose only reason against candidacy is a treatment-free interval
    /// below 9.1 (<see cref="LiverResectionCandidacy.ReassessAfterSystemicTreatment"/>) goes on too, with a caution that the
    /// board reassesses a new resection after systemic treatment (unknown: the missing facts are named).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="requirement">What the recommendation asks, as a noun phrase.</param>
    /// <param name="finished">The finished result when no resection is (or is known to be) considered.</param>
    /// <returns><see langword="true"/> when the caller should go on.</returns>
    public static bool Considered(EvaluationContext context, ResultBuilder result, Message requirement, out RecommendationResult? finished)
    {
        var candidacy = context.LiverResection;

        // A liver recurrence below the 9.1 interval: not a candidate now, but the tumour board discusses it now and
        // reassesses a new resection after systemic treatment (9.2, section 3.9).
        switch (candidacy.ReassessAfterSystemicTreatment)
        {
            case TriState.Yes:
                result.Facts(candidacy.Findings);
                if (candidacy.OutsideIndicationsFlagMessage is { } flag)
                {
                    result.Caution(flag);
                }

                result.Caution(Message.Of("indication.gate.reassess-after-systemic", ("basis", candidacy.CandidateBasisMessage)));
                finished = null;
                return true;
            case TriState.Unknown:
                result.Facts(candidacy.Findings);
                finished = result.Missing(candidacy.CandidateMissing)
                    .Insufficient(Message.Of("indication.gate.reassess-undecided", ("basis", candidacy.CandidateBasisMessage), ("requirement", requirement)));
                return false;
        }

        if (candidacy.Status == TriState.Yes)
        {
            return OnTable(context, result, requirement, out finished);
        }

        if (candidacy.Candidate == TriState.No && candidacy.Status == TriState.No)
        {
            result.Facts(candidacy.Findings);
            switch (candidacy.OutsideIndications)
            {
                case TriState.Yes:
                    result.Caution(candidacy.OutsideIndicationsFlagMessage!);
                    finished = null;
                    return true;
                case TriState.Unknown:
                    finished = result.Missing(candidacy.OutsideIndicationsMissing)
                        .Insufficient(Message.Of("indication.gate.not-a-candidate", ("basis", candidacy.CandidateBasisMessage), ("requirement", requirement)));
                    return false;
            }
        }
        else if (candidacy.Status == TriState.Unknown && context.Patient.LiverSurgery.MajorHepatectomyPlanned == true)
        {
            result.Facts(candidacy.Findings);
            result.Caution(Message.Of("indication.gate.planned-undecided", ("basis", candidacy.BasisMessage)));
            finished = null;
            return true;
        }
        else if (candidacy.Status == TriState.Unknown && candidacy.StatusWhateverTheTiming == TriState.Yes)
        {
            // Every value of the missing date puts resection on the table (s22 F6): a resection is considered either way.
            result.Facts(candidacy.Findings);
            result.Caution(Message.Of("indication.gate.timing-unknown-considered", ("notRecorded", FactProse.NotRecordedMessage(context.Timing.Missing))));
            foreach (var caution in candidacy.CautionMessages)
            {
                result.Caution(caution);
            }

            finished = null;
            return true;
        }

        return OnTable(context, result, requirement, out finished);
    }

    /// <summary>Adds the cautions of <see cref="LiverResectionCandidacy"/> when liver resection is on the table.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    public static void CandidacyCautions(EvaluationContext context, ResultBuilder result)
    {
        if (context.LiverResection.Status == TriState.Yes)
        {
            foreach (var caution in context.LiverResection.CautionMessages)
            {
                result.Caution(caution);
            }
        }
    }

    /// <summary>
    /// Adds the extrahepatic-disease caution (the same wording as <see cref="LiverResectionCandidacy"/>): 5.3 covers
    /// liver-only disease and 5.4 liver plus lung only, in highly selected patients; section 3.1 warns that concurrent
    /// extrapulmonary extrahepatic lesions could mean a more systemic disease.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    public static void ExtrahepaticCautions(EvaluationContext context, ResultBuilder result)
    {
        if (LiverResectionCandidacy.ExtrahepaticCaution(context) is { } caution)
        {
            result.Caution(caution);
        }
    }

    /// <summary>
    /// Section 3.1: when the primary tumour is still in place, "the primary tumor should be treated before or at the same
    /// time as the metastasectomy" (message <c>indication.caution.primary-in-place</c>).
    /// </summary>
    public static Message PrimaryInPlaceCautionMessage { get; } = new("indication.caution.primary-in-place");

    /// <summary>Gets <see cref="PrimaryInPlaceCautionMessage"/> in English.</summary>
    public static string PrimaryInPlaceCaution => PrimaryInPlaceCautionMessage.Text;

    /// <summary>Records a primary tumour still in place and adds <see cref="PrimaryInPlaceCautionMessage"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    public static void CautionIfPrimaryInPlace(EvaluationContext context, ResultBuilder result)
    {
        if (context.Patient.Primary?.Resected == false)
        {
            result.Fact(FactNames.PrimaryResected, "no", IndicationPrimaryInPlaceMessage);
            result.Caution(PrimaryInPlaceCautionMessage);
        }
    }

    /// <summary>Adds the findings in order, skipping <see langword="null"/>s.</summary>
    /// <param name="result">The builder.</param>
    /// <param name="findings">The findings.</param>
    public static void Add(ResultBuilder result, IEnumerable<Finding?> findings)
    {
        foreach (var finding in findings)
        {
            if (finding is not null)
            {
                result.Facts(finding);
            }
        }
    }
}
