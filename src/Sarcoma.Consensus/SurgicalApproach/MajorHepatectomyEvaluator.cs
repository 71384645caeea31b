using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Recommendation 6.4: major hepatectomy may be justified in selected cases with good prognostic features,
/// individualising the approach to each case. Applies when a major hepatectomy is planned and liver resection is on
/// the table (<see cref="LiverResectionCandidacy"/>), always with a caution: whether the prognostic features (section
/// 3.5: DFI, size, extrahepatic disease) are good enough is the clinician's judgement.
/// </summary>
internal sealed class MajorHepatectomyEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    // The findings on the plan and on prior chemotherapy, one per value, shared by every evaluation (immutable).
    private static readonly TriStateFindings MajorHepatectomyPlannedFindings = new(FactNames.MajorHepatectomyPlanned, "6.4.major-hepatectomy-planned", "planned");
    private static readonly TriStateFindings ExtensivePriorChemotherapyFindings = new(FactNames.ExtensivePriorChemotherapy, "6.4.extensive-prior-chemotherapy", "extensive");
    private static readonly Message NotPlannedMessage = new("6.4.not-planned");
    private static readonly Message InsufficientMessage = new("6.4.insufficient");
    private static readonly Message AppliesMessage = new("6.4.applies");

    /// <summary>Creates the evaluator.</summary>
    public MajorHepatectomyEvaluator()
        : base("6.4", LiverSurgeryGate.CandidacyRequirements.Concat(PrognosticProfile.Requirements).Concat(new[]
        {
            FactNames.MajorHepatectomyPlanned, FactNames.ExtensivePriorChemotherapy, FactNames.LesionSegments, FactNames.LesionLobe,
        }).Concat(BilobarComplexScenario.Requirements).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var candidacy = context.LiverResection;
        var planned = context.Patient.LiverSurgery.MajorHepatectomyPlanned;
        result.Facts(candidacy.Findings);
        result.Facts(MajorHepatectomyPlannedFindings.For(planned));

        if (candidacy.Status == TriState.No)
        {
            return result.DoesNotApply(Message.Of("6.4.resection-not-on-table", ("basis", candidacy.BasisMessage)));
        }

        if (planned == false)
        {
            return result.DoesNotApply(NotPlannedMessage);
        }

        if (candidacy.Status == TriState.Unknown || planned is null)
        {
            result.Missing(candidacy.Missing);
            if (planned is null)
            {
                result.Missing(FactNames.MajorHepatectomyPlanned);
            }

            return result.Insufficient(InsufficientMessage);
        }

        result.Facts(context.LiverLocation);
        var notFavourable = PrognosticProfile.RecordFactors(context, result, extrahepaticIsUnfavourable: true);
        var chemotherapy = context.Patient.LiverSurgery.ExtensivePriorChemotherapy;
        result.Facts(ExtensivePriorChemotherapyFindings.For(chemotherapy));

        result.Caution(Message.Of("6.4.selected-cases", ("factors", PrognosticProfile.FactorsMessage)));
        if (notFavourable.Count > 0)
        {
            result.Caution(Message.Of("6.4.not-favourable", ("reasons", notFavourable)));
        }

        LiverSurgeryGate.CandidacyCautions(context, result);
        BilobarComplexScenario.CautionIfPresent(context, result);

        return result.Applies(AppliesMessage);
    }
}
