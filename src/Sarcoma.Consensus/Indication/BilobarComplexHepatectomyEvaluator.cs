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
public sealed class BilobarComplexHepatectomyEvaluator : RecommendationEvaluator
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
        var (bilobar, notBilobar) = Bilobar(liver);

        bool? complex = liver.Any(l => l.VascularInvolvement == true || l.CentralLocation == true)
            ? true
            : liver.All(l => l.VascularInvolvement == false && l.CentralLocation == false) ? false : null;

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
        result.Caution(
            "Section 3.5 adds that bilobar spread with few nodules allowing parenchyma-sparing resection of different segments is not a contraindication, and that the decision rests with the treating physician and the multidisciplinary board of a reference centre.");
        return result.Applies($"{noConsensus}: {Proposal}; this patient presents that scenario, but the proposal was not adopted and is not a recommendation.");
    }

    /// <summary>
    /// Whether the liver metastases are bilobar: two different lesions, one reaching the left lobe (segments 2–4) and
    /// another the right lobe (segments 5–8); the caudate lobe counts as neither, and a single lesion crossing the midline
    /// is not bilobar disease. A lesion without a recorded location could be anywhere.
    /// </summary>
    /// <param name="liver">The liver lesions.</param>
    /// <returns>Whether bilobar (<see langword="null"/> when undecided), and when not, the reason as a lower-case clause.</returns>
    private static (bool? Bilobar, string? Reason) Bilobar(IReadOnlyList<Lesion> liver)
    {
        bool Reaches(Lesion lesion, LiverLobe lobe) => lesion.LobesTouched.Contains(lobe);
        bool MayReach(Lesion lesion, LiverLobe lobe) => lesion.LobesTouched.Count == 0 || lesion.LobesTouched.Contains(lobe);
        bool Pair(Func<Lesion, LiverLobe, bool> test) =>
            liver.Any(left => test(left, LiverLobe.Left) && liver.Any(right => !ReferenceEquals(left, right) && test(right, LiverLobe.Right)));

        if (liver.Count == 1)
        {
            var only = liver[0];
            return (false, Reaches(only, LiverLobe.Left) && Reaches(only, LiverLobe.Right)
                ? "the only liver lesion extends into both lobes, but a single lesion crossing the midline is not bilobar metastases"
                : "there is a single liver lesion, so the liver metastases are not bilobar");
        }

        if (Pair(Reaches))
        {
            return (true, null);
        }

        if (Pair(MayReach))
        {
            return (null, null);
        }

        var count = liver.Count.ToString(CultureInfo.InvariantCulture);
        var none = liver.Count == 2 ? "neither liver lesion is" : $"none of the {count} liver lesions is";
        if (!liver.Any(l => Reaches(l, LiverLobe.Left)))
        {
            return (false, $"{none} in the left lobe, so the liver metastases are not bilobar");
        }

        if (!liver.Any(l => Reaches(l, LiverLobe.Right)))
        {
            return (false, $"{none} in the right lobe, so the liver metastases are not bilobar");
        }

        return (false, "only one liver lesion reaches both lobes, and a single lesion crossing the midline is not bilobar metastases");
    }
}
