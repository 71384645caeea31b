using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.5 — NO CONSENSUS (57%): the panel voted on discouraging liver resection of OMD in patients with
/// bilobar liver metastases requiring complex hepatectomy (e.g. vascular involvement or central location).
/// "Applies" means only that the patient presents the scenario the proposal addressed — bilobar liver metastases (at
/// least two liver lesions, one reaching the left lobe and another the right lobe; a single lesion crossing the
/// midline is not bilobar disease, section 3.5 and the Discussion speak of bilobar metastases and spread), and at least
/// one liver lesion with vascular involvement or in a central location — never that resection is discouraged: the
/// proposal was not adopted.
/// </summary>
internal sealed class BilobarComplexHepatectomyEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public BilobarComplexHepatectomyEvaluator()
        : base("5.5", new[]
        {
            FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSegments, FactNames.LesionLobe,
            FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var noConsensus = $"No consensus ({Recommendation.Printed.AgreementPercent.ToString(CultureInfo.InvariantCulture)}% agreement)";
        if (context.HasLiverMetastases is not { } hasLiver)
        {
            return result.Missing(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions)
                .Insufficient($"{noConsensus}: no metastatic lesion is recorded, so whether the patient presents the bilobar, complex-hepatectomy scenario the panel voted on is unknown.");
        }

        if (!hasLiver)
        {
            var absent = context.NoLiverMetastasisFinding;
            result.Fact(absent.Fact, absent.Value, absent.Sentence);
            return result.DoesNotApply($"{noConsensus}: the proposal the panel voted on concerned bilobar liver metastases; {char.ToLowerInvariant(absent.Sentence[0]) + absent.Sentence.Substring(1).TrimEnd('.')}.");
        }

        var liver = context.LiverLesions;
        var (bilobar, notBilobar) = BilobarComplexScenario.Bilobar(liver);

        var complex = BilobarComplexScenario.Complex(liver);

        LiverSurgeryGate.Add(result, new[]
        {
            LiverLesionFacts.Location(liver),
            LiverLesionFacts.Flag(liver, LesionProperty.VascularInvolvement),
            LiverLesionFacts.Flag(liver, LesionProperty.CentralLocation),
        });

        var against = new List<string>();
        if (notBilobar is not null)
        {
            against.Add(notBilobar);
        }

        if (complex == false)
        {
            against.Add("no liver lesion has vascular involvement or a central location");
        }

        const string Proposal = "the panel voted on discouraging liver resection of OMD in bilobar liver metastases requiring complex hepatectomy (e.g. vascular involvement or central location)";
        if (against.Count > 0)
        {
            return result.DoesNotApply($"{noConsensus}: {Proposal}, which is not this patient's scenario: {string.Join("; ", against)}.");
        }

        if (bilobar is null || complex is null)
        {
            if (bilobar is null)
            {
                result.Missing(FactNames.LesionSegments, FactNames.LesionLobe);
            }

            if (complex is null)
            {
                result.Missing(FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation);
            }

            return result.Insufficient($"{noConsensus}: whether the patient presents the scenario the panel voted on (bilobar liver metastases requiring complex hepatectomy, e.g. vascular involvement or central location) cannot be decided yet.");
        }

        result.Caution(
            "Section 5 (Discussion) explains the failed vote: panellists may have read bilobar metastasectomy itself as the complex procedure, when the proposal meant bilobar disease needing complex hepatectomy for other reasons (vascular involvement, central location); and the decision to perform more complex, riskier surgery may depend on the expertise of the surgical team and the experience of the centre.");
        result.Caution(BilobarComplexScenario.Section35Quote);
        result.Caution(
            "Section 3.5 also leaves the decision for surgical treatment to the treating physician, case by case, after multidisciplinary board discussion in reference centres for sarcoma and HPB surgery.");
        return result.Applies($"{noConsensus}: {Proposal}; this patient presents that scenario, but the proposal was not adopted and is not a recommendation.");
    }
}
