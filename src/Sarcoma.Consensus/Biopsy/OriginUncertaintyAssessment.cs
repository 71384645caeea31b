using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Whether the origin of the liver lesions is uncertain: they might be something other than sarcoma metastases
/// (recommendation 3.1: "if the tumor origin is uncertain (e.g., long DFI, risk factors for hepatocellular carcinoma,
/// metachronous colorectal cancer)"; recommendation 4.2: "lesions of uncertain origin"; section 3.3: "the concern for
/// other histologies like liver metastases from carcinoma (e.g., colon cancer) or neuroendocrine tumors or primary
/// liver cancer (e.g., hepatocellular carcinoma) should be considered").
/// </summary>
/// <remarks>
/// <para>
/// Uncertain (<see cref="TriState.Yes"/>) when any of these holds: a long interval of at least
/// <see cref="ConsensusOptions.LongDiseaseFreeIntervalMonths"/> calendar months (default 60), risk factors for
/// hepatocellular carcinoma, a history of colorectal cancer, or a history of another cancer. Not uncertain
/// (<see cref="TriState.No"/>) only when every one of those facts is known and none holds. Otherwise
/// <see cref="TriState.Unknown"/>, naming every missing fact; unknown is never read as "no".
/// </para>
/// <para>
/// The interval is the disease-free interval (primary diagnosis to detection of the metastases), except for a liver
/// recurrence after a previous liver resection (<see cref="EvaluationContext.IsLiverRecurrence"/>): those lesions follow
/// proven sarcoma liver metastases, so the interval counted is from the latest liver metastasectomy to the detection of
/// the recurrence (section 3.9: "relapses with a short DFI"). When whether a liver resection was done before is not
/// recorded, a DFI under the threshold is short either way, but a long DFI is not read as deciding.
/// </para>
/// <para>
/// The assessment describes the patient's history, not the lesions' site: callers decide whether liver lesions are
/// present. Immutable and thread-safe.
/// </para>
/// </remarks>
internal sealed class OriginUncertaintyAssessment
{
    /// <summary>The name under which the assessment appears in findings.</summary>
    public const string ConceptName = "derived.originUncertain";

    /// <summary>The fact name of the disease-free interval (months) this assessment records; derived from <c>primary.diagnosedOn</c> and <c>metastases.detectedOn</c>.</summary>
    public const string DiseaseFreeIntervalName = "derived.diseaseFreeInterval";

    /// <summary>The fact name of the interval (months) from the latest liver metastasectomy to the recurrence; derived from <c>treatment.liverResections[].performedOn</c> and <c>metastases.detectedOn</c>.</summary>
    public const string IntervalSinceMetastasectomyName = "derived.intervalSinceLiverMetastasectomy";

    /// <summary>Gets the facts the assessment reads, including those that decide whether the lesions are a liver recurrence.</summary>
    public static IReadOnlyList<string> Requirements { get; } = new[]
    {
        FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn, FactNames.HccRiskFactors, FactNames.ColorectalCancerHistory,
        FactNames.OtherCancerHistory, FactNames.NoEvidenceOfDisease, FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite,
        FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
    }.ToReadOnlyList();

