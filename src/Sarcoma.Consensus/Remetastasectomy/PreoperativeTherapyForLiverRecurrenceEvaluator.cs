using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Remetastasectomy;

/// <summary>
/// Recommendation 9.2: patients with liver recurrence should receive preoperative systemic treatment if they have not
/// received adjuvant chemotherapy after the first resection, or on a case-by-case basis according to the principles of
/// 11.2. Population: a liver recurrence after a previous liver resection, with a new resection not ruled out. Applies
/// to every such patient: without adjuvant chemotherapy the directive is "should receive"; after adjuvant chemotherapy
/// (or when that is unrecorded) the decision is case by case, and the 11.2 factors are reported. Below the 9.1
/// treatment-free interval (section 3.9 supports preoperative treatment "in relapses with a short DFI") it still applies
/// when no adjuvant chemotherapy followed the first resection: systemic treatment first, a new resection reconsidered
/// under 9.1. It does not apply when the patient is known not to be a candidate for a new resection (a liver lesion
/// unresectable, the patient unfit, …; or, below the 9.1 interval, after adjuvant chemotherapy). When candidacy is not
/// yet known it still applies, worded "before any new liver resection", with what is missing named.
/// </summary>
internal sealed class PreoperativeTherapyForLiverRecurrenceEvaluator : RecommendationEvaluator
{
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
            return result.DoesNotApply(outside + ": preoperative treatment of a liver recurrence does not arise.");
        }

        var candidacy = context.LiverResection;
        if (candidacy.Candidate == TriState.No)
        {
            result.Facts(candidacy.Findings.Skip(1));
            return result.DoesNotApply(Capitalise(LiverRecurrence.NotACandidate(context))
                + ", so preoperative treatment before one does not arise; see 10.1 for non-surgical local approaches.");
        }

        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient("Whether this is a liver recurrence after a previous liver resection cannot be decided yet.");
        }

        // Candidacy not yet known: the directive holds for any new resection, and the wording does not claim there will be one.
        var resection = "a new liver resection";
        if (candidacy.Candidate == TriState.Unknown)
        {
            result.Facts(new[] { candidacy.CandidateFinding });
            result.Caution($"Whether the patient is a candidate for a new liver resection is not yet known ({candidacy.CandidateBasis}): 9.2 governs the systemic treatment before any new resection.");
            resection = "any new liver resection";
        }

        if (candidacy.RecurrenceBelowTreatmentFreeInterval)
        {
            // A relapse with a short interval: section 3.9 supports preoperative treatment, after which the tumour board
            // reassesses a new resection (9.1 does not apply as such).
            result.Facts(RemetastasectomyWindow.Assess(context).Findings);
            result.Caution(Section39Quote);
        }

        var adjuvant = context.Patient.Treatment.AdjuvantTherapyAfterFirstLiverResection;
        if (adjuvant == false)
        {
            result.Fact(FactNames.AdjuvantTherapyAfterFirstLiverResection, "no", "No adjuvant chemotherapy was given after the first liver resection.");
            return result.Applies(candidacy.RecurrenceBelowTreatmentFreeInterval
                ? $"Liver recurrence without adjuvant chemotherapy after the first resection: the patient should receive preoperative systemic treatment first (the treatment-free interval, not longer than {context.Options.RemetastasectomyMinimumTfiMonths.ToString(System.Globalization.CultureInfo.InvariantCulture)} months, is outside the strict reading of 9.1); the tumour board then reassesses {resection}."
                : $"Liver recurrence without adjuvant chemotherapy after the first resection: the patient should receive preoperative systemic treatment before {resection}.");
        }

        if (adjuvant == true)
        {
            result.Fact(FactNames.AdjuvantTherapyAfterFirstLiverResection, "yes", "Adjuvant chemotherapy was given after the first liver resection.");
        }
        else
        {
            result.Fact(FactNames.AdjuvantTherapyAfterFirstLiverResection, "unknown", "Whether adjuvant chemotherapy followed the first liver resection is not recorded.");
            result.Caution("Record whether adjuvant chemotherapy followed the first liver resection: if it did not, 9.2 says the patient should receive preoperative systemic treatment; if it did, the decision is case by case.");
        }

        if (context.Patient.Treatment.SystemicTherapyReceived is { } received)
        {
            result.Fact(
                FactNames.SystemicTherapyReceived,
                ResultBuilder.Format(received),
                received
                    ? "Systemic therapy has been given for metastatic disease."
                    : "No systemic therapy has been given for metastatic disease (section 3.9 supports preoperative treatment of recurrent liver disease when no prior chemotherapy was given).");
        }

        // Section 3.9 names "relapses with a short DFI"; for a recurrence after resection, the interval since the last
        // treatment is the one that describes the relapse.
        result.Facts(RemetastasectomyWindow.Assess(context).Findings);
        var factors = PreoperativeChemotherapyFactors.Assess(context);
        result.Facts(factors.Findings);
        foreach (var caution in factors.Cautions)
        {
            result.Caution(caution);
        }

        result.Caution("Section 3.9: treatment decisions for liver recurrence should be made by a multidisciplinary tumour board case by case; the panel supports preoperative treatment especially without prior chemotherapy, in highly chemosensitive histologies such as leiomyosarcoma, and in relapses with a short disease-free interval.");
        return result.Applies(adjuvant == true
            ? "Liver recurrence after adjuvant chemotherapy following the first resection: preoperative systemic treatment should be decided case by case, according to the principles of recommendation 11.2."
            : "Liver recurrence: preoperative systemic treatment should be given if no adjuvant chemotherapy followed the first resection, otherwise decided case by case according to recommendation 11.2.");
    }

    /// <summary>Section 3.9 on preoperative treatment of recurrent liver disease, quoted.</summary>
    private const string Section39Quote =
        "Section 3.9: \"The panel supports the use of preoperative systemic treatment in recurrent liver disease if no prior chemotherapy has been administrated, in histologies with high chemosensitivity such as LMS, and in relapses with a short DFI. Treatment decisions should be made by a multidisciplinary tumor board on a case-by-case basis.\"";

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
