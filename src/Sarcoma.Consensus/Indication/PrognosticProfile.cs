using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// The prognostic factors section 3.5 names for hepatic resection of non-GIST sarcoma metastases (Tirotta et al.,
/// Goumard et al.): a disease-free interval longer than six months (favourable), metastatic size over 10 cm and
/// extrahepatic disease (unfavourable); and, from the lung-metastasectomy factors section 3.5 carries over, a "limited
/// number of nodules (&lt;3–5)" (fewer than 3 favourable; 3–4 within the range on its upper end only, stated but neither
/// favourable nor against; 5 or more not limited, named among the factors against). Recorded as findings for the recommendations that reserve surgery for a
/// "favourable prognostic profile" (5.4) or "good prognostic features" (6.4); weighing them is the clinician's call.
/// </summary>
internal static class PrognosticProfile
{
    /// <summary>The fact name of the disease-free interval (months), derived from <c>primary.diagnosedOn</c> and <c>metastases.detectedOn</c>.</summary>
    public const string DiseaseFreeIntervalName = "derived.diseaseFreeInterval";

    /// <summary>
    /// Section 3.5: "DFI &gt; 6 months was a good prognostic factor" (Tirotta); "DFI &lt; 6 months" associated with worse
    /// survival (Goumard). Fixed by the text, not an option.
    /// </summary>
    internal const int FavourableDfiLongerThanMonths = 6;

    /// <summary>
    /// Section 3.5: "size &gt;10 cm" (Tirotta) and "larger metastatic size (&gt;10 cm)" (Goumard) associated with decreased
    /// survival. 10 cm = 100 mm; exactly 100 mm is not larger. Fixed by the text, not an option; also used by 12.1.
    /// </summary>
    internal const decimal LargeMetastasisAboveMm = 100m;

    /// <summary>
    /// Section 3.5: "limited number of nodules (&lt;3–5)", the strict end of the range: fewer than 3 metastatic lesions is a
    /// limited number on every reading. Fixed by the text (the paper gives the range, not a choice), not an option.
    /// </summary>
    internal const int LimitedNodulesBelow = 3;

    /// <summary>
    /// Section 3.5: "limited number of nodules (&lt;3–5)", the lenient end of the range: 5 or more metastatic lesions is not
    /// a limited number on any reading (named against); 3–4 are limited only on the lenient reading (stated, not counted
    /// either way).
    /// </summary>
    internal const int LimitedNodulesUpperBelow = 5;

    /// <summary>The facts the profile reads.</summary>
    public static readonly string[] Requirements =
    {
        FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSizeMm,
    };

    /// <summary>The factors as the guideline names them, for cautions (message <c>indication.prognostic-factors</c>).</summary>
    public static Message FactorsMessage { get; } = new("indication.prognostic-factors");

    /// <summary>Gets <see cref="FactorsMessage"/> in English.</summary>
    public static string FactorsText => FactorsMessage.Text;

