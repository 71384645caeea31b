using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Timing;

/// <summary>
/// A clinical interval in calendar months, with the events it is counted from and to, so a clinician can
/// check it: the disease-free interval (DFI) and the treatment-free interval (TFI).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IntervalAssessment
{
    private IntervalAssessment(string name, string fromEvent, string toEvent, string basis, LocalDate? from, LocalDate? to, string[] missing)
    {
        Name = name;
        FromEvent = fromEvent;
        ToEvent = toEvent;
        Basis = basis;
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
            else if (name == DiseaseFreeName)
            {
                // Metastases found by the staging scan before the histological diagnosis (within the tolerance that
                // validation allows) were detected at the initial diagnosis: a disease-free interval of zero.
                CompletedMonths = 0;
                ExtraDays = 0;
                DetectedBeforeStart = true;
            }
        }
    }

    private const string DiseaseFreeName = "disease-free interval";

    /// <summary>Gets the interval's name: <c>disease-free interval</c> or <c>treatment-free interval</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the event the interval is counted from.</summary>
    public string FromEvent { get; }

    /// <summary>Gets the event the interval is counted to.</summary>
    public string ToEvent { get; }

    /// <summary>Gets why the interval is counted this way, citing the guideline.</summary>
    public string Basis { get; }

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

    /// <summary>Describes the length, for example "30 months" or "5 months and 12 days".</summary>
    /// <returns>The text, or "an unknown time" when a date is missing.</returns>
    public string Describe()
    {
        if (CompletedMonths is not { } months)
        {
            return "an unknown time";
        }

        var days = ExtraDays ?? 0;
        var dayText = days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");
        if (months == 0)
        {
            return dayText;
        }

        var text = months.ToString(CultureInfo.InvariantCulture) + (months == 1 ? " month" : " months");
        return days > 0 ? text + " and " + dayText : text;
    }

    /// <summary>Gets a value indicating whether both dates are known but the end precedes the start, so the interval cannot be counted.</summary>
    public bool IsInverted => From is { } start && To is { } end && end < start && !DetectedBeforeStart;

    /// <summary>
    /// Gets a value indicating whether this is a disease-free interval whose metastases were recorded as detected before the
    /// primary diagnosis (within <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/>): counted as zero,
    /// detection at the initial diagnosis.
    /// </summary>
    public bool DetectedBeforeStart { get; }

    /// <summary>Gets a sentence stating the interval and how it was counted.</summary>
    /// <returns>The sentence.</returns>
    public string Sentence()
    {
        if (FirstRelapseBefore is { } before)
        {
            var bound = From is { } diagnosed && FirstRelapseBeforeIsResection && before >= diagnosed
                ? $", at most {new IntervalAssessment(Name, FromEvent, ToEvent, Basis, diagnosed, before, Array.Empty<string>()).Describe()} (to that resection)"
                : string.Empty;
            return FirstRelapseBeforeIsResection
                ? $"The {Name} (from primary diagnosis to the first metastatic relapse) is not recorded: the current metastases follow a liver metastasectomy, so the first relapse came before the resection of {ResultBuilder.Format(before)}{bound}; the time to the current recurrence is not the DFI."
                : $"The {Name} (from primary diagnosis to the first metastatic relapse) is not recorded: a previous liver metastasectomy is recorded without a date, so the first relapse may have come before it; the time to the current metastases is not read as the DFI.";
        }

        if (DetectedBeforeStart)
        {
            return $"The {Name} is counted as zero: {ToEvent} ({ResultBuilder.Format(To!.Value)}) is recorded before {FromEvent} ({ResultBuilder.Format(From!.Value)}), read as detection at the initial diagnosis.";
        }

        if (IsKnown)
        {
            return $"The {Name} is {Describe()}, counted from {FromEvent} ({ResultBuilder.Format(From!.Value)}) to {ToEvent} ({ResultBuilder.Format(To!.Value)}).";
        }

        return IsInverted
            ? $"The {Name} cannot be counted: {ToEvent} ({ResultBuilder.Format(To!.Value)}) precedes {FromEvent} ({ResultBuilder.Format(From!.Value)})."
            : $"The {Name} (from {FromEvent} to {ToEvent}) cannot be computed: {FactProse.NotRecorded(Missing)}.";
    }

    /// <summary>As a finding.</summary>
    /// <param name="fact">The finding's fact name.</param>
    /// <returns>The finding.</returns>
    public Finding ToFinding(string fact) => new(fact, CompletedMonths?.ToString(CultureInfo.InvariantCulture) ?? "unknown", Sentence());

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
        const string Basis = "Section 3.8: the DFI runs from the diagnosis of the primary tumour to the metastatic recurrence.";
        if (to is { } detected && patient.Treatment.HasPreviousLiverResection == true)
        {
            var dated = patient.Treatment.LiverResections.Where(r => r.PerformedOn is not null).Select(r => r.PerformedOn!.Value).ToArray();
            LocalDate? earliest = dated.Length > 0 ? dated.Min() : null;
            if (earliest is null || earliest < detected)
            {
                // The first relapse preceded the metastasectomy: the interval to the current detection is not the DFI.
                return new IntervalAssessment(DiseaseFreeName, "primary diagnosis", "the first metastatic relapse", Basis, from, null, Array.Empty<string>())
                {
                    FirstRelapseBefore = earliest ?? to,
                    FirstRelapseBeforeIsResection = earliest is not null,
                };
            }
        }

        var missing = new[] { from is null ? FactNames.PrimaryDiagnosedOn : null, to is null ? FactNames.MetastasesDetectedOn : null }
            .Where(m => m is not null).Select(m => m!).ToArray();
        return new IntervalAssessment(
            DiseaseFreeName,
            "primary diagnosis",
            "detection of metastases",
            Basis,
            from,
            to,
            missing);
    }

    /// <summary>Measures the calendar months and days between two dates, for wording only.</summary>
    internal static IntervalAssessment Between(LocalDate from, LocalDate to) =>
        new("interval", "start", "end", string.Empty, from, to, Array.Empty<string>());

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
        var latestResection = treatment.LiverResections
            .Where(r => r.PerformedOn is not null)
            .Select(r => r.PerformedOn!.Value)
            .DefaultIfEmpty()
            .Max();
        LocalDate? lastResection = treatment.LiverResections.Any(r => r.PerformedOn is not null) ? latestResection : null;
        LocalDate? from = treatment.LastTreatmentEndedOn;
        var fromEvent = "the end of the last treatment";
        var basis = "Section 3.9: a long treatment-free interval (TFI) is the most favourable prognostic factor; it runs from the end of the last treatment to the recurrence.";
        if (from is { } ended && lastResection is { } resected && resected > ended)
        {
            from = resected;
            fromEvent = "the last liver resection";
        }
        else if (from is null && lastResection is not null && treatment.AdjuvantTherapyAfterFirstLiverResection == false)
        {
            from = lastResection;
            fromEvent = "the last liver resection";
            basis += " The end of the last treatment is not recorded; no adjuvant therapy followed the first liver resection, so the last liver resection is taken as the end of treatment.";
        }

        var to = patient.Metastases?.DetectedOn;
        var missing = new[] { from is null ? FactNames.LastTreatmentEndedOn : null, to is null ? FactNames.MetastasesDetectedOn : null }
            .Where(m => m is not null).Select(m => m!).ToArray();
        return new IntervalAssessment(
            "treatment-free interval",
            fromEvent,
            "detection of the current metastases",
            basis,
            from,
            to,
            missing);
    }
}
