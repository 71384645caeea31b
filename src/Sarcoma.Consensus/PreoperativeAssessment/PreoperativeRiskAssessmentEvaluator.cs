using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.PreoperativeAssessment;

/// <summary>
/// Recommendation 7.2: the preoperative assessment should follow the principles of any major surgery (comorbidities,
/// performance status, ASA physical status). Applies whenever liver resection is on the table
/// (<see cref="LiverResectionCandidacy"/>); reports the ECOG status, ASA class and comorbidities, and lists those
/// not yet recorded as findings to complete (not as missing facts: the recommendation applies regardless).
/// </summary>
internal sealed class PreoperativeRiskAssessmentEvaluator : RecommendationEvaluator
{
    private static readonly string[] AsaNumerals = { "I", "II", "III", "IV", "V", "VI" };

    /// <summary>Creates the evaluator.</summary>
    public PreoperativeRiskAssessmentEvaluator()
        : base("7.2", LiverSurgeryGate.CandidacyRequirements.Concat(new[] { FactNames.Ecog, FactNames.AsaClass, FactNames.SignificantComorbidities }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.OnTable(context, result, "the preoperative assessment for a liver resection", out var finished))
        {
            return finished!;
        }

        var clinical = context.Patient.Clinical;
        var toComplete = new List<string>();
        if (clinical.Ecog is { } ecog)
        {
            var text = ecog.ToString(CultureInfo.InvariantCulture);
            result.Fact(FactNames.Ecog, text, $"ECOG performance status {text}.");
        }
        else
        {
            result.Fact(FactNames.Ecog, "not recorded", "ECOG performance status not yet recorded: to complete before surgery.");
            toComplete.Add("performance status");
        }

        if (clinical.AsaClass is { } asa)
        {
            result.Fact(FactNames.AsaClass, asa.ToString(CultureInfo.InvariantCulture), $"ASA physical status class {AsaNumerals[asa - 1]}.");
        }
        else
        {
            result.Fact(FactNames.AsaClass, "not recorded", "ASA physical status not yet recorded: to complete before surgery.");
            toComplete.Add("ASA physical status");
        }

        switch (clinical.SignificantComorbidities)
        {
            case true:
                result.Fact(FactNames.SignificantComorbidities, "yes", "Significant comorbidities recorded.");
                break;
            case false:
                result.Fact(FactNames.SignificantComorbidities, "no", "No significant comorbidities.");
                break;
            default:
                result.Fact(FactNames.SignificantComorbidities, "not recorded", "Comorbidity assessment not yet recorded: to complete before surgery.");
                toComplete.Add("comorbidities");
                break;
        }

        var summary = "Liver resection is being considered, so the preoperative assessment should follow the principles of any major surgery: comorbidities, performance status and ASA physical status (section 3.7 adds nutritional status and kidney function)";
        return result.Applies(toComplete.Count == 0
            ? summary + "."
            : summary + "; still to complete: " + string.Join(", ", toComplete) + ".");
    }
}
