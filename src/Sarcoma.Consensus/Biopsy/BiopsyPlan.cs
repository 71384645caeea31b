using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>The statement of the guideline a reason to consider a liver biopsy rests on.</summary>
internal enum BiopsyBasis
{
    /// <summary>No reason to consider a biopsy holds (or none is known yet).</summary>
    None,

    /// <summary>Recommendation 3.1: resectable metachronous liver metastases with uncertain tumour origin or a proposed preoperative systemic treatment.</summary>
    ResectableMetachronous,

    /// <summary>
    /// The section 3.3 narrative on synchronous OMD: "if induction systemic treatment is planned … a biopsy could provide a
    /// diagnostic confirmation" (the scenario of 3.2, which did not reach consensus).
    /// </summary>
    SynchronousInduction,
}

/// <summary>
/// Whether a biopsy of the liver lesions could be considered, and how it should be taken (section 3.3,
/// recommendations 3.1–3.3).
/// </summary>
/// <remarks>
/// <para>
/// Biopsy is never mandatory (3.1). The guideline gives reasons to consider one in two settings only, and the plan
/// counts a reason only in its setting (<see cref="Basis"/>):
/// </para>
/// <list type="bullet">
/// <item><description>Resectable metachronous liver metastases (metachronous timing, every liver lesion resectable;
/// recommendation 3.1): the tumour origin is uncertain (<see cref="OriginUncertaintyAssessment"/>; section 3.3: "the
/// concern for other histologies … should be considered before planning a metastasectomy"), or a preoperative
/// (induction) systemic treatment is proposed.</description></item>
/// <item><description>Synchronous disease with induction systemic treatment planned (section 3.3 narrative; the scenario
/// of 3.2).</description></item>
/// </list>
/// <para>
/// Disease known not to be oligometastatic is in neither setting: no reason is counted and no fact is asked.
/// Uncertain origin outside the first setting (synchronous disease, or a liver lesion that is not resectable) is
/// reported but is not counted as a reason: the guideline ties it to planning a metastasectomy; hepatic MRI
/// characterises lesions of uncertain origin (4.2). A proposed induction treatment stops being a reason once systemic
/// treatment is under way (<c>treatment.onSystemicTherapy</c>; past therapy alone, such as finished adjuvant therapy,
/// does not count): the biopsy was to come before it. "Planned" with the start unrecorded is read as not yet started.
/// </para>
/// <para>
/// <see cref="Consider"/> is <see cref="TriState.Yes"/> when a reason holds in its setting, <see cref="TriState.No"/>
/// when none can (no liver lesion, or every fact that could give a reason is known and gives none), otherwise
/// <see cref="TriState.Unknown"/>, naming the facts that could still give one.
/// </para>
/// <para>
/// Whenever a biopsy is done, 3.3 asks for at least four large-gauge (14–16 G) cores; section 3.3 prefers image-guided
/// percutaneous core needle biopsy over fine needle aspiration cytology (<see cref="CoreRequirement"/>).
/// Immutable and thread-safe.
/// </para>
/// </remarks>
internal sealed class BiopsyPlan
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message BiopsyPlanNoLiverLesionClauseMessage = new("biopsy.plan.no-liver-lesion.clause");
    private static readonly Message BiopsyPlanNotOligometastaticClauseMessage = new("biopsy.plan.not-oligometastatic.clause");
    private static readonly Message BiopsyInductionPlannedButStartedMessage = new("biopsy.induction.planned-but-started");
    private static readonly Message BiopsyReasonInductionPlannedMessage = new("biopsy.reason.induction-planned");
    private static readonly Message BiopsyPlanSynchronousStartedClauseMessage = new("biopsy.plan.synchronous-started.clause");
    private static readonly Message BiopsyPlanSynchronousNoInductionClauseMessage = new("biopsy.plan.synchronous-no-induction.clause");
    private static readonly Message BiopsyPlanNotAllResectableClauseMessage = new("biopsy.plan.not-all-resectable.clause");
    private static readonly Message BiopsyReasonPreoperativeProposedMessage = new("biopsy.reason.preoperative-proposed");
    private static readonly Message BiopsyReasonPreoperativeBy92Message = new("biopsy.reason.preoperative-by-9.2");
    private static readonly Message BiopsyOnSystemicTherapyMessage = new("biopsy.on-systemic-therapy");
    private static readonly Message BiopsySystemicTherapyReceivedMessage = new("biopsy.systemic-therapy-received");

    /// <summary>The name under which the plan appears in findings.</summary>
    public const string ConceptName = "derived.biopsyConsidered";

    // Recommendation 3.3: "A minimum of four large-gauge cores (14–16 G)". Fixed by the voted text, not an option.
    private const int MinimumCores = 4;
    internal const int LargestGaugeNumber = 14;
    internal const int SmallestGaugeNumber = 16;

    private BiopsyPlan(TriState consider, BiopsyBasis basis, Message verdict, Message? notOnTheTable, IReadOnlyList<Message> reasons, OriginUncertaintyAssessment origin, bool originSetAside, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing)
    {
        Consider = consider;
        Basis = basis;
        VerdictMessage = verdict;
        NotOnTheTableMessage = notOnTheTable;
        ReasonMessages = reasons.ToReadOnlyList();
        OriginUncertainty = origin;
        OriginUncertainOutsideItsSetting = originSetAside;
        Findings = findings.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets the facts the plan reads.</summary>
    public static IReadOnlyList<string> Requirements { get; } = OriginUncertaintyAssessment.Requirements.Concat(new[]
    {
        FactNames.LesionResectable, FactNames.InductionTherapyPlanned, FactNames.SystemicTherapyReceived, FactNames.OnSystemicTherapy,
        FactNames.AdjuvantTherapyAfterFirstLiverResection,
    }).Concat(Remetastasectomy.LiverRecurrence.Requirements).Concat(Indication.LiverResectionCandidacy.Requirements)
        .Distinct(StringComparer.Ordinal).ToReadOnlyList();

    /// <summary>
    /// Gets the sampling requirement that holds whenever a liver biopsy is done: image-guided percutaneous core needle
    /// biopsy in preference to fine needle aspiration cytology (section 3.3 narrative), with at least four large-gauge
    /// 14–16 G cores (recommendation 3.3).
    /// </summary>
    public static Message CoreRequirementMessage { get; } = Message.Of(
        "biopsy.core-requirement", ("largestGauge", LargestGaugeNumber), ("smallestGauge", SmallestGaugeNumber));

    /// <summary>Gets <see cref="CoreRequirementMessage"/> rendered in English.</summary>
    public static string CoreRequirement => CoreRequirementMessage.Text;

    /// <summary>Gets the smallest number of cores recommended (3.3: four).</summary>
    public static int MinimumCoreCount => MinimumCores;

    /// <summary>Gets the gauge range recommended for the cores, as text (3.3: "14–16 G").</summary>
    public static string GaugeRange { get; } = string.Format(CultureInfo.InvariantCulture, "{0}–{1} G", LargestGaugeNumber, SmallestGaugeNumber);

    /// <summary>Gets whether a liver biopsy could be considered. Never "mandatory": 3.1 says it should not be.</summary>
    public TriState Consider { get; }

    /// <summary>Gets the statement of the guideline the reasons rest on (<see cref="BiopsyBasis.None"/> unless <see cref="Consider"/> is <see cref="TriState.Yes"/>).</summary>
    public BiopsyBasis Basis { get; }

    /// <summary>Gets one sentence saying whether a biopsy could be considered and why (the first finding's message), as data.</summary>
    public Message VerdictMessage { get; }

    /// <summary>Gets <see cref="VerdictMessage"/> rendered in English (the first finding's sentence).</summary>
    public string Verdict => VerdictMessage.Text;

    /// <summary>
    /// Gets, when <see cref="Consider"/> is <see cref="TriState.No"/>, why no liver biopsy is on the table as a lower-case
    /// clause (for example "no liver lesion is recorded"); otherwise <see langword="null"/>.
    /// </summary>
    public string? NotOnTheTable => NotOnTheTableMessage?.Text;

    /// <summary>Gets <see cref="NotOnTheTable"/> as data (a lower-case clause), or <see langword="null"/>.</summary>
    public Message? NotOnTheTableMessage { get; }

    /// <summary>
    /// Gets a value indicating whether the origin of the liver lesions is uncertain but outside the setting in which the
    /// guideline counts it as a reason for a biopsy (synchronous disease, or not every liver lesion resectable).
    /// </summary>
    public bool OriginUncertainOutsideItsSetting { get; }

    /// <summary>Gets the reasons to consider a biopsy, as short phrases in English (non-empty when <see cref="Consider"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<string> Reasons => ReasonMessages.Select(r => r.Text).ToReadOnlyList();

    /// <summary>Gets the reasons to consider a biopsy, as messages (clauses; non-empty when <see cref="Consider"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<Message> ReasonMessages { get; }

    /// <summary>Gets the assessment of whether the origin of the liver lesions is uncertain.</summary>
    public OriginUncertaintyAssessment OriginUncertainty { get; }

    /// <summary>Gets the findings: the verdict first, then the facts checked.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Gets the facts that are not recorded. When <see cref="Consider"/> is <see cref="TriState.Unknown"/> they are what
    /// prevented a decision; when it is <see cref="TriState.Yes"/> they did not change it.
    /// </summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets whether a liver biopsy could be considered for the patient in <paramref name="context"/>: computed once per evaluation and held by the context.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static BiopsyPlan Assess(EvaluationContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).BiopsyPlan;

    /// <summary>Computes the plan; only <see cref="EvaluationContext.BiopsyPlan"/> calls this, once per evaluation.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The plan.</returns>
    internal static BiopsyPlan Compute(EvaluationContext context)
    {
        context.Computing(DerivedConcepts.BiopsyPlan);
        var origin = context.OriginUncertainty;
        // Working lists reused per thread, given back by Done, the one way out (the plan keeps exact copies).
        var findings = ScratchList<Finding>.Rent();
        var missing = ScratchList<string>.Rent();
        var reasons = ScratchList<Message>.Rent();
        var treatment = context.Patient.Treatment;
        var induction = treatment.InductionTherapyPlanned;
        // "Already started" means a systemic treatment under way now (treatment.onSystemicTherapy), not any past therapy:
        // adjuvant therapy finished after an earlier resection has not started the treatment a biopsy would precede
        // (sixth paper-only read (s20), case 17).
        var started = treatment.OnSystemicTherapy;

        // A proposed induction treatment is a reason only before it starts.
        bool? inductionPending = started == true ? false : induction;
        var timing = context.Timing.Timing;
        var originSetAside = false;

        // 9.2's preoperative systemic treatment of a liver recurrence (no adjuvant chemotherapy after the first resection)
        // is a proposed preoperative treatment, so a reason of 3.1 (a start not recorded is read as not yet started, as for a
        // planned induction); when the recurrence or the adjuvant treatment is unknown, so is the reason.
        var recurrence = context.IsLiverRecurrence;
        var adjuvant = treatment.AdjuvantTherapyAfterFirstLiverResection;
        // A recurrence below the 9.1 interval awaiting systemic treatment is not excluded: 9.2 puts that treatment first.
        var notACandidate = context.LiverResection.Candidate == TriState.No && context.LiverResection.ReassessAfterSystemicTreatment == TriState.No;
        var preoperativeByNinePointTwo = recurrence == false || adjuvant == true || started == true || notACandidate
            ? TriState.No
            : recurrence == true && adjuvant == false ? TriState.Yes : TriState.Unknown;
        // Only an unknown 9.2 reason has missing facts: otherwise the shared empty list (nothing is added to it).
        IReadOnlyList<string> preoperativeMissing = ReadOnlyValueList<string>.None;
        if (preoperativeByNinePointTwo == TriState.Unknown)
        {
            var preoperativeFacts = new List<string>(3);
            preoperativeMissing = preoperativeFacts;
            if (recurrence is null)
            {
                preoperativeFacts.AddRange(context.LiverRecurrenceMissing);
            }

            if (adjuvant is null)
            {
                preoperativeFacts.Add(FactNames.AdjuvantTherapyAfterFirstLiverResection);
            }
        }

        if (context.HasLiverMetastases is not { } hasLiver)
        {
            missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
            if (origin.Status != TriState.Yes && inductionPending != true)
            {
                // Even with liver lesions recorded, these facts would still be needed to decide.
                missing.AddRange(origin.Missing);
                if (inductionPending is null)
                {
                    missing.Add(FactNames.InductionTherapyPlanned);
                }

                missing.AddRange(context.Timing.Missing);
            }

            return Done(TriState.Unknown, BiopsyBasis.None, "biopsy.plan.no-lesions-recorded");
        }

        if (!hasLiver)
        {
            findings.Add(context.NoLiverMetastasisFinding);
            return Done(TriState.No, BiopsyBasis.None, "biopsy.plan.no-liver-lesion", notOnTheTable: BiopsyPlanNoLiverLesionClauseMessage);
        }

        var count = context.LiverLesions.Count;
        findings.Add(count < LesionCountFindings.Size ? LesionCountFindings[count] : LesionCountFinding(count));

        // Disease known not to be oligometastatic: neither setting of the guideline's reasons holds (3.1 concerns resectable
        // metachronous metastases, for which resection is indicated, and the section 3.3 narrative synchronous OMD), so no
        // fact about the origin or an induction plan can change the answer and none is asked.
        if (context.Oligometastatic.Status == TriState.No)
        {
            findings.Add(context.Oligometastatic.Findings[0]);
            if (origin.Status == TriState.Yes)
            {
                // Reported (hepatic MRI characterises lesions of uncertain origin, 4.2), not counted as a reason.
                findings.AddRange(origin.Findings);
                originSetAside = true;
            }

            return Done(TriState.No, BiopsyBasis.None, "biopsy.plan.not-oligometastatic", notOnTheTable: BiopsyPlanNotOligometastaticClauseMessage);
        }

        findings.AddRange(context.Timing.Findings);
        findings.AddRange(origin.Findings);
        findings.Add(new Finding(FactNames.InductionTherapyPlanned, ResultBuilder.Format(induction), induction switch
        {
            true when started == true => BiopsyInductionPlannedButStartedMessage,
            true => Message.Of("biopsy.induction.planned", ("startRecorded", started is not null)),
            false => Message.Of("biopsy.induction.not-proposed", ("context", PreoperativeContext())),
            _ => Message.Of("biopsy.induction.unknown", ("started", started == true)),
        }));

        if (started == true)
        {
            findings.Add(SystemicTherapyStartedFinding(treatment));
        }

        var allResectable = context.AllLiverLesionsResectable;
        switch (timing)
        {
            case MetastasisTiming.Synchronous:
                originSetAside = origin.Status == TriState.Yes;
                switch (inductionPending)
                {
                    case true:
                        reasons.Add(BiopsyReasonInductionPlannedMessage);
                        return Done(TriState.Yes, BiopsyBasis.SynchronousInduction, "biopsy.plan.synchronous-induction");
                    case false:
                        return started == true
                            ? Done(TriState.No, BiopsyBasis.None, "biopsy.plan.synchronous-started", notOnTheTable: BiopsyPlanSynchronousStartedClauseMessage)
                            : Done(TriState.No, BiopsyBasis.None, "biopsy.plan.synchronous-no-induction", notOnTheTable: BiopsyPlanSynchronousNoInductionClauseMessage);
                    default:
                        missing.Add(FactNames.InductionTherapyPlanned);
                        return Done(TriState.Unknown, BiopsyBasis.None, "biopsy.plan.synchronous-induction-unknown");
                }

            case MetastasisTiming.Metachronous:
                if (allResectable == false)
                {
                    findings.Add(NotAllResectableFinding(context));
                    originSetAside = origin.Status == TriState.Yes;
                    return Done(TriState.No, BiopsyBasis.None, "biopsy.plan.not-all-resectable", notOnTheTable: BiopsyPlanNotAllResectableClauseMessage);
                }

                if (origin.Status == TriState.Yes)
                {
                    reasons.Add(Message.Of("biopsy.reason.origin-uncertain", ("reasons", origin.ReasonMessages)));
                }

                if (inductionPending == true)
                {
                    reasons.Add(BiopsyReasonPreoperativeProposedMessage);
                }
                else if (preoperativeByNinePointTwo == TriState.Yes)
                {
                    // 9.2: this liver recurrence "should receive preoperative systemic treatment": the guideline proposes it.
                    reasons.Add(BiopsyReasonPreoperativeBy92Message);
                    inductionPending = true;
                }

                if (allResectable is null)
                {
                    missing.Add(FactNames.LesionResectable);
                    if (reasons.Count == 0 && origin.Status == TriState.No && inductionPending == false && preoperativeByNinePointTwo == TriState.No)
                    {
                        missing.Clear();
                        return NoReason();
                    }

                    AddReasonFactsMissing();
                    return Undetermined("biopsy.plan.undetermined");
                }

                AddReasonFactsMissing();
                if (reasons.Count > 0)
                {
                    return Done(TriState.Yes, BiopsyBasis.ResectableMetachronous, "biopsy.plan.resectable-metachronous", ("reasons", JoinAlso("biopsy.and-also", reasons)));
                }

                return origin.Status == TriState.No && inductionPending == false && preoperativeByNinePointTwo == TriState.No
                    ? NoReason()
                    : Undetermined("biopsy.plan.undetermined");

            default:
                // Timing unknown: a reason could hold in either setting until every fact that could give one is known not to.
                var originCould = origin.Status != TriState.No && allResectable != false;
                if (!originCould && inductionPending == false && preoperativeByNinePointTwo == TriState.No)
                {
                    originSetAside = origin.Status == TriState.Yes;
                    return NoReason();
                }

                missing.AddRange(context.Timing.Missing);
                if (originCould)
                {
                    missing.AddRange(origin.Missing);
                    if (allResectable is null)
                    {
                        missing.Add(FactNames.LesionResectable);
                    }
                }

                if (inductionPending is null)
                {
                    missing.Add(FactNames.InductionTherapyPlanned);
                }

                missing.AddRange(preoperativeMissing);
                return Undetermined("biopsy.plan.timing-unknown");
        }

        void AddReasonFactsMissing()
        {
            missing.AddRange(origin.Missing);
            if (inductionPending is null)
            {
                missing.Add(FactNames.InductionTherapyPlanned);
            }

            if (inductionPending != true)
            {
                missing.AddRange(preoperativeMissing);
            }
        }

        BiopsyPlan NoReason()
        {
            var none = Message.Of("biopsy.no-reason", ("case", started == true ? "started" : recurrence == true && adjuvant == true ? "after-adjuvant" : "none"));
            return Done(TriState.No, BiopsyBasis.None, "biopsy.plan.no-reason", ("reason", none), notOnTheTable: none);
        }

        // What the record and the guideline say about preoperative treatment when none is recorded as planned, so that the
        // biopsy lines never contradict 9.2 or a treatment already under way (issue #7, fifth read F5/F10).
        string PreoperativeContext() =>
            started == true ? "started"
            : preoperativeByNinePointTwo == TriState.Yes ? "by-9.2"
            : recurrence == true && adjuvant == true ? "after-adjuvant"
            : "none";

        BiopsyPlan Undetermined(string code) =>
            Done(TriState.Unknown, BiopsyBasis.None, code, ("notRecorded", FactProse.NotRecordedMessage(missing)));

        BiopsyPlan Done(TriState consider, BiopsyBasis basis, string code, (string Name, object? Value)? argument = null, Message? notOnTheTable = null)
        {
            var verdict = argument is { } a ? Message.Of(code, a) : new Message(code);
            findings.Insert(0, new Finding(ConceptName, consider.Code(), verdict));
            var plan = new BiopsyPlan(consider, basis, verdict, notOnTheTable, ReadOnlyValueList<Message>.CopyOf(reasons), origin, originSetAside, ReadOnlyValueList<Finding>.CopyOf(findings), FactProse.DistinctFacts(missing));
            ScratchList<Finding>.Return(findings);
            ScratchList<string>.Return(missing);
            ScratchList<Message>.Return(reasons);
            return plan;
        }
    }

    // The number of liver lesions recorded, for up to 16 lesions: made once per process (no patient data beyond the number).
    private static readonly MemoTable<Finding> LesionCountFindings = new(17, static count => LesionCountFinding(count));

    private static Finding LesionCountFinding(int count) =>
        new(FactNames.Lesions, count.ToString(CultureInfo.InvariantCulture), Message.Of("biopsy.liver-lesions-recorded", ("count", count)));

    /// <summary>Gets the finding that systemic treatment has started: on systemic therapy, or (for 3.2) systemic therapy received.</summary>
    internal static Finding SystemicTherapyStartedFinding(TreatmentHistory treatment) =>
        treatment.OnSystemicTherapy == true
            ? new Finding(FactNames.OnSystemicTherapy, "yes", BiopsyOnSystemicTherapyMessage)
            : new Finding(FactNames.SystemicTherapyReceived, "yes", BiopsySystemicTherapyReceivedMessage);

    /// <summary>Gets the finding that not every liver lesion is resectable (some are recorded as not resectable).</summary>
    internal static Finding NotAllResectableFinding(EvaluationContext context)
    {
        var count = context.LiverLesions.Count;
        var unresectable = context.LiverLesions.Count(l => l.Resectable == false);
        return new Finding(FactNames.LesionResectable, "no", Message.Of("biopsy.lesions-not-resectable", ("all", unresectable == count), ("count", count), ("unresectable", unresectable)));
    }

    /// <summary>Joins clauses as "a; and b; and c", nesting <paramref name="code"/> (a template "{first}; and {next}").</summary>
    internal static Message JoinAlso(string code, IReadOnlyList<Message> clauses)
    {
        var joined = clauses[0];
        for (var i = 1; i < clauses.Count; i++)
        {
            joined = Message.Of(code, ("first", joined), ("next", clauses[i]));
        }

        return joined;
    }
}
