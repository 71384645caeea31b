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

        if (omd.Status != TriState.No && context.StagingAgeCaution is { } stagingAge)
        {
            result.Caution(stagingAge);
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

        var unresectable = liver.Count(l => l.Resectable == false);
        var unknown = liver.Count(l => l.Resectable is null);
        if (unresectable > 0)
        {
            var clause = $"{LiverLesionFacts.SomeAreNot(unresectable, liver.Count, "liver lesion")} amenable to complete surgical resection";
            result.Fact(FactNames.LesionResectable, "no", clause + ".");
            against.Add(char.ToLowerInvariant(clause[0]) + clause.Substring(1));
        }
        else if (unknown > 0)
        {
            result.Fact(FactNames.LesionResectable, "unknown", $"Resectability not recorded for {LiverLesionFacts.NotRecordedFor(unknown, liver.Count, "liver lesion")}.");
            missing.Add(FactNames.LesionResectable);
        }
        else
        {
            result.Fact(FactNames.LesionResectable, "yes", $"{LiverLesionFacts.SomeAre(liver.Count, liver.Count, "liver lesion")} amenable to complete surgical resection.");
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

    /// <summary>The facts <see cref="EvaluationContext.IsLiverRecurrence"/> reads.</summary>
    public static readonly string[] RecurrenceRequirements =
    {
        FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.Lesions, FactNames.LesionSite, FactNames.MetastasesDetectedOn,
        FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
    };

    /// <summary>
    /// A liver recurrence after a previous liver resection (<see cref="EvaluationContext.IsLiverRecurrence"/>) is
    /// governed by the specific recommendation 9.1 (section 3.9: "a very conservative approach"), not by the indications
    /// for a first liver resection (5.3, 5.4, 8.1). Records the facts that make it a recurrence.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <returns><see langword="true"/> when the current liver disease is known to be a recurrence after a previous liver resection.</returns>
    public static bool Recurrence(EvaluationContext context, ResultBuilder result)
    {
        if (context.IsLiverRecurrence != true)
        {
            return false;
        }

        var treatment = context.Patient.Treatment;
        var count = treatment.LiverResections.Count;
        var latest = context.LatestLiverResectionDate;
        if (latest is { } date)
        {
            var on = ResultBuilder.Format(date);
            result.Fact(FactNames.LiverResectionPerformedOn, on, count == 1
                ? $"Previous liver resection on {on}."
                : $"{LiverLesionFacts.Count(count, "previous liver resection")}, the latest on {on}.");
        }
        else if (count > 0)
        {
            result.Fact(FactNames.LiverResections, count.ToString(CultureInfo.InvariantCulture), count == 1
                ? "Previous liver resection, date not recorded."
                : $"{LiverLesionFacts.Count(count, "previous liver resection")}, dates not recorded.");
        }
        else
        {
            result.Fact(FactNames.PreviousLiverResection, "yes", "Previous liver resection, date not recorded.");
        }

        var liver = LiverLesionFacts.Count(context.LiverLesions.Count, "liver lesion");
        if (context.Patient.Metastases?.DetectedOn is { } detected && latest is not null)
        {
            var found = ResultBuilder.Format(detected);
            result.Fact(FactNames.MetastasesDetectedOn, found, $"{liver} detected on {found}, after the latest liver resection: a liver recurrence (section 3.9).");
        }
        else
        {
            result.Fact(FactNames.LesionSite, "liver", $"{liver} present now, read as a recurrence after the previous liver resection (section 3.9).");
        }

        return true;
    }

    /// <summary>The summary of a first-resection indication that a liver recurrence takes out of its scope.</summary>
    /// <param name="context">The context.</param>
    /// <param name="id">The recommendation that does not apply.</param>
    /// <param name="governs">What that recommendation would have governed ("a new resection", "the timing of a new resection").</param>
    /// <param name="also">An optional phrase to add after the 9.1 criteria ("with recommendation 9.2 for …"), or <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    public static string RecurrenceSummary(EvaluationContext context, string id, string governs, string? also = null)
    {
        var tfi = $"{context.Options.RemetastasectomyMinimumTfiMonths.ToString(CultureInfo.InvariantCulture)}–{context.Options.RemetastasectomyClearTfiMonths.ToString(CultureInfo.InvariantCulture)} months";
        return $"This is a liver recurrence after a previous liver resection, so {governs} is governed not by {id} but by the specific recommendation 9.1"
            + $" (section 3.9: a very conservative approach, in very selected patients with OMD, a treatment-free interval longer than {tfi} and good performance status)"
            + (also is null ? string.Empty : ", " + also)
            + "; see 9.1.";
    }

    /// <summary>
    /// A first-resection indication (5.3, 5.4, 8.1) is for disease that is not a recurrence after a previous liver
    /// resection: when that is not known (whether a resection was done, or the dates that place the lesions after it),
    /// the answer depends on it and the facts are missing. An unknown date never decides "recurrence".
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="missing">Missing facts.</param>
    public static void RecurrenceUnknown(EvaluationContext context, ResultBuilder result, List<string> missing)
    {
        if (context.IsLiverRecurrence is not null)
        {
            return;
        }

        var unknown = context.LiverRecurrenceMissing;
        result.Fact(
            unknown.Contains(FactNames.PreviousLiverResection) ? FactNames.PreviousLiverResection : unknown[0],
            "unknown",
            $"Whether the liver disease is a recurrence after a previous liver resection (governed by 9.1) is not known: {FactProse.NotRecorded(unknown)}.");
        missing.AddRange(unknown);
    }

    /// <summary>
    /// Fitness for surgery (7.2; sections 1 and 3.5 select resection candidates "particularly [with] good performance
    /// status"; section 3.10 sends patients whose comorbidities preclude resection to local therapies): a patient known
    /// not to be fit is not offered liver resection; a limited or unassessed fitness is a caution
    /// (<see cref="PreoperativeAssessment.SurgicalFitness"/>).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    public static void Fitness(EvaluationContext context, ResultBuilder result, List<string> against)
    {
        var fitness = context.Fitness;
        if (fitness.Status == TriState.No)
        {
            result.Facts(fitness.Findings);
            against.Add(NotACandidateClause + FactProse.JoinPhrases(fitness.UnfitBecause) + " (see 10.1)");
            return;
        }

        foreach (var caution in fitness.Cautions)
        {
            result.Caution(caution);
        }
    }

    /// <summary>The clause <see cref="Fitness"/> adds when the patient is not fit for surgery.</summary>
    private const string NotACandidateClause = "the patient is not a candidate for liver surgery: ";

    /// <summary>
    /// The summary of an indication that does not apply: "Outside the scenario of …: reasons", or, when the patient's
    /// fitness is the only reason, "The disease is within the scenario of …, but the patient is not a candidate …".
    /// </summary>
    /// <param name="id">The recommendation.</param>
    /// <param name="scenario">The scenario, as a noun phrase.</param>
    /// <param name="against">The reasons.</param>
    /// <param name="tail">A clause to append after a single scenario reason (a pointer to another recommendation), or <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    public static string NotApplying(string id, string scenario, IReadOnlyList<string> against, string? tail = null) =>
        against.Count == 1 && against[0].StartsWith(NotACandidateClause, System.StringComparison.Ordinal)
            ? $"The disease is within the scenario of {id} ({scenario}), but {against[0]}."
            : $"Outside the scenario of {id} ({scenario}): {string.Join("; ", against)}{(against.Count == 1 && tail is not null ? "; " + tail : string.Empty)}.";

    /// <summary>
    /// Section 3.11: radiologic response to preoperative chemotherapy is associated with survival (median OS 58.0 months
    /// with partial response against 30.8 months with progression). Metachronous disease progressing on systemic therapy
    /// therefore carries a caution wherever a resection or preoperative chemotherapy is considered (5.3, 8.1, 11.1).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    public static void CautionIfProgressing(EvaluationContext context, ResultBuilder result)
    {
        if (context.Timing.Timing == MetastasisTiming.Metachronous
            && context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            result.Fact(FactNames.SystemicTherapyResponse, "progressive-disease", "The metastatic disease is progressing on systemic therapy.");
            result.Caution(ProgressionCaution);
        }
    }

    /// <summary>The caution for metachronous disease progressing on systemic therapy (section 3.11).</summary>
    public const string ProgressionCaution =
        "The disease is progressing on systemic therapy: section 3.11 reports that radiologic response to preoperative chemotherapy (by Choi, not RECIST 1.1, criteria) was associated with survival (median overall survival 58.0 months with partial response against 30.8 months with progression), so progression is an unfavourable sign for the tumour board to weigh before a resection; section 3.10 adds that patients whose disease fails to respond to conventional therapies should also be considered for transarterial treatment.";

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
