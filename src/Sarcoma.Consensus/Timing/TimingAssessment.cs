using System;
using System.Collections.Generic;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Timing;

/// <summary>Whether metastatic disease is synchronous or metachronous (recommendations 2.1 and 2.2).</summary>
public enum MetastasisTiming
{
    /// <summary>Detected at the primary diagnosis or within the synchronous window (six calendar months) after it.</summary>
    Synchronous,

    /// <summary>Detected after the synchronous window.</summary>
    Metachronous,
}

/// <summary>
/// The timing of metastatic disease (section 3.2, recommendations 2.1/2.2, and section 3.8): synchronous when
/// detected on or before <c>diagnosed.PlusMonths(6)</c>, metachronous after. Detection exactly at the end of the
/// window follows <see cref="ConsensusOptions.AtWindowBoundary"/> (default synchronous, per 2.1) and is flagged,
/// because recommendation 8.1 writes "metachronous lesions (DFI ≥ 6 months)". Detection a few days or weeks before the
/// recorded diagnosis date (up to <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/>; the staging
/// scan often precedes the histological diagnosis) is "at the initial diagnosis": synchronous, flagged with the order
/// of the dates.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TimingAssessment
{
    /// <summary>The name under which timing appears in findings.</summary>
    public const string ConceptName = "derived.timing";

    private TimingAssessment(MetastasisTiming? timing, bool atBoundary, LocalDate? windowEnd, IntervalAssessment diseaseFreeInterval, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing)
    {
        Timing = timing;
        AtWindowBoundary = atBoundary;
        WindowEnd = windowEnd;
        DiseaseFreeInterval = diseaseFreeInterval;
        Findings = findings.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets the timing, or <see langword="null"/> when a date is missing.</summary>
    public MetastasisTiming? Timing { get; }

    /// <summary>Gets a value indicating whether detection fell exactly on the last day of the synchronous window, where 2.1 and 8.1 disagree.</summary>
    public bool AtWindowBoundary { get; }

    /// <summary>Gets the last day of the synchronous window (<c>diagnosed.PlusMonths(window)</c>), when the diagnosis date is known.</summary>
    public LocalDate? WindowEnd { get; }

    /// <summary>Gets the disease-free interval: primary diagnosis to detection of metastases.</summary>
    public IntervalAssessment DiseaseFreeInterval { get; }

    /// <summary>Gets the findings that decided the timing.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the facts that were missing.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>
    /// Gets a value indicating whether the metastases were recorded as detected before the primary diagnosis (within
    /// <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/>), read as detected at the initial diagnosis.
    /// </summary>
    public bool DetectedBeforeDiagnosis { get; private set; }

    /// <summary>
    /// Gets the caution every timing-dependent result carries, else <see langword="null"/>: detection exactly on the
    /// window boundary (<see cref="AtWindowBoundary"/>, where 2.1 and 8.1 disagree), or detection recorded before the
    /// primary diagnosis (<see cref="DetectedBeforeDiagnosis"/>).
    /// </summary>
    public string? BoundaryCaution => BoundaryCautionMessage?.Text;

    /// <summary>Gets <see cref="BoundaryCaution"/> as a message, or <see langword="null"/> when there is none.</summary>
    public Sarcoma.Consensus.Wording.Message? BoundaryCautionMessage { get; private set; }

    /// <summary>Assesses the timing of a patient's metastases.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="options">The options.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="PatientValidationException">The diagnosis or detection date is outside the plausible range (or in another calendar), which would leave no room for the window's arithmetic.</exception>
    public static TimingAssessment Assess(Patient patient, ConsensusOptions options)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        PatientValidator.EnsurePlausibleDates(options, (patient.Primary?.DiagnosedOn, FactNames.PrimaryDiagnosedOn), (patient.Metastases?.DetectedOn, FactNames.MetastasesDetectedOn));

        var dfi = IntervalAssessment.DiseaseFree(patient);
        var diagnosed = patient.Primary?.DiagnosedOn;
        var detected = patient.Metastases?.DetectedOn;
        var window = options.SynchronousWindowMonths;
        LocalDate? windowEnd = diagnosed?.PlusMonths(window);
        if (diagnosed is not { } dx || detected is not { } found)
        {
            var missing = new List<string>();
            if (diagnosed is null)
            {
                missing.Add(FactNames.PrimaryDiagnosedOn);
            }

            if (detected is null)
            {
                missing.Add(FactNames.MetastasesDetectedOn);
            }

            return new TimingAssessment(null, false, windowEnd, dfi, Array.Empty<Finding>(), missing);
        }

        var end = dx.PlusMonths(window);
        if (found < dx)
        {
            // Validation rejects detection more than DetectionBeforeDiagnosisToleranceDays before the diagnosis.
            var daysBefore = Period.Between(found, dx, PeriodUnits.Days).Days;
            var before = new TimingAssessment(
                MetastasisTiming.Synchronous,
                false,
                end,
                dfi,
                new[] { new Finding(ConceptName, "synchronous", Message.Of("timing.detected-before-diagnosis", ("days", daysBefore)), source: "2.1") },
                Array.Empty<string>())
            {
                DetectedBeforeDiagnosis = true,
                BoundaryCautionMessage = Message.Of(
                    "timing.caution.detected-before-diagnosis",
                    ("detectedOn", found),
                    ("days", daysBefore),
                    ("diagnosedOn", dx),
                    ("toleranceDays", options.DetectionBeforeDiagnosisToleranceDays)),
            };
            return before;
        }

        var atBoundary = found == end;
        MetastasisTiming timing = found < end
            ? MetastasisTiming.Synchronous
            : found > end
                ? MetastasisTiming.Metachronous
                : options.AtWindowBoundary == BoundaryTiming.Synchronous ? MetastasisTiming.Synchronous : MetastasisTiming.Metachronous;

        var code = timing == MetastasisTiming.Synchronous ? "synchronous" : "metachronous";

        // The time from diagnosis to this detection (for a recurrence after a metastasectomy it is not the DFI).
        var elapsed = IntervalAssessment.Describe(dx, found);
        var threshold = window.ToString(System.Globalization.CultureInfo.InvariantCulture) + " months";
        var finding = atBoundary
            ? new Finding(ConceptName, code, Message.Of("timing.at-window-boundary", ("window", window), ("timing", code)), "=", threshold, "2.1")
            : found < end
                ? new Finding(ConceptName, code, Message.Of("timing.within-window", ("elapsed", elapsed), ("window", window)), "<", threshold, "2.1")
                : new Finding(ConceptName, code, Message.Of("timing.beyond-window", ("elapsed", elapsed), ("window", window)), ">", threshold, "2.2");
        var findings = ReadOnlyValueList<Finding>.Wrap(new[] { finding });
        var assessment = new TimingAssessment(timing, atBoundary, end, dfi, findings, Array.Empty<string>());
        if (atBoundary)
        {
            assessment.BoundaryCautionMessage = Message.Of("timing.caution.at-window-boundary", ("window", window), ("timing", code));
        }

        return assessment;
    }
}
