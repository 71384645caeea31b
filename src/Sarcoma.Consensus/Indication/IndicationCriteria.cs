using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// The criteria the indication and timing recommendations (5.3, 5.4, 8.1–8.3) share. Each records its findings,
/// adds a phrase to <c>against</c> when a known fact rules the recommendation out, or the missing facts to
/// <c>missing</c> when it cannot be decided.
/// </summary>
internal static class IndicationCriteria
{
    /// <summary>Timing: the metastases must be <paramref name="wanted"/>; the boundary caution is carried over.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="wanted">The timing the recommendation addresses.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void Timing(EvaluationContext context, ResultBuilder result, MetastasisTiming wanted, List<string> against, List<string> missing)
    {
        var timing = context.Timing;
        result.Facts(timing.Findings);
        if (timing.BoundaryCaution is { } caution)
        {
            result.Caution(caution);
        }

        if (timing.Timing is not { } actual)
        {
            result.Fact(TimingAssessment.ConceptName, "unknown", context.DiseaseFreeInterval.Sentence());
            missing.AddRange(timing.Missing);
        }
        else if (actual != wanted)
        {
            against.Add($"the metastases are {Name(actual)}, not {Name(wanted)}");
        }
    }

    /// <summary>Oligometastatic disease (1.1/1.2) must be present.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void Oligometastatic(EvaluationContext context, ResultBuilder result, List<string> against, List<string> missing)
    {
        var omd = context.Oligometastatic;
        result.Fact(OligometastaticAssessment.ConceptName, omd.Status.ToString().ToLowerInvariant(), omd.Findings[0].Sentence);
        if (omd.Status == TriState.No)
        {
            against.Add("the disease is not oligometastatic (" + string.Join("; ", omd.FailingCriteria) + ")");
        }
        else if (omd.Status == TriState.Unknown)
        {
            missing.AddRange(omd.Missing);
        }
    }

    /// <summary>Every liver lesion must be amenable to complete surgical resection.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void LiverResectable(EvaluationContext context, ResultBuilder result, List<string> against, List<string> missing)
    {
        var liver = context.LiverLesions;
        if (liver.Count == 0)
        {
            return;
        }

        var total = liver.Count.ToString(CultureInfo.InvariantCulture);
        var unresectable = liver.Count(l => l.Resectable == false);
        var unknown = liver.Count(l => l.Resectable is null);
        if (unresectable > 0)
        {
            var n = unresectable.ToString(CultureInfo.InvariantCulture);
            result.Fact(FactNames.LesionResectable, "no", $"{n} of {total} liver lesion(s) not amenable to complete surgical resection.");
            against.Add($"{n} of {total} liver lesion(s) not amenable to complete surgical resection");
        }
        else if (unknown > 0)
        {
            result.Fact(FactNames.LesionResectable, "unknown", $"Resectability not recorded for {unknown.ToString(CultureInfo.InvariantCulture)} of {total} liver lesion(s).");
            missing.Add(FactNames.LesionResectable);
        }
        else
        {
            result.Fact(FactNames.LesionResectable, "yes", liver.Count == 1
                ? "The liver lesion is amenable to complete surgical resection."
                : $"{LiverLesionFacts.All(liver.Count, "liver lesion")} amenable to complete surgical resection.");
        }
    }

    /// <summary>Liver metastases must be present.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void LiverMetastases(EvaluationContext context, ResultBuilder result, List<string> against, List<string> missing)
    {
        if (context.HasLiverMetastases is not { } hasLiver)
        {
            missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
        }
        else if (!hasLiver)
        {
            var absent = context.NoLiverMetastasisFinding;
            result.Fact(absent.Fact, absent.Value, absent.Sentence);
            against.Add(context.NoEvidenceOfDisease ? "there is no current evidence of metastatic disease" : "no liver metastasis is recorded");
        }
        else
        {
            LiverSurgeryGate.Add(result, new[] { LiverLesionFacts.Location(context.LiverLesions) });
        }
    }

    /// <summary>The site's name in prose.</summary>
    /// <param name="site">The site.</param>
    /// <returns>The name.</returns>
    public static string SiteName(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph node",
        MetastaticSite.SoftTissue => "soft tissue",
        _ => site.ToString().ToLowerInvariant(),
    };

    private static string Name(MetastasisTiming timing) => timing == MetastasisTiming.Synchronous ? "synchronous" : "metachronous";
}
