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
