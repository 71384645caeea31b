using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.4: in highly selected patients with metachronous OMD and a favourable prognostic profile, with
/// liver metastases and limited extrahepatic disease (lung only), surgical resection may also be considered if all
/// lesions are potentially resectable. Applies when the metastases are metachronous, the disease is oligometastatic,
/// it is liver plus lung only, and every lesion is resectable; always with a caution, because the selection and the
/// prognostic profile (section 3.5: DFI, size, extrahepatic disease) are the clinician's judgement. It does not apply
/// to a liver recurrence after a previous liver resection (<see cref="EvaluationContext.IsLiverRecurrence"/>): the
/// specific recommendation 9.1 governs a new resection.
/// </summary>
internal sealed class LiverAndLungOmdResectionEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public LiverAndLungOmdResectionEvaluator()
        : base("5.4", TimingDefinition.Requirements.Concat(PrognosticProfile.Requirements).Concat(IndicationCriteria.RecurrenceRequirements)
            .Concat(new[] { FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionResectable, FactNames.FitForSurgery }))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (IndicationCriteria.Recurrence(context, result))
        {
            return result.DoesNotApply(IndicationCriteria.RecurrenceSummary(context, "5.4", "a new resection"));
        }

        var against = new List<string>();
        var missing = new List<string>();
        var liverOnly = false;
        IndicationCriteria.Timing(context, result, MetastasisTiming.Metachronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        if (context.HasLiverMetastases == true)
        {
            var extrahepatic = context.ExtrahepaticLesions;
            var beyondLung = extrahepatic.Where(l => l.Site != MetastaticSite.Lung).Select(l => l.Site).Distinct().OrderBy(s => s)
                .Select(IndicationCriteria.SiteName).ToArray();
            if (extrahepatic.Count == 0)
            {
                result.Fact(FactNames.LesionSite, "liver only", "No extrahepatic disease: the metastases are confined to the liver.");
                against.Add("the disease is confined to the liver, and the scenario of 5.4 requires lung involvement");
                liverOnly = true;
            }
            else if (beyondLung.Length > 0)
            {
                var sites = string.Join(", ", beyondLung);
                result.Fact(FactNames.LesionSite, sites, $"Extrahepatic disease beyond the lung ({sites}).");
                against.Add($"the extrahepatic disease is not limited to the lung ({sites})");
            }

            var lesions = context.Lesions;
            var unresectable = lesions.Where(l => l.Resectable == false).ToArray();
            var unknown = lesions.Count(l => l.Resectable is null);
            if (unresectable.Length > 0)
            {
                var bySite = string.Join(", ", unresectable.GroupBy(l => l.Site).OrderBy(g => g.Key)
                    .Select(g => LiverLesionFacts.Count(g.Count(), IndicationCriteria.SiteName(g.Key) + " lesion")));
                var clause = $"{LiverLesionFacts.SomeAreNot(unresectable.Length, lesions.Count, "lesion")} amenable to complete surgical resection";
                result.Fact(FactNames.LesionResectable, "no", $"{clause} ({bySite}).");
                against.Add(char.ToLowerInvariant(clause[0]) + clause.Substring(1));
            }
            else if (unknown > 0)
            {
                result.Fact(FactNames.LesionResectable, "unknown", $"Resectability not recorded for {LiverLesionFacts.NotRecordedFor(unknown, lesions.Count, "lesion")}.");
                missing.Add(FactNames.LesionResectable);
            }
            else
            {
                result.Fact(FactNames.LesionResectable, "yes", $"{LiverLesionFacts.SomeAre(lesions.Count, lesions.Count, "lesion")} potentially resectable.");
            }
        }

        IndicationCriteria.Fitness(context, result, against);
        if (against.Count > 0)
        {
            // 5.3 is pointed to only when liver-only disease is the sole reason 5.4 does not apply (5.3 then applies or is undecided).
            return result.DoesNotApply(IndicationCriteria.NotApplying(
                "5.4",
                "metachronous OMD with liver metastases and lung-only extrahepatic disease, all lesions resectable",
                against,
                liverOnly ? "liver-only disease is addressed by recommendation 5.3" : null));
        }

        IndicationCriteria.RecurrenceUnknown(context, result, missing);
        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient("Whether this is metachronous OMD of the liver and lung with every lesion potentially resectable cannot be decided yet.");
        }

        var notFavourable = PrognosticProfile.Record(context, result, extrahepaticIsUnfavourable: false);
        result.Caution(
            $"The guideline restricts this to highly selected patients with a favourable prognostic profile; section 3.5 names {PrognosticProfile.FactorsText}. Whether this patient's profile is favourable is a clinical judgement for the tumour board.");
        if (notFavourable.Count > 0)
        {
            result.Caution("Not favourable here: " + string.Join("; ", notFavourable) + ".");
        }

        return result.Applies(
            "Metachronous oligometastatic disease of the liver with lung-only extrahepatic disease, every lesion potentially resectable: in a highly selected patient with a favourable prognostic profile, surgical resection may also be considered.");
    }
}
