using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalTiming;

/// <summary>
/// Recommendation 8.1: in STS OMD, surgery for metachronous liver metastases (DFI ≥ 6 months) could be considered
/// upfront or after systemic therapy (especially in subtypes with better response to chemotherapy). Applies when
/// the disease is oligometastatic, metachronous (<see cref="TimingAssessment"/>; the exact six-month boundary follows
/// <see cref="ConsensusOptions.AtWindowBoundary"/> and carries its caution) and includes liver metastases amenable to
/// complete surgical resection (section 3.8 presupposes that complete resection is feasible); notes when the histology
/// is one the guideline names as chemosensitive. It does not apply to a liver recurrence after a previous liver resection
/// (<see cref="EvaluationContext.IsLiverRecurrence"/>): the specific recommendation 9.1 governs a new resection.
/// </summary>
internal sealed class MetachronousSurgeryTimingEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message GovernsMessage = new("8.1.governs");
    private static readonly Message GovernsAlsoMessage = new("8.1.governs-also");
    private static readonly Message ScenarioMessage = new("8.1.scenario");
    private static readonly Message InsufficientMessage = new("8.1.insufficient");
    private static readonly Message HistologyUnknownMessage = new("8.1.histology-unknown");

    /// <summary>Creates the evaluator.</summary>
    public MetachronousSurgeryTimingEvaluator()
        : base("8.1", TimingDefinition.Requirements.Concat(IndicationCriteria.RecurrenceRequirements).Concat(new[]
        {
            FactNames.PrimaryHistology, FactNames.LesionSegments, FactNames.LesionLobe, FactNames.LesionResectable, FactNames.SystemicTherapyReceived,
            FactNames.SystemicTherapyResponse, FactNames.InductionTherapyPlanned, FactNames.FitForSurgery,
        }).Concat(BilobarComplexScenario.Requirements).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (IndicationCriteria.Recurrence(context, result))
        {
            return result.DoesNotApply(IndicationCriteria.RecurrenceSummary(
                context, "8.1", GovernsMessage, GovernsAlsoMessage));
        }

        var against = new List<Message>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Metachronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        if (context.HasLiverMetastases == true)
        {
            IndicationCriteria.LiverResectable(context, result, against, missing);
        }

        IndicationCriteria.Fitness(context, result, against);
        IndicationCriteria.Progression(context, result, against);
        if (against.Count > 0)
        {
            return result.DoesNotApply(IndicationCriteria.NotApplying("8.1", ScenarioMessage, against));
        }

        IndicationCriteria.RecurrenceUnknown(context, result, missing);
        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient(InsufficientMessage);
        }

        var histology = context.Patient.Primary?.Histology;
        result.Fact(FactNames.PrimaryHistology, histology?.Code ?? "unknown", histology is null
            ? HistologyUnknownMessage
            : Message.Of("8.1.histology", ("histology", histology.Name), ("namedChemosensitive", histology.NamedChemosensitive)));

        SystemicTherapyFacts.Record(context.Patient.Treatment, result);
        IndicationCriteria.CautionIfProgressing(context, result);
        LiverSurgeryGate.ExtrahepaticCautions(context, result);
        BilobarComplexScenario.CautionIfPresent(context, result);
        // Progression on therapy outweighs the subtype's presumed chemosensitivity (section 3.11).
        var course = context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease ? "progressing"
            : histology?.NamedChemosensitive == true ? "chemosensitive-subtype"
            : null;
        // Progressing: its own summary (and so its own card and short action), never "upfront" (issue #7).
        return result.Applies(Message.Of(
            course == "progressing" ? "8.1.applies-progressing" : "8.1.applies",
            ("windowMonths", context.Options.SynchronousWindowMonths),
            ("course", course),
            ("histology", course == "chemosensitive-subtype" ? histology!.Name.ToLowerInvariant() : null)));
    }
}
