using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// Lower-case codes of enumeration values, as the findings and messages write them, without a new string per call (the
/// same text as <c>value.ToString().ToLowerInvariant()</c>).
/// </summary>
internal static class Codes
{
    private static readonly string[] SiteNames = LowerNames(
        MetastaticSite.Liver, MetastaticSite.Lung, MetastaticSite.LymphNode, MetastaticSite.Bone, MetastaticSite.Brain,
        MetastaticSite.SoftTissue, MetastaticSite.Peritoneum, MetastaticSite.Pleura, MetastaticSite.Adrenal, MetastaticSite.Other);

    /// <summary>Gets <c>yes</c>, <c>no</c> or <c>unknown</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The code.</returns>
    public static string Code(this TriState value) => value switch
    {
        TriState.Yes => "yes",
        TriState.No => "no",
        TriState.Unknown => "unknown",
        _ => value.ToString().ToLowerInvariant(),
    };

    /// <summary>Gets the site's enumeration name in lower case (for example <c>lymphnode</c>, <c>liver</c>).</summary>
    /// <param name="site">The site.</param>
    /// <returns>The name.</returns>
    public static string LowerName(this MetastaticSite site) =>
        (int)site >= 0 && (int)site < SiteNames.Length && SiteNames[(int)site] is { } name ? name : site.ToString().ToLowerInvariant();

    /// <summary>
    /// Gets the distinct sites of the lesions in ascending order: the same as
    /// <c>lesions.Select(l =&gt; l.Site).Distinct().OrderBy(s =&gt; s).ToArray()</c>, with a bit per site instead of LINQ.
    /// </summary>
    /// <param name="lesions">The lesions.</param>
    /// <returns>The sites.</returns>
    public static MetastaticSite[] DistinctSites(System.Collections.Generic.IReadOnlyList<Lesion> lesions)
    {
        var mask = 0;
        for (var i = 0; i < lesions.Count; i++)
        {
            var site = (int)lesions[i].Site;
            if (site < 0 || site > 30)
            {
                return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(lesions, l => l.Site)), s => s));
            }

            mask |= 1 << site;
        }

        var sites = new MetastaticSite[PopCount(mask)];
        var filled = 0;
        for (var site = 0; filled < sites.Length; site++)
        {
            if ((mask & (1 << site)) != 0)
            {
                sites[filled++] = (MetastaticSite)site;
            }
        }

        return sites;
    }

    private static int PopCount(int mask)
    {
        var count = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            count++;
        }

        return count;
    }

    // Names of the sites listed (a site added later falls back to ToString, the same text).
    private static string[] LowerNames(params MetastaticSite[] sites)
    {
        var max = 0;
        foreach (var site in sites)
        {
            max = System.Math.Max(max, (int)site);
        }

        var names = new string[max + 1];
        foreach (var site in sites)
        {
            names[(int)site] = site.ToString().ToLowerInvariant();
        }

        return names;
    }
}
