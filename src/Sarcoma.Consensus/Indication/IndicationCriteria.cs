using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// The criteria the indication and timing recommendations (5.3, 5.4, 8.1–8.3) share. Each records its findings,
/// adds a reason (a message, worded as a lower-case clause) to <c>against</c> when a known fact rules the
/// recommendation out, or the missing facts to <c>missing</c> when it cannot be decided.
/// </summary>
internal static class IndicationCriteria
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message IndicationRecurrenceResectionUndatedMessage = new("indication.recurrence.resection-undated");
    private static readonly Message IndicationProgressingMessage = new("indication.progressing");

    /// <summary>Timing: the metastases must be <paramref name="wanted"/>; the boundary caution is carried over.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="wanted">The timing the recommendation addresses.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void Timing(EvaluationContext context, ResultBuilder result, MetastasisTiming wanted, List<Message> against, List<string> missing)
    {
        var timing = context.Timing;
        result.Facts(timing.Findings);
        if (timing.BoundaryCautionMessage is { } caution)
        {
            result.Caution(caution);
        }

        if (timing.Timing is not { } actual)
        {
            result.Fact(TimingAssessment.ConceptName, "unknown", context.DiseaseFreeInterval.SentenceMessage());
            missing.AddRange(timing.Missing);
        }
        else if (actual != wanted)
        {
            against.Add(Message.Of("indication.against.timing", ("actual", TimingCode(actual)), ("wanted", TimingCode(wanted))));
        }
    }

    /// <summary>Oligometastatic disease (1.1/1.2) must be present.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void Oligometastatic(EvaluationContext context, ResultBuilder result, List<Message> against, List<string> missing)
    {
        var omd = context.Oligometastatic;
        // The same finding as every recommendation that depends on OMD records: made once per evaluation.
        result.Facts(context.OligometastaticFinding);
        if (omd.Status == TriState.No)
        {
            // After a complete resection there is no current metastatic disease: said so (the clause the liver criterion
            // gives, once), not "not oligometastatic" (issue #7, sixth read F8).
            var clause = context.NoEvidenceOfDisease ? NoLiverMetastasis(context) : Message.Of("indication.against.not-oligometastatic", ("criteria", FailingCriteria(omd)));
            if (!against.Contains(clause))
            {
                against.Add(clause);
            }
        }
        else if (omd.Status == TriState.Unknown)
        {
            missing.AddRange(omd.Missing);
        }

        if (omd.Status != TriState.No && context.StagingAgeCautionMessage is { } stagingAge)
        {
            result.Caution(stagingAge);
        }
    }

    /// <summary>Every liver lesion must be amenable to complete surgical resection.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void LiverResectable(EvaluationContext context, ResultBuilder result, List<Message> against, List<string> missing)
    {
        var liver = context.LiverLesions;
        if (liver.Count == 0)
        {
            return;
        }

        var unresectable = LiverLesionFacts.Unresectable(liver, out var unknown);
        if (unresectable > 0)
        {
            var clause = Message.Of("indication.liver-lesions-not-resectable", ("count", unresectable), ("total", liver.Count), ("all", unresectable == liver.Count));
            result.Fact(FactNames.LesionResectable, "no", Sentence(clause));
            against.Add(clause);
        }
        else if (unknown > 0)
        {
            result.Fact(FactNames.LesionResectable, "unknown", Message.Of("indication.liver-resectability-not-recorded", ("count", unknown), ("total", liver.Count), ("all", unknown == liver.Count)));
            missing.Add(FactNames.LesionResectable);
        }
        else
        {
            result.Fact(FactNames.LesionResectable, "yes", Message.Of("indication.liver-lesions-resectable", ("total", liver.Count)));
        }
    }

    /// <summary>Liver metastases must be present.</summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">Reasons the recommendation does not apply.</param>
    /// <param name="missing">Missing facts.</param>
    public static void LiverMetastases(EvaluationContext context, ResultBuilder result, List<Message> against, List<string> missing)
    {
        if (context.HasLiverMetastases is not { } hasLiver)
        {
            missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
        }
        else if (!hasLiver)
        {
            result.Facts(context.NoLiverMetastasisFinding);
            var clause = NoLiverMetastasis(context);
            if (!against.Contains(clause))
            {
                against.Add(clause);
            }
        }
        else
        {
            result.Facts(context.LiverLocation);
        }
    }

    /// <summary>
    /// Why there is no liver disease to treat, as a lower-case clause: no current evidence of metastatic disease, or no
    /// liver lesion among those recorded (message <c>indication.no-liver-metastasis</c>).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <returns>The clause.</returns>
    public static Message NoLiverMetastasis(EvaluationContext context) =>
        context.NoEvidenceOfDisease ? NoLiverMetastasisNoEvidenceMessage : NoLiverMetastasisMessage;

    private static readonly Message NoLiverMetastasisMessage = Message.Of("indication.no-liver-metastasis", ("noEvidence", false));
    private static readonly Message NoLiverMetastasisNoEvidenceMessage = Message.Of("indication.no-liver-metastasis", ("noEvidence", true));

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

        var count = context.Patient.Treatment.LiverResections.Count;
        var latest = context.LatestLiverResectionDate;
        if (latest is { } date)
        {
            result.Fact(FactNames.LiverResectionPerformedOn, ResultBuilder.Format(date), Message.Of("indication.recurrence.latest-resection", ("count", count), ("date", date)));
        }
        else if (count > 0)
        {
            result.Fact(FactNames.LiverResections, count.ToString(CultureInfo.InvariantCulture), Message.Of("indication.recurrence.resections-undated", ("count", count)));
        }
        else
        {
            result.Fact(FactNames.PreviousLiverResection, "yes", IndicationRecurrenceResectionUndatedMessage);
        }

        var liver = context.LiverLesions.Count;
        if (context.Patient.Metastases?.DetectedOn is { } detected && latest is not null)
        {
            result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(detected), Message.Of("indication.recurrence.detected-after", ("count", liver), ("date", detected)), source: "section 3.9");
        }
        else
        {
            result.Fact(FactNames.LesionSite, "liver", Message.Of("indication.recurrence.present", ("count", liver)), source: "section 3.9");
        }

        return true;
    }

    /// <summary>The summary of a first-resection indication that a liver recurrence takes out of its scope (message <c>indication.recurrence-summary</c>).</summary>
    /// <param name="context">The context.</param>
    /// <param name="id">The recommendation that does not apply.</param>
    /// <param name="governs">What that recommendation would have governed (<c>indication.governs.new-resection</c>: "a new resection").</param>
    /// <param name="also">An optional clause to add after the 9.1 criteria ("with recommendation 9.2 for …"), or <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    public static Message RecurrenceSummary(EvaluationContext context, string id, Message governs, Message? also = null) => Message.Of(
        also is null ? "indication.recurrence-summary" : "indication.recurrence-summary.with",
        ("governs", governs),
        ("id", id),
        ("minimumMonths", context.Options.RemetastasectomyMinimumTfiMonths),
        ("clearMonths", context.Options.RemetastasectomyClearTfiMonths),
        ("also", also));

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
            Message.Of("indication.recurrence-unknown", ("notRecorded", FactProse.NotRecordedMessage(unknown))));
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
    public static void Fitness(EvaluationContext context, ResultBuilder result, List<Message> against)
    {
        var fitness = context.Fitness;
        if (fitness.Status == TriState.No)
        {
            result.Facts(fitness.Findings);
            against.Add(Message.Of(NotACandidateCode, ("reasons", fitness.UnfitBecauseMessages)));
            return;
        }

        foreach (var caution in fitness.CautionMessages)
        {
            result.Caution(LiverResectionCandidacy.FitnessCaution(context, caution));
        }
    }

    /// <summary>The code of the reason <see cref="Fitness(EvaluationContext, ResultBuilder, List{Message})"/> adds when the patient is not fit for surgery.</summary>
    private const string NotACandidateCode = "indication.against.not-a-candidate";

    /// <summary>
    /// The summary of an indication that does not apply: "Outside the scenario of …: reasons", or, when the patient's
    /// fitness is the only reason, "The disease is within the scenario of …, but the patient is not a candidate …"
    /// (messages <c>indication.not-applying*</c>).
    /// </summary>
    /// <param name="id">The recommendation.</param>
    /// <param name="scenario">The scenario, as a noun phrase.</param>
    /// <param name="against">The reasons.</param>
    /// <param name="pointer">A clause to append after a single scenario reason (a pointer to another recommendation), or <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    public static Message NotApplying(string id, Message scenario, IReadOnlyList<Message> against, Message? pointer = null)
    {
        if (against.Count > 0 && AllUnfitOrProgressing(against))
        {
            return Message.Of("indication.not-applying.unfit", ("id", id), ("scenario", scenario), ("reasons", against));
        }

        return against.Count == 1 && pointer is not null
            ? Message.Of("indication.not-applying.pointing", ("id", id), ("scenario", scenario), ("reasons", against), ("pointer", pointer))
            : Message.Of("indication.not-applying", ("id", id), ("scenario", scenario), ("reasons", against));
    }

    // Whether every reason against is unfitness or progression (a loop: no enumerator or delegate).
    private static bool AllUnfitOrProgressing(IReadOnlyList<Message> against)
    {
        for (var i = 0; i < against.Count; i++)
        {
            if (against[i].Code is not (NotACandidateCode or ProgressingCode))
            {
                return false;
            }
        }

        return true;
    }

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
            result.Fact(FactNames.SystemicTherapyResponse, "progressive-disease", IndicationProgressingMessage);
            result.Caution(ProgressionCautionMessage);
        }
    }

    /// <summary>
    /// Metachronous disease progressing on systemic therapy, when <see cref="ConsensusOptions.ProgressionOnSystemicTherapyDefersSurgery"/>
    /// is set (the default): records the fact and adds a reason naming <see cref="ProgressingMessage"/> to the reasons against the
    /// indication (5.3, 5.4, 8.1). Otherwise nothing: <see cref="CautionIfProgressing"/> then adds the caution.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="result">The builder.</param>
    /// <param name="against">The reasons against the indication.</param>
    public static void Progression(EvaluationContext context, ResultBuilder result, List<Message> against)
    {
        if (context.Options.ProgressionOnSystemicTherapyDefersSurgery
            && context.Timing.Timing == MetastasisTiming.Metachronous
            && context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            result.Fact(FactNames.SystemicTherapyResponse, "progressive-disease", IndicationProgressingMessage);
            against.Add(Message.Of(ProgressingCode, ("reason", ProgressingMessage)));
        }
    }

    /// <summary>
    /// The reason against candidacy of metachronous disease progressing on systemic therapy (message
    /// <c>indication.candidacy.blocker.metachronous-progressing</c>, a lower-case clause; sections 3.10, 3.11).
    /// </summary>
    public static Message ProgressingMessage { get; } = new("indication.candidacy.blocker.metachronous-progressing");

    private const string ProgressingCode = "indication.against.progressing";

    /// <summary>The caution for metachronous disease progressing on systemic therapy (section 3.11).</summary>
    public static Message ProgressionCautionMessage { get; } = new("indication.caution.progression");

    /// <summary>Gets <see cref="ProgressionCautionMessage"/> in English.</summary>
    public static string ProgressionCaution => ProgressionCautionMessage.Text;

    /// <summary>The site's code, as in the patient JSON (<c>lymph-node</c>, <c>soft-tissue</c>, <c>lung</c>, …; terms <c>site.*</c> in common.messages).</summary>
    /// <param name="site">The site.</param>
    /// <returns>The code.</returns>
    public static string SiteCode(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph-node",
        MetastaticSite.SoftTissue => "soft-tissue",
        _ => site.LowerName(),
    };

    /// <summary>The sites as terms of a list joined with commas ("lung, lymph node"): messages <c>site.&lt;code&gt;</c>.</summary>
    /// <param name="sites">The sites, in the order to show.</param>
    /// <returns>The items.</returns>
    public static IReadOnlyList<Message> SiteTerms(IEnumerable<MetastaticSite> sites) =>
        sites.Select(SiteTerm).ToArray();

    // One term message per known site, made once per process.
    private static Message SiteTerm(MetastaticSite site) =>
        (uint)site < (uint)SiteTermMessages.Size ? SiteTermMessages[(int)site] : new Message("site." + SiteCode(site));

    private static readonly MemoTable<Message> SiteTermMessages = new((int)MetastaticSite.Other + 1, static site => new Message("site." + SiteCode((MetastaticSite)site)));

    /// <summary>A clause as a sentence: capitalised, with a full stop (message <c>indication.sentence</c>).</summary>
    /// <param name="clause">The clause.</param>
    /// <returns>The sentence.</returns>
    public static Message Sentence(Message clause) => Message.Of("indication.sentence", ("clause", clause));

    /// <summary>
    /// The criteria the oligometastatic assessment failed, as list items. OligometastaticAssessment words them in English
    /// (Oligometastasis folder): literals until it has messages.
    /// </summary>
    internal static IReadOnlyList<Message> FailingCriteria(OligometastaticAssessment omd) => omd.FailingCriteriaMessages;

    private static string TimingCode(MetastasisTiming timing) => timing == MetastasisTiming.Synchronous ? "synchronous" : "metachronous";

    private static void AsText(List<string> against, System.Action<List<Message>> criterion)
    {
        var reasons = new List<Message>();
        criterion(reasons);
        against.AddRange(reasons.Select(r => r.Text));
    }
}
