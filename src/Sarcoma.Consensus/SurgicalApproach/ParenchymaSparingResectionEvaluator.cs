using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Recommendation 6.3: the extent of surgery should be determined by anatomic factors (location of the lesions) and
/// oncological principles (R0), favouring parenchyma-sparing resection. Applies whenever liver resection is on the
/// table (<see cref="LiverResectionCandidacy"/>); records the location, central location and vascular involvement of
/// the liver lesions.
/// </summary>
internal sealed class ParenchymaSparingResectionEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    // The findings on the plan, one per value, shared by every evaluation (immutable).
    private static readonly TriStateFindings MajorHepatectomyPlannedFindings = new(FactNames.MajorHepatectomyPlanned, "6.3.major-hepatectomy-planned", "planned");
    private static readonly Message RequirementMessage = new("6.3.requirement");
    private static readonly Message AppliesMessage = new("6.3.applies");

    /// <summary>Creates the evaluator.</summary>
    public ParenchymaSparingResectionEvaluator()
        : base("6.3", LiverSurgeryGate.CandidacyRequirements.Concat(new[]
        {
            FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation,
            FactNames.MajorHepatectomyPlanned,
        }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (!LiverSurgeryGate.OnTable(context, result, RequirementMessage, out var finished))
        {
            return finished!;
        }

        result.Facts(context.LiverLocation);
        result.Facts(context.LiverCentralLocation);
        result.Facts(context.LiverVascularInvolvement);
        if (context.Patient.LiverSurgery.MajorHepatectomyPlanned is { } major)
        {
            result.Facts(MajorHepatectomyPlannedFindings.For(major));
        }

        return result.Applies(AppliesMessage);
    }
}