    private OriginUncertaintyAssessment(TriState status, IReadOnlyList<Message> reasons, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing)
    {
        Status = status;
        ReasonMessages = reasons.ToReadOnlyList();
        Findings = findings.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets whether the origin of the liver lesions is uncertain.</summary>
    public TriState Status { get; }

    /// <summary>Gets the reasons the origin is uncertain, as short phrases in English (non-empty when <see cref="Status"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<string> Reasons => ReasonMessages.Select(r => r.Text).ToReadOnlyList();

    /// <summary>Gets the reasons the origin is uncertain, as messages (noun phrases; non-empty when <see cref="Status"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<Message> ReasonMessages { get; }

    /// <summary>Gets the findings: the verdict first, then one per fact checked (known or not).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Gets the facts that are not recorded. When <see cref="Status"/> is <see cref="TriState.Unknown"/> they are what
    /// prevented a decision; when it is <see cref="TriState.Yes"/> they did not change the verdict.
    /// </summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets whether the origin of the liver lesions is uncertain: computed once per evaluation and held by the context.</summary>
    /// <param name="context">The evaluation context (the disease-free interval and the options are read from it).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static OriginUncertaintyAssessment Assess(EvaluationContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).OriginUncertainty;

    /// <summary>Computes the assessment; only <see cref="EvaluationContext.OriginUncertainty"/> calls this, once per evaluation.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    internal static OriginUncertaintyAssessment Compute(EvaluationContext context)
    {
        context.Computing(DerivedConcepts.OriginUncertainty);
        var reasons = new List<Message>(2);
        var findings = new List<Finding>(5);
        var missing = new List<string>(4);
        var threshold = context.Options.LongDiseaseFreeIntervalMonths;
        var thresholdText = threshold.ToString(CultureInfo.InvariantCulture) + " months";

        // Long DFI (3.1 example): at least the configured number of calendar months from primary diagnosis to detection.
        // For a liver recurrence after a previous liver resection the lesions follow proven sarcoma liver metastases, and
        // the interval that bears on their origin is the time since the latest metastasectomy (section 3.9 speaks of
        // "relapses with a short DFI"), not the DFI from the primary.
        switch (context.IsLiverRecurrence)
        {
            case true:
                SinceMetastasectomy();
                break;
            case false:
                FromPrimary(recurrenceUnknown: false);
                break;
            default:
                FromPrimary(recurrenceUnknown: true);
                break;
        }

        var origin = context.Patient.OriginUncertainty;
        Check(origin.HccRiskFactors, HccRiskFactors);
        Check(origin.ColorectalCancerHistory, ColorectalCancer);
        Check(origin.OtherCancerHistory, OtherCancer);

        // The reasons and the missing facts are made read-only once and shared by the verdict and the assessment.
        var reasonList = ReadOnlyValueList<Message>.CopyOf(reasons);
        var missingFacts = FactProse.DistinctFacts(missing);
        var status = reasons.Count > 0 ? TriState.Yes : missing.Count > 0 ? TriState.Unknown : TriState.No;
        var verdict = status switch
        {
            TriState.Yes => Message.Of("biopsy.origin.uncertain", ("reasons", reasonList)),
            TriState.No => Message.Of("biopsy.origin.not-in-doubt", ("recurrence", context.IsLiverRecurrence == true), ("threshold", threshold)),
            _ => Message.Of("biopsy.origin.undetermined", ("notRecorded", FactProse.NotRecordedMessage(missingFacts))),
        };

        // The verdict first: one exact array, wrapped without a copy.
        var allFindings = new Finding[findings.Count + 1];
        allFindings[0] = new Finding(ConceptName, status.Code(), verdict);
        findings.CopyTo(allFindings, 1);
        return new OriginUncertaintyAssessment(status, reasonList, ReadOnlyValueList<Finding>.Wrap(allFindings), missingFacts);

        void FromPrimary(bool recurrenceUnknown)
        {
            var dfi = context.DiseaseFreeInterval;
            var sentence = dfi.SentenceMessage();
            switch (dfi.AtLeastMonths(threshold))
            {
                case true when recurrenceUnknown:
                    // A long DFI would make the origin uncertain, unless the lesions are a recurrence after a liver
                    // resection, when the time since that resection is what counts: unknown is not read as "no resection".
                    missing.AddRange(context.LiverRecurrenceMissing);
                    LongDfi(dfi.CompletedMonths!.Value, Message.Of("biopsy.origin.dfi-long-recurrence-unknown", ("dfi", sentence), ("threshold", threshold), ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing))), "≥");
                    break;
                case true:
                    reasons.Add(Message.Of("biopsy.origin.reason.long-dfi", ("interval", dfi.DescribeMessage()), ("threshold", threshold)));
                    LongDfi(dfi.CompletedMonths!.Value, Message.Of("biopsy.origin.dfi-long", ("dfi", sentence), ("threshold", threshold)), "≥");
                    break;
                case false when dfi.DaysBeforeStart is not null:
                    // Detected before the recorded diagnosis: no DFI is measured, so "not long enough" would read oddly.
                    LongDfi(dfi.CompletedMonths!.Value, Message.Of("biopsy.origin.dfi-before-diagnosis", ("dfi", sentence)), "<");
                    break;
                case false:
                    LongDfi(dfi.CompletedMonths!.Value, Message.Of("biopsy.origin.dfi-short", ("dfi", sentence), ("threshold", threshold)), "<");
                    break;
                case null when dfi.FirstRelapseBefore is { } before && dfi.From is { } diagnosed && before < diagnosed.PlusMonths(threshold)
                    && recurrenceUnknown && !SinceMetastasectomySurelyShort():
                    // Short DFI, but if the lesions are a recurrence after the liver resection, the time since it is what
                    // counts, and it may be long: unknown, not "no doubt".
                    missing.AddRange(context.LiverRecurrenceMissing);
                    findings.Add(new Finding(DiseaseFreeIntervalName, "unknown", Message.Of("biopsy.origin.dfi-short-recurrence-unknown", ("dfi", sentence), ("threshold", threshold), ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing))), "<", thresholdText, "3.1"));
                    break;
                case null when dfi.FirstRelapseBefore is { } before && dfi.From is { } diagnosed && before < diagnosed.PlusMonths(threshold):
                    // The first relapse preceded a liver metastasectomy: the DFI is not recorded, but it cannot reach the threshold.
                    findings.Add(new Finding(DiseaseFreeIntervalName, "unknown", Message.Of("biopsy.origin.dfi-short-unrecorded", ("dfi", sentence), ("threshold", threshold)), "<", thresholdText, "3.1"));
                    break;
                case null when dfi.FirstRelapseBefore is not null:
                    missing.AddRange(recurrenceUnknown ? context.LiverRecurrenceMissing : new[] { FactNames.LiverResections });
                    findings.Add(new Finding(DiseaseFreeIntervalName, "unknown", Message.Of("biopsy.origin.dfi-unrecorded", ("dfi", sentence))));
                    break;
                default:
                    missing.AddRange(dfi.Missing);
                    if (recurrenceUnknown)
                    {
                        missing.AddRange(context.LiverRecurrenceMissing);
                    }

