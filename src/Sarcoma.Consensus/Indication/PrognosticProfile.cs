using System;
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

    /// <summary>Records the four factors as findings (computed once per evaluation: <see cref="EvaluationContext.PrognosticFactors"/>).</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="extrahepaticIsUnfavourable">Whether extrahepatic disease counts among the unfavourable factors returned (not for 5.4, whose scenario is limited lung-only disease).</param>
    /// <returns>The unfavourable (or not-favourable) factors present, as short phrases (messages <c>indication.prognostic.against.*</c>); empty when none is known.</returns>
    public static IReadOnlyList<Message> RecordFactors(EvaluationContext context, ResultBuilder result, bool extrahepaticIsUnfavourable)
    {
        var factors = context.PrognosticFactors;
        result.Facts(factors.Findings);
        return extrahepaticIsUnfavourable ? factors.AgainstWithExtrahepatic : factors.Against;
    }

    /// <summary>Computes the four factors; only <see cref="EvaluationContext.PrognosticFactors"/> calls this, once per evaluation.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The factors.</returns>
    internal static Factors Compute(EvaluationContext context)
    {
        var findings = new List<Finding>(4);
        var against = new List<Message>(4);

        // Disease-free interval: its sentence as a clause (without its full stop), followed by the comparison.
        var dfi = context.DiseaseFreeInterval;
        var dfiFinding = dfi.ToFinding(DiseaseFreeIntervalName);
        switch (dfi.LongerThanMonths(FavourableDfiLongerThanMonths))
        {
            case true:
                findings.Add(new Finding(dfiFinding.Fact, dfiFinding.Value, Message.Of("indication.prognostic.dfi-favourable", ("dfi", dfi.ClauseMessage()), ("months", FavourableDfiLongerThanMonths)), ">", DfiThreshold, "section 3.5"));
                break;
            case false:
                findings.Add(new Finding(dfiFinding.Fact, dfiFinding.Value, Message.Of("indication.prognostic.dfi-not-favourable", ("dfi", dfi.ClauseMessage()), ("months", FavourableDfiLongerThanMonths)), "≤", DfiThreshold, "section 3.5"));
                against.Add(DfiAgainstMessage);
                break;
            default:
                findings.Add(dfiFinding);
                break;
        }

        // Number of metastatic nodules (section 3.5, "limited number of nodules (<3–5)"), counted over every current lesion.
        var nodules = context.Lesions.Count;
        if (nodules > 0)
        {
            var reading = nodules < LimitedNodulesBelow ? "limited" : nodules < LimitedNodulesUpperBelow ? "range" : "not-limited";
            findings.Add(new Finding(
                FactNames.Lesions,
                nodules.ToString(CultureInfo.InvariantCulture),
                Message.Of("indication.prognostic.nodules", ("count", nodules), ("reading", reading)),
                nodules < LimitedNodulesBelow ? "<" : "≥",
                nodules < LimitedNodulesUpperBelow ? LimitedNodulesBelowThreshold : LimitedNodulesUpperBelowThreshold,
                "section 3.5"));
            if (reading == "not-limited")
            {
                against.Add(Message.Of("indication.prognostic.against.nodules", ("count", nodules)));
            }
        }

        // Size of the liver metastases.
        var liver = context.LiverLesions;
        if (liver.Count > 0)
        {
            decimal? largestSize = null;
            var unsized = 0;
            for (var i = 0; i < liver.Count; i++)
            {
                if (liver[i].SizeMm is not { } size)
                {
                    unsized++;
                }
                else if (largestSize is null || size > largestSize)
                {
                    largestSize = size;
                }
            }

            if (largestSize is not { } largest)
            {
                findings.Add(SizeUnknownFinding);
            }
            else
            {
                var large = largest > LargeMetastasisAboveMm;
                findings.Add(new Finding(
                    FactNames.LesionSizeMm,
                    ResultBuilder.Format(largest),
                    Message.Of("indication.prognostic.size", ("largestMm", largest), ("large", large), ("unsized", unsized)),
                    large ? ">" : "≤",
                    LargeMetastasisThreshold,
                    "section 3.5"));
                if (large)
                {
                    against.Add(SizeAgainstMessage);
                }
            }
        }

        // Extrahepatic disease.
        var extrahepatic = context.ExtrahepaticLesions;
        var extrahepaticPresent = false;
        if (context.Lesions.Count > 0)
        {
            if (extrahepatic.Count == 0)
            {
                findings.Add(LiverOnlyFinding);
            }
            else
            {
                var sites = SiteCounts(extrahepatic, "indication.site-lesions-attributive");
                var texts = new string[sites.Count];
                for (var i = 0; i < texts.Length; i++)
                {
                    texts[i] = sites[i].Text;
                }

                findings.Add(new Finding(FactNames.LesionSite, string.Join(", ", texts), Message.Of("indication.prognostic.extrahepatic", ("sites", sites))));
                extrahepaticPresent = true;
            }
        }

        var withoutExtrahepatic = ReadOnlyValueList<Message>.CopyOf(against);
        if (extrahepaticPresent)
        {
            against.Add(ExtrahepaticAgainstMessage);
        }

        return new Factors(ReadOnlyValueList<Finding>.CopyOf(findings), withoutExtrahepatic, extrahepaticPresent ? ReadOnlyValueList<Message>.CopyOf(against) : withoutExtrahepatic);
    }

    // Wording and thresholds that carry no patient value, shared by every evaluation (messages and findings are immutable).
    private static readonly string DfiThreshold = FavourableDfiLongerThanMonths.ToString(CultureInfo.InvariantCulture) + " months";
    private static readonly string LimitedNodulesBelowThreshold = LimitedNodulesBelow.ToString(CultureInfo.InvariantCulture) + " lesions";
    private static readonly string LimitedNodulesUpperBelowThreshold = LimitedNodulesUpperBelow.ToString(CultureInfo.InvariantCulture) + " lesions";
    private static readonly string LargeMetastasisThreshold = ResultBuilder.Format(LargeMetastasisAboveMm) + " mm";
    private static readonly Message DfiAgainstMessage = Message.Of("indication.prognostic.against.dfi", ("months", FavourableDfiLongerThanMonths));
    private static readonly Message SizeAgainstMessage = new("indication.prognostic.against.size");
    private static readonly Message ExtrahepaticAgainstMessage = new("indication.prognostic.against.extrahepatic");
    private static readonly Finding SizeUnknownFinding = new(FactNames.LesionSizeMm, "unknown", new Message("indication.prognostic.size-unknown"));
    private static readonly Finding LiverOnlyFinding = new(FactNames.LesionSite, "liver only", new Message("indication.prognostic.liver-only"));

    /// <summary>The four factors of one evaluation: their findings, and the factors against with and without extrahepatic disease.</summary>
    internal sealed class Factors
    {
        /// <summary>Creates the factors.</summary>
        /// <param name="findings">The findings, in the order DFI, nodules, size, sites.</param>
        /// <param name="against">The factors against, extrahepatic disease not counted.</param>
        /// <param name="againstWithExtrahepatic">The factors against, extrahepatic disease counted when present.</param>
        public Factors(IReadOnlyList<Finding> findings, IReadOnlyList<Message> against, IReadOnlyList<Message> againstWithExtrahepatic)
        {
            Findings = findings;
            Against = against;
            AgainstWithExtrahepatic = againstWithExtrahepatic;
        }

        /// <summary>Gets the findings.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Gets the factors against, extrahepatic disease not counted (5.4).</summary>
        public IReadOnlyList<Message> Against { get; }

        /// <summary>Gets the factors against, extrahepatic disease counted (6.4).</summary>
        public IReadOnlyList<Message> AgainstWithExtrahepatic { get; }
    }

    /// <summary>The lesions counted by site, in the sites' order ("1 lung lesion, 2 lymph-node lesions").</summary>
    /// <param name="lesions">The lesions.</param>
    /// <param name="code">The message of one count: <c>indication.site-lesions</c> (lymph node) or <c>indication.site-lesions-attributive</c> (lymph-node).</param>
    /// <returns>One message per site.</returns>
    internal static IReadOnlyList<Message> SiteCounts(IEnumerable<Lesion> lesions, string code)
    {
        if (lesions is not IReadOnlyList<Lesion> list)
        {
            list = lesions.ToArray();
        }

        const int SiteTableSize = 32; // room for every MetastaticSite value (ten today)

        // Counted per site value (the sites' order is their enum order), without grouping or sorting; a site value outside
        // the table (never a defined one) takes the general path.
        var counts = new int[SiteTableSize];
        var distinct = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var site = (int)list[i].Site;
            if ((uint)site >= SiteTableSize)
            {
                return list.GroupBy(l => l.Site).OrderBy(g => g.Key)
                    .Select(g => Message.Of(code, ("count", g.Count()), ("site", IndicationCriteria.SiteCode(g.Key)))).ToReadOnlyList();
            }

            if (counts[site]++ == 0)
            {
                distinct++;
            }
        }

        // One exact array, handed to messages without a copy.
        var messages = new Message[distinct];
        var filled = 0;
        for (var site = 0; site < SiteTableSize && filled < distinct; site++)
        {
            if (counts[site] > 0)
            {
                messages[filled++] = Message.Of(code, ("count", counts[site]), ("site", IndicationCriteria.SiteCode((MetastaticSite)site)));
            }
        }

        return ReadOnlyValueList<Message>.Wrap(messages);
    }

}
