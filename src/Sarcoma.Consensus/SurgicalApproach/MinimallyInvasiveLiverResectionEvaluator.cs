using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;

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
        if (!LiverSurgeryGate.OnTable(context, result, "the choice of a minimally invasive approach", out var finished))
        {
            return finished!;
        }

        var liver = context.LiverLesions;
        LiverSurgeryGate.Add(result, new[]
        {
            LiverLesionFacts.Location(liver),
            LiverLesionFacts.Flag(liver, LesionProperty.CentralLocation),
        });

        var sized = liver.Where(l => l.SizeMm is not null).Select(l => l.SizeMm!.Value).ToArray();
        if (sized.Length > 0)
        {
            var largest = ResultBuilder.Format(sized.Max());
            var unsized = liver.Count - sized.Length;
            result.Fact(FactNames.LesionSizeMm, largest, $"Largest liver lesion {largest} mm{(unsized > 0 ? $"; size not recorded for {LiverLesionFacts.Count(unsized, "other lesion")}" : string.Empty)}.");
        }
        else
        {
            result.Fact(FactNames.LesionSizeMm, "unknown", "Size of the liver lesions not recorded.");
        }

        var treatment = context.Patient.Treatment;
        var surgeries = SurgicalHistoryFacts.AbdominalSurgeries(treatment);
        result.Fact(surgeries.Fact, surgeries.Value, surgeries.Sentence);

        result.Caution(
            "Whether a minimally invasive resection is technically feasible with an R0 resection of all liver disease (for example small peripheral lesions) is the surgeon's judgement.");
        var primary = context.Patient.Primary;
        if (primary?.Site == PrimarySite.Retroperitoneal)
        {
            result.Fact(FactNames.PrimarySite, "retroperitoneal", primary.Resected == true
                ? "Retroperitoneal primary, resected: a precedent of major abdominal surgery."
                : "Retroperitoneal primary.");
            result.Caution(
                "Section 3.6: with a retroperitoneal primary, the precedent of major abdominal surgery for it (especially in metachronous disease) should be considered before a minimally invasive approach; the most favourable cases are pelvic primaries or retroperitoneal approaches to the primary.");
        }

        return result.Applies(
            "Liver resection is being considered, so a minimally invasive (laparoscopic or robotic) resection may be considered if technically feasible, always with the goal of an R0 resection.");
    }
}
