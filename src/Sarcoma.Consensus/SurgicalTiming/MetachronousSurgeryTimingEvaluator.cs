using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;

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
                context, "8.1", "the timing of a new resection", "with recommendation 9.2 for preoperative systemic treatment"));
        }

        var against = new List<string>();
        var missing = new List<string>();
        IndicationCriteria.Timing(context, result, MetastasisTiming.Metachronous, against, missing);
        IndicationCriteria.Oligometastatic(context, result, against, missing);
        IndicationCriteria.LiverMetastases(context, result, against, missing);
        if (context.HasLiverMetastases == true)
        {
            IndicationCriteria.LiverResectable(context, result, against, missing);
        }

        IndicationCriteria.Fitness(context, result, against);
        if (against.Count > 0)
        {
            return result.DoesNotApply(IndicationCriteria.NotApplying(
                "8.1", "oligometastatic disease with metachronous liver metastases amenable to complete surgical resection", against));
        }

        IndicationCriteria.RecurrenceUnknown(context, result, missing);
        if (missing.Count > 0)
        {
            return result.Missing(missing)
                .Insufficient("Whether this is oligometastatic disease with metachronous liver metastases amenable to complete surgical resection cannot be decided yet.");
        }

        var histology = context.Patient.Primary?.Histology;
        if (histology is null)
        {
            result.Fact(FactNames.PrimaryHistology, "unknown", "Histology not recorded, so whether the subtype responds better to chemotherapy is unknown.");
        }
        else if (histology.NamedChemosensitive)
        {
            result.Fact(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: a subtype the guideline names as highly chemosensitive (section 3.9; chemosensitivity is also weighed in section 3.11).");
        }
        else
        {
            result.Fact(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: not among the subtypes the guideline names as highly chemosensitive (section 3.9; chemosensitivity is also weighed in section 3.11).");
        }

        SystemicTherapyFacts.Record(context.Patient.Treatment, result);
        IndicationCriteria.CautionIfProgressing(context, result);
        LiverSurgeryGate.ExtrahepaticCautions(context, result);
        BilobarComplexScenario.CautionIfPresent(context, result);
        var dfi = $"DFI ≥ {context.Options.SynchronousWindowMonths.ToString(CultureInfo.InvariantCulture)} months";
        var summary = $"Oligometastatic disease with resectable metachronous liver metastases ({dfi}): surgery for the liver metastases could be considered upfront or after systemic therapy";
        if (context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            // Progression on therapy outweighs the subtype's presumed chemosensitivity (section 3.11).
            return result.Applies(summary + "; this disease, however, is progressing on systemic therapy, an unfavourable sign (section 3.11).");
        }

        return result.Applies(histology?.NamedChemosensitive == true
            ? $"{summary}, the latter especially in a subtype with better response to chemotherapy such as {histology.Name.ToLowerInvariant()}."
            : summary + ".");
    }
}