    /// <summary>Records the four factors as findings.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="extrahepaticIsUnfavourable">Whether extrahepatic disease counts among the unfavourable factors returned (not for 5.4, whose scenario is limited lung-only disease).</param>
    /// <returns>The unfavourable (or not-favourable) factors present, as short phrases (messages <c>indication.prognostic.against.*</c>); empty when none is known.</returns>
    public static IReadOnlyList<Message> RecordFactors(EvaluationContext context, ResultBuilder result, bool extrahepaticIsUnfavourable)
    {
        var against = new List<Message>();
        var threshold = FavourableDfiLongerThanMonths.ToString(CultureInfo.InvariantCulture) + " months";

        // Disease-free interval: its sentence as a clause (without its full stop), followed by the comparison.
        var dfi = context.DiseaseFreeInterval;
        var dfiFinding = dfi.ToFinding(DiseaseFreeIntervalName);
        var dfiSentence = dfi.ClauseMessage();
        switch (dfi.LongerThanMonths(FavourableDfiLongerThanMonths))
        {
            case true:
                result.Fact(dfiFinding.Fact, dfiFinding.Value, Message.Of("indication.prognostic.dfi-favourable", ("dfi", dfiSentence), ("months", FavourableDfiLongerThanMonths)), ">", threshold, "section 3.5");
                break;
            case false:
                result.Fact(dfiFinding.Fact, dfiFinding.Value, Message.Of("indication.prognostic.dfi-not-favourable", ("dfi", dfiSentence), ("months", FavourableDfiLongerThanMonths)), "≤", threshold, "section 3.5");
                against.Add(Message.Of("indication.prognostic.against.dfi", ("months", FavourableDfiLongerThanMonths)));
                break;
            default:
                result.Facts(new[] { dfiFinding });
                break;
        }

        // Number of metastatic nodules (section 3.5, "limited number of nodules (<3–5)"), counted over every current lesion.
        var nodules = context.Lesions.Count;
        if (nodules > 0)
        {
            var reading = nodules < LimitedNodulesBelow ? "limited" : nodules < LimitedNodulesUpperBelow ? "range" : "not-limited";
            result.Fact(
                FactNames.Lesions,
                nodules.ToString(CultureInfo.InvariantCulture),
                Message.Of("indication.prognostic.nodules", ("count", nodules), ("reading", reading)),
                nodules < LimitedNodulesBelow ? "<" : "≥",
                (nodules < LimitedNodulesUpperBelow ? LimitedNodulesBelow : LimitedNodulesUpperBelow).ToString(CultureInfo.InvariantCulture) + " lesions",
                "section 3.5");
            if (reading == "not-limited")
            {
                against.Add(Message.Of("indication.prognostic.against.nodules", ("count", nodules)));
            }
        }

        // Size of the liver metastases.
        var liver = context.LiverLesions;
        if (liver.Count > 0)
        {
            var sized = liver.Where(l => l.SizeMm is not null).Select(l => l.SizeMm!.Value).ToArray();
            var unsized = liver.Count - sized.Length;
            if (sized.Length == 0)
            {
                result.Fact(FactNames.LesionSizeMm, "unknown", new Message("indication.prognostic.size-unknown"));
            }
            else
            {
                var largest = sized.Max();
                var large = largest > LargeMetastasisAboveMm;
                result.Fact(
                    FactNames.LesionSizeMm,
                    ResultBuilder.Format(largest),
                    Message.Of("indication.prognostic.size", ("largestMm", largest), ("large", large), ("unsized", unsized)),
                    large ? ">" : "≤",
                    ResultBuilder.Format(LargeMetastasisAboveMm) + " mm",
                    "section 3.5");
                if (large)
                {
                    against.Add(new Message("indication.prognostic.against.size"));
                }
            }
        }

        // Extrahepatic disease.
        var extrahepatic = context.ExtrahepaticLesions;
        if (context.Lesions.Count > 0)
        {
            if (extrahepatic.Count == 0)
            {
                result.Fact(FactNames.LesionSite, "liver only", new Message("indication.prognostic.liver-only"));
            }
            else
            {
                var sites = SiteCounts(extrahepatic, "indication.site-lesions-attributive");
                result.Fact(FactNames.LesionSite, string.Join(", ", sites.Select(s => s.Text)), Message.Of("indication.prognostic.extrahepatic", ("sites", sites)));
                if (extrahepaticIsUnfavourable)
                {
                    against.Add(new Message("indication.prognostic.against.extrahepatic"));
                }
            }
        }

        return against;
    }

    /// <summary>The lesions counted by site, in the sites' order ("1 lung lesion, 2 lymph-node lesions").</summary>
    /// <param name="lesions">The lesions.</param>
    /// <param name="code">The message of one count: <c>indication.site-lesions</c> (lymph node) or <c>indication.site-lesions-attributive</c> (lymph-node).</param>
    /// <returns>One message per site.</returns>
    internal static IReadOnlyList<Message> SiteCounts(IEnumerable<Lesion> lesions, string code) =>
        lesions.GroupBy(l => l.Site).OrderBy(g => g.Key)
            .Select(g => Message.Of(code, ("count", g.Count()), ("site", IndicationCriteria.SiteCode(g.Key)))).ToArray();
}
