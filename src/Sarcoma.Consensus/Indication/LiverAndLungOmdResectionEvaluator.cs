using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.4: in highly selected patients with metachronous OMD and a favourable prognostic profile, with
/// liver metastases and limited extrahepatic disease (lung only), surgical resection may also be considered if all
/// lesions are potentially resectable. Applies when the metastases are metachronous, the disease is oligometastatic,
/// it is liver plus lung only, and every lesion is resectable; always with a caution, because the selection and the
/// prognostic profile (section 3.5: DFI, size, extrahepatic disease) are the clinician's judgement. It does not apply
/// to a liver recurrence after a previous liver resection (<see cref="EvaluationContext.IsLiverRecurrence"/>): the
/// specific recommendation 9.1 governs a new resection. With only liver lesions recorded and the staging that defines
/// OMD not confirmed (the oligometastatic assessment undetermined for want of staging), the absence of lung disease is
/// not known, so liver-only disease does not make it not apply: the staging facts are named instead.
/// </summary>
internal sealed class LiverAndLungOmdResectionEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message IndicationGovernsNewResectionMessage = new("indication.governs.new-resection");
    private static readonly Message LiverOnlyMessage = new("5.4.liver-only");
    private static readonly Message AgainstLiverOnlyMessage = new("5.4.against.liver-only");
    private static readonly Message ScenarioMessage = new("5.4.scenario");
    private static readonly Message See53Message = new("5.4.see-5.3");
    private static readonly Message LungNotStagedMessage = new("5.4.lung-not-staged");

    private static readonly string[] StagingFacts = { FactNames.StagingContrastCt, FactNames.StagingFdgPetCt, FactNames.StagingLiverMri };

    /// <summary>Whether the oligometastatic assessment is undetermined because its staging (section 3.1) is not confirmed.</summary>
    private static bool StagingUnconfirmed(EvaluationContext context) =>
        context.Oligometastatic.Status == TriState.Unknown && context.Oligometastatic.Missing.Any(f => Array.IndexOf(StagingFacts, f) >= 0);
    private static readonly Message InsufficientMessage = new("5.4.insufficient");
    private static readonly Message AppliesMessage = new("5.4.applies");

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
            return result.DoesNotApply(IndicationCriteria.RecurrenceSummary(context, "5.4", IndicationGovernsNewResectionMessage));
        }

        var against = new List<Message>();
        var missing = new List<string>();
        var liverOnly = false;
        IndicationCriteria.Timing(context, result, MetastasisTiming.Metachronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        if (context.HasLiverMetastases == true)
        {
            var extrahepatic = context.ExtrahepaticLesions;
            var beyondLung = IndicationCriteria.SiteTerms(extrahepatic.Where(l => l.Site != MetastaticSite.Lung).Select(l => l.Site).Distinct().OrderBy(s => s));
            if (extrahepatic.Count == 0 && StagingUnconfirmed(context))
            {
                // No lung lesion recorded, but the lesion list is only as complete as the staging that defines OMD: the
                // absence of lung disease is unknown, not "no" (rule 1). The staging facts are already missing via the
                // oligometastatic assessment.
                result.Fact(FactNames.LesionSite, "unknown", LungNotStagedMessage);
            }
            else if (extrahepatic.Count == 0)
            {
                result.Fact(FactNames.LesionSite, "liver only", LiverOnlyMessage);
                against.Add(AgainstLiverOnlyMessage);
                liverOnly = true;
            }
            else if (beyondLung.Count > 0)
            {
                result.Fact(FactNames.LesionSite, string.Join(", ", beyondLung.Select(s => s.Text)), Message.Of("5.4.beyond-lung", ("sites", beyondLung)));
                against.Add(Message.Of("5.4.against.beyond-lung", ("sites", beyondLung)));
            }

            var lesions = context.Lesions;
            var unresectable = lesions.Where(l => l.Resectable == false).ToArray();
            var unknown = lesions.Count(l => l.Resectable is null);
            if (unresectable.Length > 0)
            {
                var clause = Message.Of("5.4.lesions-not-resectable", ("count", unresectable.Length), ("total", lesions.Count), ("all", unresectable.Length == lesions.Count));
                var bySite = PrognosticProfile.SiteCounts(unresectable, "indication.site-lesions");
                result.Fact(FactNames.LesionResectable, "no", Message.Of("5.4.lesions-not-resectable.by-site", ("clause", clause), ("sites", bySite)));
                against.Add(clause);
            }
            else if (unknown > 0)
            {
                result.Fact(FactNames.LesionResectable, "unknown", Message.Of("5.4.resectability-not-recorded", ("count", unknown), ("total", lesions.Count), ("all", unknown == lesions.Count)));
                missing.Add(FactNames.LesionResectable);
            }
            else
            {
                result.Fact(FactNames.LesionResectable, "yes", Message.Of("5.4.lesions-resectable", ("total", lesions.Count)));
            }
        }

        IndicationCriteria.Fitness(context, result, against);
        IndicationCriteria.Progression(context, result, against);
        if (against.Count > 0)
        {
            // 5.3 is pointed to only when liver-only disease is the sole reason 5.4 does not apply (5.3 then applies or is undecided).
            return result.DoesNotApply(IndicationCriteria.NotApplying("5.4", ScenarioMessage, against, liverOnly ? See53Message : null));
        }

        IndicationCriteria.RecurrenceUnknown(context, result, missing);
        if (missing.Count > 0)
        {
            return result.Missing(missing).Insufficient(InsufficientMessage);
        }

        var notFavourable = PrognosticProfile.RecordFactors(context, result, extrahepaticIsUnfavourable: false);
        result.Caution(Message.Of("5.4.caution.selection", ("factors", PrognosticProfile.FactorsMessage)));
        if (notFavourable.Count > 0)
        {
            result.Caution(Message.Of("indication.caution.not-favourable", ("factors", notFavourable)));
        }

        return result.Applies(AppliesMessage);
    }
}
