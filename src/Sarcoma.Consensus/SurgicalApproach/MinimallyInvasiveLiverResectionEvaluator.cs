using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Recommendation 6.5: minimally invasive liver resection (laparoscopic or robotic) may be considered when
/// technically feasible, always aiming at R0. Applies whenever liver resection is on the table
/// (<see cref="LiverResectionCandidacy"/>), with a caution that technical feasibility is the surgeon's judgement;
/// records what section 3.6 asks to weigh: central or peripheral location and size of the lesions, previous abdominal
/// surgeries, and a retroperitoneal primary.
/// </summary>
internal sealed class MinimallyInvasiveLiverResectionEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message RequirementMessage = new("6.5.requirement");
    private static readonly Message SizeUnknownMessage = new("6.5.size-unknown");
    private static readonly Message TechnicalFeasibilityMessage = new("6.5.technical-feasibility");
    private static readonly Message RetroperitonealPrimaryCautionMessage = new("6.5.retroperitoneal-primary-caution");
    private static readonly Message AppliesMessage = new("6.5.applies");

    /// <summary>Creates the evaluator.</summary>
    public MinimallyInvasiveLiverResectionEvaluator()
        : base("6.5", LiverSurgeryGate.CandidacyRequirements.Concat(new[]
        {
            FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionCentralLocation, FactNames.LesionSizeMm,
            FactNames.PreviousAbdominalSurgeries, FactNames.PrimarySite, FactNames.PrimaryResected,
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

        var liver = context.LiverLesions;
        result.Facts(context.LiverLocation);
        result.Facts(context.LiverCentralLocation);

        var sized = liver.Where(l => l.SizeMm is not null).Select(l => l.SizeMm!.Value).ToArray();
        if (sized.Length > 0)
        {
            var largest = sized.Max();
            result.Fact(FactNames.LesionSizeMm, ResultBuilder.Format(largest), Message.Of("6.5.largest-lesion", ("sizeMm", largest), ("unsized", liver.Count - sized.Length)));
        }
        else
        {
            result.Fact(FactNames.LesionSizeMm, "unknown", SizeUnknownMessage);
        }

        result.Facts(SurgicalHistoryFacts.AbdominalSurgeries(context.Patient.Treatment));
        result.Caution(TechnicalFeasibilityMessage);
        var primary = context.Patient.Primary;
        if (primary?.Site == PrimarySite.Retroperitoneal)
        {
            result.Fact(FactNames.PrimarySite, "retroperitoneal", Message.Of("6.5.retroperitoneal-primary", ("resected", primary.Resected == true)));
            result.Caution(RetroperitonealPrimaryCautionMessage);
        }

        return result.Applies(AppliesMessage);
    }
}
