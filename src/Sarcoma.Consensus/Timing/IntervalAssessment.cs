using System;
using System.Globalization;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Timing;

/// <summary>
/// A clinical interval in calendar months, with the events it is counted from and to, so a clinician can
/// check it: the disease-free interval (DFI) and the treatment-free interval (TFI).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IntervalAssessment
{
    private IntervalAssessment(string nameCode, string fromEventCode, string toEventCode, Message basis, LocalDate? from, LocalDate? to, System.Collections.Generic.IReadOnlyList<string> missing)
    {
        NameCode = nameCode;
        FromEventCode = fromEventCode;
        ToEventCode = toEventCode;
        BasisMessage = basis;
        From = from;
        To = to;
        Missing = missing.ToReadOnlyList();
        if (from is { } start && to is { } end)
        {
            if (end >= start)
            {
                var period = Period.Between(start, end, PeriodUnits.Months | PeriodUnits.Days);
                CompletedMonths = period.Months;
                ExtraDays = period.Days;
            }
            else if (nameCode == DiseaseFreeCode)
            {
                // Metastases found by the staging scan before the histological diagnosis (within the tolerance that
                // validation allows) were detected at the initial diagnosis: a disease-free interval of zero.
                CompletedMonths = 0;
                ExtraDays = 0;
                DetectedBeforeStart = true;
                DaysBeforeStart = Period.Between(end, start, PeriodUnits.Days).Days;
            }
        }
    }

    private const string DiseaseFreeCode = "dfi";

    /// <summary>Gets the interval's code: <c>dfi</c> (disease-free), <c>tfi</c> (treatment-free) or <c>interval</c>.</summary>
    public string NameCode { get; }

    /// <summary>Gets the interval's name in English: <c>disease-free interval</c> or <c>treatment-free interval</c>.</summary>
    public string Name => MessageCatalog.English.Term("interval.name", NameCode);

    /// <summary>Gets the code of the event the interval is counted from (a term of <c>interval.event</c>).</summary>
    public string FromEventCode { get; }

    /// <summary>Gets the code of the event the interval is counted to (a term of <c>interval.event</c>).</summary>
    public string ToEventCode { get; }

    /// <summary>Gets the event the interval is counted from, in English.</summary>
    public string FromEvent => MessageCatalog.English.Term("interval.event", FromEventCode);

    /// <summary>Gets the event the interval is counted to, in English.</summary>
    public string ToEvent => MessageCatalog.English.Term("interval.event", ToEventCode);

    /// <summary>Gets why the interval is counted this way, citing the guideline, as a message.</summary>
    public Message BasisMessage { get; }

    /// <summary>Gets why the interval is counted this way, citing the guideline, in English.</summary>
    public string Basis => BasisMessage.Text;

    /// <summary>Gets the start date, when known.</summary>
    public LocalDate? From { get; }

    /// <summary>Gets the end date, when known.</summary>
    public LocalDate? To { get; }

    /// <summary>Gets the completed calendar months between the dates, or <see langword="null"/> when a date is missing.</summary>
    public int? CompletedMonths { get; }

    /// <summary>Gets the days beyond <see cref="CompletedMonths"/>.</summary>
    public int? ExtraDays { get; }

    /// <summary>Gets the facts missing to compute the interval.</summary>
    public System.Collections.Generic.IReadOnlyList<string> Missing { get; }

    /// <summary>Gets a value indicating whether the interval could be computed.</summary>
    public bool IsKnown => CompletedMonths is not null;

    /// <summary>
    /// Gets a value indicating whether the interval is at least <paramref name="months"/> calendar months
    /// (<c>to ≥ from.PlusMonths(months)</c>), or <see langword="null"/> when unknown.
    /// </summary>
    /// <param name="months">The threshold.</param>
    /// <returns>The comparison.</returns>
    public bool? AtLeastMonths(int months) => From is { } start && To is { } end ? end >= start.PlusMonths(months) : null;

    /// <summary>
    /// Gets a value indicating whether the interval is strictly longer than <paramref name="months"/> calendar months
    /// (<c>to &gt; from.PlusMonths(months)</c>), or <see langword="null"/> when unknown.
    /// </summary>
    /// <param name="months">The threshold.</param>
    /// <returns>The comparison.</returns>
    public bool? LongerThanMonths(int months) => From is { } start && To is { } end ? end > start.PlusMonths(months) : null;

    /// <summary>
    /// Describes the length, for example "30 months" or "5 months and 12 days", as a message; for metastases detected
    /// before the primary diagnosis (<see cref="DetectedBeforeStart"/>) the order of the dates instead ("none measured:
    /// detected 21 days before the recorded diagnosis, read as synchronous"), never a measured interval of zero (issue #7 §4).
    /// </summary>
    /// <returns>The message (<c>interval.duration</c>, <c>interval.duration.before-start</c>, or <c>interval.duration.unknown</c> when a date is missing).</returns>
    public Message DescribeMessage() =>
        DetectedBeforeStart
            ? Message.Of("interval.duration.before-start", ("days", DaysBeforeStart ?? 0))
            : CompletedMonths is { } months
                ? Duration(months, ExtraDays ?? 0)
                : UnknownDurationMessage;

    /// <summary>Describes the time from one date to a later one (or the same) as <see cref="DescribeMessage"/> does, without an assessment.</summary>
    /// <param name="from">The start.</param>
    /// <param name="to">The end, on or after <paramref name="from"/>.</param>
    /// <returns>The message <c>interval.duration</c>.</returns>
    internal static Message Describe(LocalDate from, LocalDate to)
    {
        var period = Period.Between(from, to, PeriodUnits.Months | PeriodUnits.Days);
        return Duration(period.Months, period.Days);
    }

    // Whole months and days: the durations of up to 20 years made once per process (no patient data beyond the numbers).
    private static Message Duration(int months, int days) =>
        months >= 0 && months < DurationMonths && days >= 0 && days < 31
            ? Durations[(months * 31) + days]
            : CreateDuration(months * 31 + days);

    private const int DurationMonths = 240;

    private static readonly MemoTable<Message> Durations = new(DurationMonths * 31, static key => CreateDuration(key));

    private static Message CreateDuration(int key) => Message.Of("interval.duration", ("months", key / 31), ("days", key % 31));

    private static readonly Message UnknownDurationMessage = new("interval.duration.unknown");
    private static readonly Message DiseaseFreeBasis = new("interval.basis.dfi");
    private static readonly Message TreatmentFreeBasis = new("interval.basis.tfi");
    private static readonly Message TreatmentFreeFromLastResectionBasis = new("interval.basis.tfi-from-last-resection");

    // The missing facts of an interval, by which end is unknown (from, to): shared read-only lists.
    private static System.Collections.Generic.IReadOnlyList<string> MissingEnds(string fromFact, bool fromMissing, bool toMissing) =>
        (fromMissing, toMissing) switch
        {
            (false, false) => ReadOnlyValueList<string>.None,
            (false, true) => DetectedOnMissing,
            (true, false) => fromFact == FactNames.PrimaryDiagnosedOn ? DiagnosedOnMissing : LastTreatmentEndedOnMissing,
            _ => fromFact == FactNames.PrimaryDiagnosedOn ? DiagnosedOnAndDetectedOnMissing : LastTreatmentEndedOnAndDetectedOnMissing,
        };

    private static readonly System.Collections.Generic.IReadOnlyList<string> DetectedOnMissing = ReadOnlyValueList<string>.Wrap(new[] { FactNames.MetastasesDetectedOn });
    private static readonly System.Collections.Generic.IReadOnlyList<string> DiagnosedOnMissing = ReadOnlyValueList<string>.Wrap(new[] { FactNames.PrimaryDiagnosedOn });
    private static readonly System.Collections.Generic.IReadOnlyList<string> LastTreatmentEndedOnMissing = ReadOnlyValueList<string>.Wrap(new[] { FactNames.LastTreatmentEndedOn });
    private static readonly System.Collections.Generic.IReadOnlyList<string> DiagnosedOnAndDetectedOnMissing =
        ReadOnlyValueList<string>.Wrap(new[] { FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn });
    private static readonly System.Collections.Generic.IReadOnlyList<string> LastTreatmentEndedOnAndDetectedOnMissing =
        ReadOnlyValueList<string>.Wrap(new[] { FactNames.LastTreatmentEndedOn, FactNames.MetastasesDetectedOn });

    /// <summary>Describes the length, for example "30 months" or "5 months and 12 days" (see <see cref="DescribeMessage"/>).</summary>
    /// <returns>The text, or "an unknown time" when a date is missing.</returns>
    public string Describe() => DescribeMessage().Text;

    /// <summary>Gets a value indicating whether both dates are known but the end precedes the start, so the interval cannot be counted.</summary>
    public bool IsInverted => From is { } start && To is { } end && end < start && !DetectedBeforeStart;

    /// <summary>
    /// Gets a value indicating whether this is a disease-free interval whose metastases were recorded as detected before the
    /// primary diagnosis (within <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/>): counted as zero,
    /// detection at the initial diagnosis.
    /// </summary>
    public bool DetectedBeforeStart { get; }

    /// <summary>
    /// Gets, when <see cref="DetectedBeforeStart"/>, the number of days by which the detection of metastases preceded the
    /// recorded primary diagnosis (1 to <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/>); otherwise
    /// <see langword="null"/>. The interval is then not measured: <see cref="CompletedMonths"/> is 0 only so that
    /// comparisons read it as detection at the initial diagnosis.
    /// </summary>
    public int? DaysBeforeStart { get; }

    /// <summary>Gets a sentence stating the interval and how it was counted, as a message.</summary>
    /// <returns>The message.</returns>
    public Message SentenceMessage()
    {
        if (FirstRelapseBefore is { } before)
        {
            if (!FirstRelapseBeforeIsResection)
            {
                return Message.Of("interval.first-relapse-before-undated-resection", ("name", NameCode));
            }

            var bounded = From is { } diagnosed && before >= diagnosed;
            return Message.Of(
                "interval.first-relapse-before-resection",
                ("name", NameCode),
                ("resectedOn", before),
                ("bounded", bounded),
                ("bound", bounded ? new IntervalAssessment(NameCode, FromEventCode, ToEventCode, BasisMessage, From, before, Array.Empty<string>()).DescribeMessage() : null));
        }

        if (DetectedBeforeStart)
        {
            return Message.Of("interval.detected-before-start", ("name", NameCode), ("from", FromEventCode), ("to", ToEventCode), ("fromDate", From), ("toDate", To), ("days", DaysBeforeStart));
        }

        if (IsKnown)
        {
            return Message.Of("interval.counted", ("name", NameCode), ("from", FromEventCode), ("to", ToEventCode), ("fromDate", From), ("toDate", To), ("duration", DescribeMessage()));
        }

        return IsInverted
            ? Message.Of("interval.inverted", ("name", NameCode), ("from", FromEventCode), ("to", ToEventCode), ("fromDate", From), ("toDate", To))
            : Message.Of("interval.not-computable", ("name", NameCode), ("from", FromEventCode), ("to", ToEventCode), ("fromDate", From), ("toDate", To), ("missing", FactProse.NotRecordedMessage(Missing)));
    }

    /// <summary>Gets a sentence stating the interval and how it was counted.</summary>
    /// <returns>The sentence.</returns>
    public string Sentence() => SentenceMessage().Text;

    /// <summary>
    /// Gets <see cref="SentenceMessage"/> as a clause without its full stop, for a sentence that goes on (for a counted or
    /// zero interval; other forms keep their sentence).
    /// </summary>
    /// <returns>The message.</returns>
    internal Message ClauseMessage()
    {
        var sentence = SentenceMessage();
        return sentence.Code is "interval.counted" or "interval.detected-before-start" or "interval.inverted"
            ? new Message(sentence.Code + ".clause", sentence.Arguments)
            : sentence;
    }

    /// <summary>As a finding.</summary>
    /// <param name="fact">The finding's fact name.</param>
    /// <returns>The finding.</returns>
    public Finding ToFinding(string fact) => new(fact, CompletedMonths?.ToString(CultureInfo.InvariantCulture) ?? "unknown", SentenceMessage());


    /// <summary>
    /// The disease-free interval: from the initial diagnosis of the primary tumour to the detection of metastases.
    /// Section 3.8: "the terms metachronous and synchronous disease refer to the DFI between the diagnosis of the
    /// primary tumor and metastatic recurrence". When the current metastases follow a liver metastasectomy (a dated liver
    /// resection before their detection, or an undated one), the first metastatic relapse came before that resection and
    /// is not recorded: the DFI is unknown (at most the time to the earliest dated resection), never the time to the
    /// current recurrence (<see cref="FirstRelapseBefore"/>).
    /// </summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The interval.</returns>
    public static IntervalAssessment DiseaseFree(Patient patient)
    {
        var from = patient.Primary?.DiagnosedOn;
        var to = patient.Metastases?.DetectedOn;
        var basis = DiseaseFreeBasis;
        if (to is { } detected && patient.Treatment.HasPreviousLiverResection == true)
        {
            LocalDate? earliest = null;
            var resections = patient.Treatment.LiverResections;
            for (var i = 0; i < resections.Count; i++)
            {
                if (resections[i].PerformedOn is { } performed && (earliest is null || performed < earliest))
                {
                    earliest = performed;
                }
            }

            if (earliest is null || earliest < detected)
            {
                // The first relapse preceded the metastasectomy: the interval to the current detection is not the DFI.
                return new IntervalAssessment(DiseaseFreeCode, "primary-diagnosis", "first-metastatic-relapse", basis, from, null, Array.Empty<string>())
                {
                    FirstRelapseBefore = earliest ?? to,
                    FirstRelapseBeforeIsResection = earliest is not null,
                };
            }
        }

        var missing = MissingEnds(FactNames.PrimaryDiagnosedOn, from is null, to is null);
        return new IntervalAssessment(
            DiseaseFreeCode,
            "primary-diagnosis",
            "detection",
            basis,
            from,
            to,
            missing);
    }

    /// <summary>
    /// Gets, for a disease-free interval whose first metastatic relapse preceded a liver metastasectomy, the date before
    /// which that relapse was detected (the earliest dated liver resection, or the current detection when no resection is
    /// dated); otherwise <see langword="null"/>. The DFI is then unknown: the record holds only the current recurrence.
    /// </summary>
    public LocalDate? FirstRelapseBefore { get; private init; }

    private bool FirstRelapseBeforeIsResection { get; init; }

    /// <summary>
    /// The treatment-free interval (recommendation 9.1, section 3.9): from the end of the last treatment to the
    /// detection of the current (recurrent) metastases. The end of the last treatment is
    /// <c>treatment.lastTreatmentEndedOn</c>, or the latest liver resection if later; when the end date is not
    /// recorded, the latest liver resection is used only if no adjuvant therapy followed the first resection.
    /// </summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The interval.</returns>
    public static IntervalAssessment TreatmentFree(Patient patient)
    {
        var treatment = patient.Treatment;
        LocalDate? lastResection = null;
        var resections = treatment.LiverResections;
        for (var i = 0; i < resections.Count; i++)
        {
            if (resections[i].PerformedOn is { } performed && (lastResection is null || performed > lastResection))
            {
                lastResection = performed;
            }
        }

        LocalDate? from = treatment.LastTreatmentEndedOn;
        var fromEvent = "end-of-last-treatment";
        var basis = TreatmentFreeBasis;
        if (from is { } ended && lastResection is { } resected && resected > ended)
        {
            from = resected;
            fromEvent = "last-liver-resection";
        }
        else if (from is null && lastResection is not null && treatment.AdjuvantTherapyAfterFirstLiverResection == false)
        {
            from = lastResection;
            fromEvent = "last-liver-resection";
            basis = TreatmentFreeFromLastResectionBasis;
        }

        var to = patient.Metastases?.DetectedOn;
        var missing = MissingEnds(FactNames.LastTreatmentEndedOn, from is null, to is null);
        return new IntervalAssessment(
            "tfi",
            fromEvent,
            "detection-current",
            basis,
            from,
            to,
            missing);
    }
}
