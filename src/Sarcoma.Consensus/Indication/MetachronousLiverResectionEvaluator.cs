using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.3: for metachronous disease, liver resection should be considered in oligometastatic disease
/// confined to the liver and amenable to complete surgical resection. Applies when the metastases are metachronous,
/// the disease is oligometastatic (1.1/1.2), every metastasis is in the liver and every liver lesion is resectable.
/// It does not apply to a liver recurrence after a previous liver resection
/// (<see cref="EvaluationContext.IsLiverRecurrence"/>): the specific recommendation 9.1 governs a new resection.
/// </summary>
internal sealed class MetachronousLiverResectionEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message IndicationGovernsNewResectionMessage = new("indication.governs.new-resection");
    private static readonly Message ScenarioMessage = new("5.3.scenario");
    private static readonly Message See54Message = new("5.3.see-5.4");
    private static readonly Message InsufficientMessage = new("5.3.insufficient");
    private static readonly Message AppliesMessage = new("5.3.applies");

    /// <summary>Creates the evaluator.</summary>
    public MetachronousLiverResectionEvaluator()
        : base("5.3", TimingDefinition.Requirements.Concat(IndicationCriteria.RecurrenceRequirements).Concat(new[]
        {
            FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionResectable, FactNames.FitForSurgery,
        }).Concat(BilobarComplexScenario.Requirements).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (IndicationCriteria.Recurrence(context, result))
        {
            return result.DoesNotApply(IndicationCriteria.RecurrenceSummary(context, "5.3", IndicationGovernsNewResectionMessage));
        }

        var against = new List<Message>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Metachronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        var pointToLiverAndLung = false;
        if (context.HasLiverMetastases == true)
        {
            var liver = context.LiverLesions;
            var extrahepatic = context.ExtrahepaticLesions;
            if (extrahepatic.Count > 0)
            {
                var sites = IndicationCriteria.SiteTerms(Codes.DistinctSites(extrahepatic));
                result.Fact(FactNames.LesionSite, string.Join(", ", sites.Select(s => s.Text)), Message.Of("5.3.extrahepatic", ("count", extrahepatic.Count), ("sites", sites)));
                against.Add(Message.Of("5.3.against.extrahepatic", ("sites", sites)));

                // 5.4 is pointed to only when nothing else would rule it out: liver plus lung only, and no other reason here.
                pointToLiverAndLung = context.LiverWithLungOnly == true && against.Count == 1 && !context.Lesions.Any(l => l.Resectable == false)
                    && context.Fitness.Status != TriState.No;
            }
            else
            {
                result.Fact(FactNames.LesionSite, "liver only", Message.Of("5.3.liver-only", ("count", liver.Count)));
            }

            IndicationCriteria.LiverResectable(context, result, against, missing);
        }

        IndicationCriteria.Fitness(context, result, against);
        IndicationCriteria.Progression(context, result, against);
        if (against.Count > 0)
        {
            return result.DoesNotApply(IndicationCriteria.NotApplying(
                "5.3", ScenarioMessage, against, pointToLiverAndLung ? See54Message : null));
        }

        IndicationCriteria.RecurrenceUnknown(context, result, missing);
        if (missing.Count > 0)
        {
            return result.Missing(missing).Insufficient(InsufficientMessage);
        }

        IndicationCriteria.CautionIfProgressing(context, result);
        BilobarComplexScenario.CautionIfPresent(context, result);
        return result.Applies(AppliesMessage);
    }
}
