using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.PreoperativeAssessment;

/// <summary>
/// Recommendation 7.2: the preoperative assessment should follow the principles of any major surgery (comorbidities,
/// performance status, ASA physical status). Applies whenever liver resection is on the table
/// (<see cref="LiverResectionCandidacy"/>); reports the ECOG status, ASA class and comorbidities, and lists those
/// not yet recorded as findings to complete (not as missing facts: the recommendation applies regardless).
/// </summary>
internal sealed class PreoperativeRiskAssessmentEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    // The findings on comorbidities, one per value, shared by every evaluation (immutable).
    private static readonly TriStateFindings ComorbiditiesFindings = new(FactNames.SignificantComorbidities, "7.2.comorbidities", "significant");
    private static readonly Message RequirementMessage = new("7.2.requirement");
    private static readonly Message EcogNotRecordedMessage = new("7.2.ecog-not-recorded");
    private static readonly Message ToCompletePerformanceStatusMessage = new("7.2.to-complete-performance-status");
    private static readonly Message AsaNotRecordedMessage = new("7.2.asa-not-recorded");
    private static readonly Message ToCompleteAsaMessage = new("7.2.to-complete-asa");
    private static readonly Message ComorbiditiesNotRecordedMessage = new("7.2.comorbidities-not-recorded");
    private static readonly Message ToCompleteComorbiditiesMessage = new("7.2.to-complete-comorbidities");

    /// <summary>Creates the evaluator.</summary>
    public PreoperativeRiskAssessmentEvaluator()
        : base("7.2", LiverSurgeryGate.CandidacyRequirements.Concat(new[] { FactNames.Ecog, FactNames.AsaClass, FactNames.SignificantComorbidities }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.OnTable(context, result, RequirementMessage, out var finished))
        {
            return finished!;
        }

        var clinical = context.Patient.Clinical;
        var toComplete = new List<Message>();
        if (clinical.Ecog is { } ecog)
        {
            result.Fact(FactNames.Ecog, ecog.ToString(CultureInfo.InvariantCulture), Message.Of("7.2.ecog", ("ecog", ecog)));
        }
        else
        {
            result.Fact(FactNames.Ecog, "not recorded", EcogNotRecordedMessage);
            toComplete.Add(ToCompletePerformanceStatusMessage);
        }

        if (clinical.AsaClass is { } asa)
        {
            result.Fact(FactNames.AsaClass, asa.ToString(CultureInfo.InvariantCulture), Message.Of("7.2.asa", ("asa", asa)));
        }
        else
        {
            result.Fact(FactNames.AsaClass, "not recorded", AsaNotRecordedMessage);
            toComplete.Add(ToCompleteAsaMessage);
        }

        if (clinical.SignificantComorbidities is { } comorbid)
        {
            result.Facts(ComorbiditiesFindings.For(comorbid));
        }
        else
        {
            result.Fact(FactNames.SignificantComorbidities, "not recorded", ComorbiditiesNotRecordedMessage);
            toComplete.Add(ToCompleteComorbiditiesMessage);
        }

        return result.Applies(Message.Of("7.2.applies", ("toComplete", toComplete)));
    }
}
