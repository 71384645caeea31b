using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// The prognostic factors section 3.5 names for hepatic resection of non-GIST sarcoma metastases (Tirotta et al.,
/// Goumard et al.): a disease-free interval longer than six months (favourable), metastatic size over 10 cm and
/// extrahepatic disease (unfavourable). Recorded as findings for the recommendations that reserve surgery for a
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

    /// <summary>The facts the profile reads.</summary>
    public static readonly string[] Requirements =
    {
        FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSizeMm,
    };

    /// <summary>The factors as the guideline names them, for cautions.</summary>
    public const string FactorsText = "DFI > 6 months (favourable), metastatic size > 10 cm and extrahepatic disease (both unfavourable)";

    /// <summary>Records the three factors as findings.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="extrahepaticIsUnfavourable">Whether extrahepatic disease counts among the unfavourable factors returned (not for 5.4, whose scenario is limited lung-only disease).</param>
    /// <returns>The unfavourable (or not-favourable) factors present, as short phrases; empty when none is known.</returns>
    public static IReadOnlyList<string> Record(EvaluationContext context, ResultBuilder result, bool extrahepaticIsUnfavourable)
    {
        var against = new List<string>();

        // Disease-free interval.
        var dfi = context.DiseaseFreeInterval;
        var dfiFinding = dfi.ToFinding(DiseaseFreeIntervalName);
        switch (dfi.LongerThanMonths(FavourableDfiLongerThanMonths))
        {
            case true:
                result.Fact(dfiFinding.Fact, dfiFinding.Value, WithClause(dfiFinding.Sentence, $"longer than {FavourableDfiLongerThanMonths} months, a favourable prognostic factor (section 3.5)"));
                break;
            case false:
                result.Fact(dfiFinding.Fact, dfiFinding.Value, WithClause(dfiFinding.Sentence, $"not longer than {FavourableDfiLongerThanMonths} months, so without the favourable DFI > {FavourableDfiLongerThanMonths} months of section 3.5"));
                against.Add($"DFI not longer than {FavourableDfiLongerThanMonths} months");
                break;
            default:
                result.Fact(dfiFinding.Fact, dfiFinding.Value, dfiFinding.Sentence);
                break;
        }

        // Size of the liver metastases.
        var liver = context.LiverLesions;
        if (liver.Count > 0)
        {
            var sized = liver.Where(l => l.SizeMm is not null).Select(l => l.SizeMm!.Value).ToArray();
            var unsized = liver.Count - sized.Length;
            var unsizedText = unsized == 0 ? string.Empty : $" Size not recorded for {LiverLesionFacts.Count(unsized, "liver lesion")}.";
            if (sized.Length == 0)
            {
                result.Fact(FactNames.LesionSizeMm, "unknown", "Size of the liver metastases not recorded (section 3.5: size > 10 cm is associated with decreased survival).");
            }
            else
            {
                var largest = sized.Max();
                var mm = ResultBuilder.Format(largest);
                if (largest > LargeMetastasisAboveMm)
                {
                    result.Fact(FactNames.LesionSizeMm, mm, $"Largest liver metastasis {mm} mm: larger than 10 cm, associated with decreased survival after hepatic resection (section 3.5).{unsizedText}");
                    against.Add("liver metastasis larger than 10 cm");
                }
                else
                {
                    result.Fact(FactNames.LesionSizeMm, mm, $"Largest liver metastasis {mm} mm: not larger than 10 cm (section 3.5).{unsizedText}");
                }
            }
        }

        // Extrahepatic disease.
        var extrahepatic = context.ExtrahepaticLesions;
        if (context.Lesions.Count > 0)
        {
            if (extrahepatic.Count == 0)
            {
                result.Fact(FactNames.LesionSite, "liver only", "No extrahepatic disease recorded.");
            }
            else
            {
                var sites = extrahepatic.GroupBy(l => l.Site).OrderBy(g => g.Key)
                    .Select(g => LiverLesionFacts.Count(g.Count(), SiteName(g.Key) + " lesion")).ToArray();
                var text = string.Join(", ", sites);
                result.Fact(FactNames.LesionSite, text, $"Extrahepatic disease: {text} (section 3.5: extrahepatic disease is associated with decreased survival after hepatic resection).");
                if (extrahepaticIsUnfavourable)
                {
                    against.Add("extrahepatic disease");
                }
            }
        }

        return against;
    }

    private static string WithClause(string sentence, string clause) => sentence.TrimEnd('.') + ": " + clause + ".";

    private static string SiteName(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph-node",
        MetastaticSite.SoftTissue => "soft-tissue",
        _ => site.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
