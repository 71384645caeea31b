using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

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
/// Uncertain origin outside the first setting (synchronous disease, or a liver lesion that is not resectable) is
/// reported but is not counted as a reason: the guideline ties it to planning a metastasectomy; hepatic MRI
/// characterises lesions of uncertain origin (4.2). A proposed induction treatment stops being a reason once systemic
/// treatment has started (<c>treatment.systemicTherapyReceived</c> or <c>treatment.onSystemicTherapy</c>): the biopsy was
/// to come before it. "Planned" with the start unrecorded is read as not yet started.
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
    /// <summary>The name under which the plan appears in findings.</summary>
    public const string ConceptName = "derived.biopsyConsidered";

    // Recommendation 3.3: "A minimum of four large-gauge cores (14–16 G)". Fixed by the voted text, not an option.
    private const int MinimumCores = 4;
    internal const int LargestGaugeNumber = 14;
    internal const int SmallestGaugeNumber = 16;

    private BiopsyPlan(TriState consider, BiopsyBasis basis, string verdict, string? notOnTheTable, IReadOnlyList<string> reasons, OriginUncertaintyAssessment origin, bool originSetAside, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing)
    {
        Consider = consider;
        Basis = basis;
        Verdict = verdict;
        NotOnTheTable = notOnTheTable;
        Reasons = reasons.ToReadOnlyList();
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
    public static string CoreRequirement { get; } = string.Format(
        CultureInfo.InvariantCulture,
        "If a liver biopsy is done: at least four large-gauge cores ({0}–{1} G) to ensure adequate tissue sampling (recommendation 3.3), by image-guided percutaneous core needle biopsy rather than fine needle aspiration cytology, which also allows histology, grade and molecular studies such as NGS (section 3.3).",
        LargestGaugeNumber,
        SmallestGaugeNumber);

    /// <summary>Gets the smallest number of cores recommended (3.3: four).</summary>
    public static int MinimumCoreCount => MinimumCores;

    /// <summary>Gets the gauge range recommended for the cores, as text (3.3: "14–16 G").</summary>
    public static string GaugeRange { get; } = string.Format(CultureInfo.InvariantCulture, "{0}–{1} G", LargestGaugeNumber, SmallestGaugeNumber);

    /// <summary>Gets whether a liver biopsy could be considered. Never "mandatory": 3.1 says it should not be.</summary>
    public TriState Consider { get; }

    /// <summary>Gets the statement of the guideline the reasons rest on (<see cref="BiopsyBasis.None"/> unless <see cref="Consider"/> is <see cref="TriState.Yes"/>).</summary>
    public BiopsyBasis Basis { get; }

    /// <summary>Gets one sentence saying whether a biopsy could be considered and why (the first finding's sentence).</summary>
    public string Verdict { get; }

    /// <summary>
    /// Gets, when <see cref="Consider"/> is <see cref="TriState.No"/>, why no liver biopsy is on the table as a lower-case
    /// clause (for example "no liver lesion is recorded"); otherwise <see langword="null"/>.
    /// </summary>
    public string? NotOnTheTable { get; }

    /// <summary>
    /// Gets a value indicating whether the origin of the liver lesions is uncertain but outside the setting in which the
    /// guideline counts it as a reason for a biopsy (synchronous disease, or not every liver lesion resectable).
    /// </summary>
    public bool OriginUncertainOutsideItsSetting { get; }

    /// <summary>Gets the reasons to consider a biopsy, as short phrases (non-empty when <see cref="Consider"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Gets the assessment of whether the origin of the liver lesions is uncertain.</summary>
    public OriginUncertaintyAssessment OriginUncertainty { get; }

    /// <summary>Gets the findings: the verdict first, then the facts checked.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Gets the facts that are not recorded. When <see cref="Consider"/> is <see cref="TriState.Unknown"/> they are what
    /// prevented a decision; when it is <see cref="TriState.Yes"/> they did not change it.
    /// </summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Assesses whether a liver biopsy could be considered.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static BiopsyPlan Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var origin = OriginUncertaintyAssessment.Assess(context);
        var findings = new List<Finding>();
        var missing = new List<string>();
        var reasons = new List<string>();
        var treatment = context.Patient.Treatment;
        var induction = treatment.InductionTherapyPlanned;
        bool? started = treatment.SystemicTherapyReceived == true || treatment.OnSystemicTherapy == true
            ? true
            : treatment.SystemicTherapyReceived == false ? false : null;

        // A proposed induction treatment is a reason only before it starts.
        bool? inductionPending = started == true ? false : induction;
        var timing = context.Timing.Timing;
        var originSetAside = false;

        // 9.2's preoperative systemic treatment of a liver recurrence (no adjuvant chemotherapy after the first resection)
        // is a proposed preoperative treatment, so a reason of 3.1 (a start not recorded is read as not yet started, as for a
        // planned induction); when the recurrence or the adjuvant treatment is unknown, so is the reason.
        var recurrence = context.IsLiverRecurrence;
        var adjuvant = treatment.AdjuvantTherapyAfterFirstLiverResection;
        var preoperativeByNinePointTwo = recurrence == false || adjuvant == true || started == true || context.LiverResection.Candidate == TriState.No
            ? TriState.No
            : recurrence == true && adjuvant == false ? TriState.Yes : TriState.Unknown;
        var preoperativeMissing = new List<string>();
        if (preoperativeByNinePointTwo == TriState.Unknown)
        {
            if (recurrence is null)
            {
                preoperativeMissing.AddRange(context.LiverRecurrenceMissing);
            }

            if (adjuvant is null)
            {
                preoperativeMissing.Add(FactNames.AdjuvantTherapyAfterFirstLiverResection);
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

            return Done(TriState.Unknown, BiopsyBasis.None, "No metastatic lesion is recorded, so whether a liver biopsy could be considered is unknown.");
        }

        if (!hasLiver)
        {
            findings.Add(context.NoLiverMetastasisFinding);
            return Done(TriState.No, BiopsyBasis.None, "No liver lesion is recorded: a liver biopsy is not on the table.", "no liver lesion is recorded");
        }

        var count = context.LiverLesions.Count;
        findings.Add(new Finding(FactNames.Lesions, count.ToString(CultureInfo.InvariantCulture), $"{count.ToString(CultureInfo.InvariantCulture)} liver {(count == 1 ? "lesion" : "lesions")} recorded."));
        findings.AddRange(context.Timing.Findings);
        findings.AddRange(origin.Findings);
        switch (induction)
        {
            case true when started == true:
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "yes", "Induction systemic therapy was planned, but systemic treatment has already started: a biopsy before it is no longer the question."));
                break;
            case true:
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "yes", "Induction (preoperative) systemic therapy is planned or proposed" + (started is null ? " (not recorded as started)." : " and has not started.")));
                break;
            case false:
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "no", "No induction (preoperative) systemic therapy is proposed."));
                break;
            default:
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "unknown", started == true
                    ? "Not recorded whether induction systemic therapy was planned; systemic treatment has already started."
                    : "Not recorded whether induction (preoperative) systemic therapy is proposed."));
                break;
        }

        if (started == true)
        {
            findings.Add(new Finding(
                treatment.OnSystemicTherapy == true ? FactNames.OnSystemicTherapy : FactNames.SystemicTherapyReceived,
                "yes",
                treatment.OnSystemicTherapy == true ? "The patient is on systemic therapy." : "Systemic therapy for metastatic disease has been received."));
        }

        var allResectable = context.AllLiverLesionsResectable;
        switch (timing)
        {
            case MetastasisTiming.Synchronous:
                originSetAside = origin.Status == TriState.Yes;
                switch (inductionPending)
                {
                    case true:
                        reasons.Add("induction systemic treatment is planned");
                        return Done(TriState.Yes, BiopsyBasis.SynchronousInduction, "A liver biopsy could be considered: induction systemic treatment is planned in synchronous disease, where a biopsy could provide a diagnostic confirmation (section 3.3).");
                    case false:
                        return started == true
                            ? Done(TriState.No, BiopsyBasis.None, "Synchronous disease whose systemic treatment has already started: a biopsy before induction treatment is no longer the question.", "systemic treatment of the synchronous disease has already started, and a biopsy before induction treatment is no longer the question")
                            : Done(TriState.No, BiopsyBasis.None, "Synchronous disease without induction systemic treatment planned: with radiologically compatible lesions a biopsy could be waived (section 3.3), and the guideline gives no other reason for one in this setting.", "the disease is synchronous without induction systemic treatment planned, where a biopsy could be waived (section 3.3)");
                    default:
                        missing.Add(FactNames.InductionTherapyPlanned);
                        return Done(TriState.Unknown, BiopsyBasis.None, "Synchronous disease: whether a liver biopsy could be considered depends on whether induction systemic treatment is planned, which is not recorded.");
                }

            case MetastasisTiming.Metachronous:
                if (allResectable == false)
                {
                    var unresectable = context.LiverLesions.Count(l => l.Resectable == false);
                    findings.Add(new Finding(FactNames.LesionResectable, "no", unresectable == count
                        ? (count == 1 ? "The liver lesion is not amenable to complete surgical resection." : $"None of the {count.ToString(CultureInfo.InvariantCulture)} liver lesions is amenable to complete surgical resection.")
                        : $"{unresectable.ToString(CultureInfo.InvariantCulture)} of {count.ToString(CultureInfo.InvariantCulture)} liver lesions {(unresectable == 1 ? "is" : "are")} not amenable to complete surgical resection."));
                    originSetAside = origin.Status == TriState.Yes;
                    return Done(TriState.No, BiopsyBasis.None, "Not every liver lesion is resectable: the reasons 3.1 gives for considering a biopsy (uncertain tumour origin, a proposed preoperative systemic treatment) concern resectable metachronous liver metastases.", "not every liver lesion is resectable, and the reasons 3.1 gives for a biopsy concern resectable metachronous liver metastases");
                }

                if (origin.Status == TriState.Yes)
                {
                    reasons.Add("the tumour origin is uncertain, given " + OriginUncertaintyAssessment.JoinPhrases(origin.Reasons));
                }

                if (inductionPending == true)
                {
                    reasons.Add("a preoperative (induction) systemic treatment is proposed");
                }
                else if (preoperativeByNinePointTwo == TriState.Yes)
                {
                    // 9.2: this liver recurrence "should receive preoperative systemic treatment": the guideline proposes it.
                    reasons.Add("recommendation 9.2 calls for preoperative systemic treatment of this liver recurrence (no adjuvant chemotherapy followed the first resection)");
                    inductionPending = true;
                }

                if (allResectable is null)
                {
                    missing.Add(FactNames.LesionResectable);
                    if (reasons.Count == 0 && origin.Status == TriState.No && inductionPending == false && preoperativeByNinePointTwo == TriState.No)
                    {
                        missing.Clear();
                        return Done(TriState.No, BiopsyBasis.None, "No reason to consider a liver biopsy: " + NoReason() + ".", NoReason());
                    }

                    AddReasonFactsMissing();
                    return Done(TriState.Unknown, BiopsyBasis.None, "Whether a liver biopsy could be considered is undetermined: " + FactProse.NotRecorded(missing) + ".");
                }

                AddReasonFactsMissing();
                if (reasons.Count > 0)
                {
                    return Done(TriState.Yes, BiopsyBasis.ResectableMetachronous, "A liver biopsy could be considered (3.1): " + string.Join("; and ", reasons) + ".");
                }

                return origin.Status == TriState.No && inductionPending == false && preoperativeByNinePointTwo == TriState.No
                    ? Done(TriState.No, BiopsyBasis.None, "No reason to consider a liver biopsy: " + NoReason() + ".", NoReason())
                    : Done(TriState.Unknown, BiopsyBasis.None, "Whether a liver biopsy could be considered is undetermined: " + FactProse.NotRecorded(missing) + ".");

            default:
                // Timing unknown: a reason could hold in either setting until every fact that could give one is known not to.
                var originCould = origin.Status != TriState.No && allResectable != false;
                if (!originCould && inductionPending == false && preoperativeByNinePointTwo == TriState.No)
                {
                    originSetAside = origin.Status == TriState.Yes;
                    return Done(TriState.No, BiopsyBasis.None, "No reason to consider a liver biopsy: " + NoReason() + ".", NoReason());
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
                return Done(TriState.Unknown, BiopsyBasis.None, "Whether the liver metastases are synchronous or metachronous is not known, and with it whether a liver biopsy could be considered: " + FactProse.NotRecorded(missing) + ".");
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

        string NoReason() => started == true && induction == true
            ? "the tumour origin is not in doubt, and the proposed systemic treatment has already started"
            : "the tumour origin is not in doubt and no preoperative systemic treatment is recorded as proposed";

        BiopsyPlan Done(TriState consider, BiopsyBasis basis, string verdict, string? notOnTheTable = null)
        {
            findings.Insert(0, new Finding(ConceptName, consider.ToString().ToLowerInvariant(), verdict));
            return new BiopsyPlan(consider, basis, verdict, notOnTheTable, reasons.ToArray(), origin, originSetAside, findings.ToArray(), missing.Distinct(StringComparer.Ordinal).ToArray());
        }
    }
}
