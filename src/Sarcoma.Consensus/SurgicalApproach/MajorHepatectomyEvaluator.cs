using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.SurgicalApproach;

/// <summary>
/// Recommendation 6.4: major hepatectomy may be justified in selected cases with good prognostic features,
/// individualising the approach to each case. Applies when a major hepatectomy is planned and liver resection is on
/// the table (<see cref="LiverResectionCandidacy"/>), always with a caution: whether the prognostic features (section
/// 3.5: DFI, size, extrahepatic disease) are good enough is the clinician's judgement.
/// </summary>
internal sealed class MajorHepatectomyEvaluator : RecommendationEvaluator
{
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
        result.Fact(FactNames.MajorHepatectomyPlanned, ResultBuilder.Format(planned), planned switch
        {
            true => "A major hepatectomy is planned.",
            false => "No major hepatectomy is planned.",
            _ => "Whether a major hepatectomy is planned is not recorded.",
        });

        if (candidacy.Status == TriState.No)
        {
            return result.DoesNotApply($"Liver resection is not on the table ({candidacy.Basis}), so the question of a major hepatectomy does not arise.");
        }

        if (planned == false)
        {
            return result.DoesNotApply("No major hepatectomy is planned, so the conditions for justifying one do not arise.");
        }

        if (candidacy.Status == TriState.Unknown || planned is null)
        {
            result.Missing(candidacy.Missing);
            if (planned is null)
            {
                result.Missing(FactNames.MajorHepatectomyPlanned);
            }

            return result.Insufficient("Whether a major hepatectomy is being considered for this patient cannot be decided yet.");
        }

        LiverSurgeryGate.Add(result, new[] { LiverLesionFacts.Location(context.LiverLesions) });
        var notFavourable = PrognosticProfile.Record(context, result, extrahepaticIsUnfavourable: true);
        var chemotherapy = context.Patient.LiverSurgery.ExtensivePriorChemotherapy;
        result.Fact(FactNames.ExtensivePriorChemotherapy, ResultBuilder.Format(chemotherapy), chemotherapy switch
        {
            true => "Extensive prior chemotherapy: previous hepatotoxic chemotherapy bears on the individualised plan (section 3.6) and on the future liver remnant needed (7.1).",
            false => "No extensive prior chemotherapy.",
            _ => "Whether the patient had extensive prior chemotherapy is not recorded (it bears on the plan, section 3.6, and on the future liver remnant needed, 7.1).",
        });

        result.Caution(
            $"Major hepatectomy may be justified only in selected cases with good prognostic features; section 3.5 names {PrognosticProfile.FactorsText}. Whether this patient's features are good enough, and how to individualise the approach, is a clinical judgement (the future liver remnant is assessed under 7.1).");
        if (notFavourable.Count > 0)
        {
            result.Caution("Not favourable here: " + string.Join("; ", notFavourable) + ".");
        }

        LiverSurgeryGate.CandidacyCautions(context, result);
        BilobarComplexScenario.CautionIfPresent(context, result);

        return result.Applies(
            "A major hepatectomy is planned: it may be justified in selected cases with good prognostic features, with the approach individualised to this patient.");
    }
}
