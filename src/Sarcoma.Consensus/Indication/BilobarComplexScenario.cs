using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// The scenario of the no-consensus proposal 5.5: bilobar liver metastases (two different lesions, one reaching each
/// lobe) requiring complex hepatectomy (at least one liver lesion with vascular involvement or a central location).
/// Shared by 5.5, which reports it, and by 5.3, 6.4 and 8.1, which carry a caution when it is present.
/// </summary>
internal static class BilobarComplexScenario
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message IndicationNotBilobarOneLesionCrossingMessage = new("indication.not-bilobar.one-lesion-crossing");

    /// <summary>The facts the scenario reads.</summary>
    public static readonly string[] Requirements =
    {
        FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation,
    };

    /// <summary>
    /// Section 3.5, both sentences on bilobar spread (narrative, not voted): the reassuring one and the one that
    /// discourages surgery when bilobar spread requires complex resections (message <c>indication.section-3.5-bilobar-quote</c>).
    /// </summary>
    public static Message Section35Quote { get; } = new("indication.section-3.5-bilobar-quote");

    /// <summary>Whether the 5.5 scenario is present: <see langword="null"/> when undecided.</summary>
    /// <param name="liver">The liver lesions.</param>
    /// <returns>Whether the liver metastases are bilobar and require complex hepatectomy.</returns>
    public static bool? Present(IReadOnlyList<Lesion> liver)
    {
        if (liver.Count == 0)
        {
            return false;
        }

        var bilobar = Bilobar(liver).Bilobar;
        var complex = Complex(liver);
        return bilobar == false || complex == false ? false : bilobar == true && complex == true ? true : null;
    }

    /// <summary>Whether at least one liver lesion has vascular involvement or a central location; <see langword="null"/> when undecided.</summary>
    /// <param name="liver">The liver lesions.</param>
    /// <returns>Whether complex hepatectomy is required in the sense of 5.5.</returns>
    public static bool? Complex(IReadOnlyList<Lesion> liver) =>
        liver.Any(l => l.VascularInvolvement == true || l.CentralLocation == true)
            ? true
            : liver.All(l => l.VascularInvolvement == false && l.CentralLocation == false) ? false : null;

    /// <summary>
    /// Adds, when the 5.5 scenario is present, a caution that 5.5 did not reach consensus, quoting section 3.5.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    public static void CautionIfPresent(EvaluationContext context, ResultBuilder result)
    {
        if (context.BilobarComplexScenarioPresent == true)
        {
            result.Caution(Message.Of(
                "indication.caution.bilobar-complex",
                ("percent", RecommendationCatalog.Get("5.5").Printed.AgreementPercent),
                ("quote", Section35Quote)));
        }
    }

    /// <summary>
    /// Whether the liver metastases are bilobar: two different lesions, one reaching the left lobe (segments 2–4) and
    /// another the right lobe (segments 5–8); the caudate lobe counts as neither, and a single lesion crossing the midline
    /// is not bilobar disease. A lesion without a recorded location could be anywhere.
    /// </summary>
    /// <param name="liver">The liver lesions.</param>
    /// <returns>Whether bilobar (<see langword="null"/> when undecided), and when not, the reason as a lower-case clause (messages <c>indication.not-bilobar.*</c>).</returns>
    public static (bool? Bilobar, Message? Reason) Bilobar(IReadOnlyList<Lesion> liver)
    {
        bool Reaches(Lesion lesion, LiverLobe lobe) => lesion.LobesTouched.Contains(lobe);
        bool MayReach(Lesion lesion, LiverLobe lobe) => lesion.LobesTouched.Count == 0 || lesion.LobesTouched.Contains(lobe);
        // Two different lesions means two different entries of the list, compared by position: equal lesions listed twice
        // are two lesions, and the same instance listed twice is too. One pass per lobe, so 1,000 lesions stay cheap.
        bool Pair(Func<Lesion, LiverLobe, bool> test)
        {
            var left = Enumerable.Range(0, liver.Count).Where(i => test(liver[i], LiverLobe.Left)).Take(2).ToArray();
            var right = Enumerable.Range(0, liver.Count).Where(i => test(liver[i], LiverLobe.Right)).Take(2).ToArray();
            return left.Length > 0 && right.Length > 0 && (left.Length > 1 || right.Length > 1 || left[0] != right[0]);
        }

        if (liver.Count == 1)
        {
            var only = liver[0];
            return (false, new Message(Reaches(only, LiverLobe.Left) && Reaches(only, LiverLobe.Right)
                ? "indication.not-bilobar.single-lesion-crossing"
                : "indication.not-bilobar.single-lesion"));
        }

        if (Pair(Reaches))
        {
            return (true, null);
        }

        if (Pair(MayReach))
        {
            return (null, null);
        }

        if (!liver.Any(l => Reaches(l, LiverLobe.Left)))
        {
            return (false, Message.Of("indication.not-bilobar.none-in-lobe", ("count", liver.Count), ("lobe", LiverLesionFacts.LobeCode(LiverLobe.Left))));
        }

        if (!liver.Any(l => Reaches(l, LiverLobe.Right)))
        {
            return (false, Message.Of("indication.not-bilobar.none-in-lobe", ("count", liver.Count), ("lobe", LiverLesionFacts.LobeCode(LiverLobe.Right))));
        }

        return (false, IndicationNotBilobarOneLesionCrossingMessage);
    }
}