                    findings.Add(new Finding(DiseaseFreeIntervalName, "unknown", dfi.IsInverted
                        ? Message.Of("biopsy.origin.dfi-inverted", ("detectedOn", dfi.To!.Value), ("diagnosedOn", dfi.From!.Value))
                        : Message.Of("biopsy.origin.dfi-not-counted", ("notRecorded", FactProse.NotRecordedMessage(dfi.Missing)))));
                    break;
            }
        }

        void LongDfi(int months, Message message, string comparison) =>
            findings.Add(new Finding(DiseaseFreeIntervalName, Months(months), message, comparison, thresholdText, "3.1"));

        // Were the lesions a recurrence, the time since the latest metastasectomy is at most the time since the latest dated
        // one (an undated resection can only be later): short for sure when that is under the threshold.
        bool SinceMetastasectomySurelyShort() =>
            context.Patient.Metastases?.DetectedOn is { } detectedOn
            && context.LatestDatedLiverResectionDate is { } dated
            && dated < detectedOn
            && !MetastasectomyInterval.Between(dated, detectedOn).AtLeastMonths(threshold);

        void SinceMetastasectomy()
        {
            var resected = context.LatestLiverResectionDate;
            var detected = context.Patient.Metastases?.DetectedOn;
            if (resected is not { } from || detected is not { } to)
            {
                if (resected is null)
                {
                    missing.Add(FactNames.LiverResectionPerformedOn);
                }

                if (detected is null)
                {
                    missing.Add(FactNames.MetastasesDetectedOn);
                }

                findings.Add(new Finding(IntervalSinceMetastasectomyName, "unknown", Message.Of("biopsy.origin.recurrence-interval-not-counted", ("notRecorded", FactProse.NotRecordedMessage(missing)))));
                return;
            }

            var interval = MetastasectomyInterval.Between(from, to);
            var length = interval.DescribeMessage();
            var isLong = interval.AtLeastMonths(threshold);
            if (isLong)
            {
                reasons.Add(Message.Of("biopsy.origin.reason.long-recurrence-interval", ("interval", length), ("threshold", threshold)));
            }

            findings.Add(new Finding(
                IntervalSinceMetastasectomyName,
                Months(interval.CompletedMonths),
                Message.Of("biopsy.origin.recurrence-interval", ("interval", length), ("metastasectomyOn", from), ("detectedOn", to), ("long", isLong), ("threshold", threshold)),
                isLong ? "≥" : "<",
                thresholdText,
                "3.1"));
        }

        void Check(bool? value, Factor factor)
        {
            switch (value)
            {
                case true:
                    reasons.Add(factor.Reason);
                    findings.Add(factor.Present);
                    break;
                case false:
                    findings.Add(factor.Absent);
                    break;
                default:
                    missing.Add(factor.Fact);
                    findings.Add(factor.Unknown);
                    break;
            }
        }
    }

    // The three history factors of 3.1, with their reason and their three findings: no patient value in them, so made
    // once per process (immutable) instead of on every evaluation.
    private static readonly Factor HccRiskFactors = new(FactNames.HccRiskFactors, "hcc-risk-factors");
    private static readonly Factor ColorectalCancer = new(FactNames.ColorectalCancerHistory, "colorectal-cancer");
    private static readonly Factor OtherCancer = new(FactNames.OtherCancerHistory, "other-cancer");

    private sealed class Factor
    {
        public Factor(string fact, string code)
        {
            Fact = fact;
            Reason = new Message("biopsy.origin-factor." + code);
            Present = new Finding(fact, "yes", Message.Of("biopsy.origin.factor-present", ("factor", code)), source: "3.1");
            Absent = new Finding(fact, "no", Message.Of("biopsy.origin.factor-absent", ("factor", code)), source: "3.1");
            Unknown = new Finding(fact, "unknown", Message.Of("biopsy.origin.factor-unknown", ("factor", code)));
        }

        public string Fact { get; }

        public Message Reason { get; }

        public Finding Present { get; }

        public Finding Absent { get; }

        public Finding Unknown { get; }
    }

    private static string Months(int months) => months.ToString(CultureInfo.InvariantCulture);
}
