using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>
/// Recommendation 9.2: patients with liver recurrence should receive preoperative systemic treatment if they have not
/// received adjuvant chemotherapy after the first resection, or on a case-by-case basis according to the principles of
/// 11.2. Population: a liver recurrence after a previous liver resection, with a new resection not ruled out. Applies
/// to every such patient: without adjuvant chemotherapy the directive is "should receive"; after adjuvant chemotherapy
/// (or when that is unrecorded) the decision is case by case, and the 11.2 factors are reported. Below the 9.1
/// treatment-free interval (section 3.9 supports preoperative treatment "in relapses with a short DFI") it still applies
/// when no adjuvant chemotherapy followed the first resection: systemic treatment first, a new resection reconsidered
/// under 9.1; after adjuvant chemotherapy it applies case by case (11.2; section 3.9 names "relapses with a short DFI"
/// among the situations favouring preoperative treatment). Such a recurrence is not a candidate for a new resection now
/// (<see cref="Indication.LiverResectionCandidacy.ReassessAfterSystemicTreatment"/>). It does not apply when the patient
/// is known not to be a candidate for another reason (a liver lesion unresectable, the patient unfit, …). When candidacy
/// is not yet known it still applies, worded "before any new liver resection", with what is missing named.
/// </summary>
internal sealed class PreoperativeTherapyForLiverRecurrenceEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message InsufficientMessage = new("9.2.insufficient");
    private static readonly Message Section39QuoteMessage = new("9.2.section-3-9-quote");
    private static readonly Message NoAdjuvantMessage = new("9.2.no-adjuvant");
    private static readonly Message AdjuvantMessage = new("9.2.adjuvant");
    private static readonly Message AdjuvantUnknownMessage = new("9.2.adjuvant-unknown");
    private static readonly Message AdjuvantUnknownCautionMessage = new("9.2.adjuvant-unknown-caution");
    private static readonly Message CaseByCaseMessage = new("9.2.case-by-case");

    /// <summary>Creates the evaluator.</summary>
    public PreoperativeTherapyForLiverRecurrenceEvaluator()
        : base("9.2", LiverRecurrence.Requirements
            .Concat(Indication.LiverResectionCandidacy.Requirements)
            .Concat(PreoperativeChemotherapyFactors.Requirements)
            .Concat(new[]
            {
                FactNames.AdjuvantTherapyAfterFirstLiverResection, FactNames.SystemicTherapyReceived, FactNames.LesionResectable,
                FactNames.FitForSurgery, FactNames.LastTreatmentEndedOn,
            }).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var missing = new List<string>();
        if (LiverRecurrence.Check(context, result, missing) is { } outside)
        {
            return result.DoesNotApply(Message.Of("9.2.not-a-recurrence", ("reason", outside)));
        }

        // The candidacy's basis is worded by the Indication folder (a string for now).
        var candidacy = context.LiverResection;
        var basis = candidacy.CandidateBasisMessage;
        if (candidacy.Candidate == TriState.No)
        {
            switch (candidacy.ReassessAfterSystemicTreatment)
            {
                case TriState.No:
                    result.Facts(candidacy.Findings.Skip(1));
                    return result.DoesNotApply(Message.Of("9.2.not-a-candidate", ("basis", basis)));
                case TriState.Unknown:
                    // Below the 9.1 interval: 9.2 governs the systemic treatment first, unless a missing fact rules a new
                    // resection out altogether.
                    result.Facts(candidacy.Findings.Skip(1));
                    return result.Missing(candidacy.CandidateMissing).Insufficient(Message.Of("9.2.reassess-undecided", ("basis", basis)));
            }
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing).Insufficient(InsufficientMessage);
        }

        // Candidacy not yet known: the directive holds for any new resection, and the wording does not claim there will be one.
        var resection = LiverRecurrence.NewResection(any: candidacy.Candidate == TriState.Unknown);
        if (candidacy.Candidate == TriState.Unknown)
        {
            result.Facts(candidacy.CandidateFinding);
            result.Caution(Message.Of("9.2.candidacy-unknown", ("basis", basis)));
        }

        if (candidacy.RecurrenceBelowTreatmentFreeInterval)
        {
            // A relapse with a short interval: section 3.9 supports preoperative treatment, after which the tumour board
            // reassesses a new resection (9.1 does not apply as such).
            result.Facts(RemetastasectomyWindow.Assess(context).Findings);
            result.Caution(Section39QuoteMessage);
        }

        var adjuvant = context.Patient.Treatment.AdjuvantTherapyAfterFirstLiverResection;
        if (adjuvant == false)
        {
            result.Fact(FactNames.AdjuvantTherapyAfterFirstLiverResection, "no", NoAdjuvantMessage);
            return result.Applies(Message.Of(
                "9.2.applies.no-adjuvant",
                ("short-tfi", candidacy.RecurrenceBelowTreatmentFreeInterval),
                ("minimum", context.Options.RemetastasectomyMinimumTfiMonths),
                ("resection", resection)));
        }

        if (adjuvant == true)
        {
            result.Fact(FactNames.AdjuvantTherapyAfterFirstLiverResection, "yes", AdjuvantMessage);
        }
        else
        {
            result.Fact(FactNames.AdjuvantTherapyAfterFirstLiverResection, "unknown", AdjuvantUnknownMessage);
            result.Caution(AdjuvantUnknownCautionMessage);
        }

        if (context.Patient.Treatment.SystemicTherapyReceived is { } received)
        {
            result.Fact(FactNames.SystemicTherapyReceived, ResultBuilder.Format(received), Message.Of("9.2.systemic-therapy-received", ("received", received), ("adjuvant", adjuvant == true)));
        }

        // Section 3.9 names "relapses with a short DFI"; for a recurrence after resection, the interval since the last
        // treatment is the one that describes the relapse.
        result.Facts(RemetastasectomyWindow.Assess(context).Findings);

        // The 11.2 factors are worded by the InductionTherapy folder (cautions as strings for now).
        var factors = PreoperativeChemotherapyFactors.Assess(context);
        result.Facts(factors.Findings);
        result.Cautions(factors.CautionMessages);

        result.Caution(CaseByCaseMessage);
        return result.Applies(Message.Of("9.2.applies", ("adjuvant", adjuvant)));
    }
}
