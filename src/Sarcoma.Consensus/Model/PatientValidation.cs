using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// One problem with an input: the field (a patient record's JSON path, or an option's name) and what is wrong,
/// never the value.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ValidationError
{
    /// <summary>Creates an error.</summary>
    /// <param name="field">The field's JSON path, for example <c>metastases.lesions[2].sizeMm</c>, or an option's name.</param>
    /// <param name="message">What is wrong, without the patient's value.</param>
    public ValidationError(string field, string message)
    {
        Field = field;
        Message = message;
    }

    /// <summary>Gets the field's JSON path or the option's name.</summary>
    public string Field { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>
    /// Groups errors by field path, the shape of ASP.NET Core's <c>ValidationProblemDetails.Errors</c>: one entry per field,
    /// in the order each field is first met (ordinal keys), with that field's messages in their order.
    /// </summary>
    /// <param name="errors">The errors.</param>
    /// <returns>A new dictionary from field path to messages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public static IDictionary<string, string[]> GroupByField(IEnumerable<ValidationError> errors)
    {
        if (errors is null)
        {
            throw new ArgumentNullException(nameof(errors));
        }

        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var error in errors)
        {
            if (!byField.TryGetValue(error.Field, out var messages))
            {
                messages = new List<string>();
                byField.Add(error.Field, messages);
                order.Add(error.Field);
            }

            messages.Add(error.Message);
        }

        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in order)
        {
            result.Add(field, byField[field].ToArray());
        }

        return result;
    }
}

/// <summary>Thrown when a patient record is inconsistent. Lists every problem; contains no patient values.</summary>
public sealed class PatientValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems, at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public PatientValidationException(IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors.ToReadOnlyList();
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Gets the problems grouped by field path, for ASP.NET Core's <c>Results.ValidationProblem(errors)</c>; see <see cref="ValidationError.GroupByField"/>.</summary>
    /// <returns>A new dictionary from field path to messages.</returns>
    public IDictionary<string, string[]> ToValidationErrors() => ValidationError.GroupByField(Errors);

    private static string FormatMessage(IReadOnlyList<ValidationError> errors) =>
        "The patient record is invalid (" + errors.Count + (errors.Count == 1 ? " problem): " : " problems): ") +
        string.Join("; ", errors.Select(e => e.ToString()));
}

/// <summary>
/// Checks a patient record for inconsistencies: sections set to <see langword="null"/>, impossible ranges, dates
/// outside the plausible clinical range, dates out of order, dates after the evaluation date, liver-only facts on other
/// organs. Reports all problems at once.
/// </summary>
/// <remarks>
/// <para>
/// Every date of the record, and the evaluation date, must be an ISO-calendar date within the plausible clinical range,
/// <see cref="ConsensusOptions.EarliestPlausibleDate"/> to <see cref="ConsensusOptions.LatestPlausibleDate"/> (by default
/// <see cref="DefaultEarliestPlausibleDate"/> to <see cref="DefaultLatestPlausibleDate"/>). This rejects the "unknown"
/// sentinels that registries export (<c>0001-01-01</c>, <c>1753-01-01</c>, <c>1899-12-30</c>, <c>1900-01-01</c>,
/// <c>9999-12-31</c>) and signed or extended years, instead of reading them as a disease-free interval of centuries; and
/// because the range ends centuries before the calendar does, no date arithmetic of the engine (the synchronous window,
/// the TFI bounds, the follow-up calendar, with every option at its maximum) can overflow. A date outside the range is
/// reported once, and is left out of the ordering checks so one bad date does not cascade into several errors.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class PatientValidator
{
    /// <summary>Largest plausible lesion diameter, in millimetres.</summary>
    public const decimal MaximumLesionSizeMm = 500m;

    /// <summary>Largest number of lesions a record may list.</summary>
    public const int MaximumLesions = 1000;

    private static readonly ConsensusOptions DefaultOptions = new();

    /// <summary>
    /// Gets the default earliest plausible clinical date, 1950-01-01: no living patient's sarcoma record plausibly starts
    /// earlier, and the sentinels registries write for "unknown" (0001-01-01, 1753-01-01, 1899-12-30, 1900-01-01) all do.
    /// </summary>
    public static LocalDate DefaultEarliestPlausibleDate { get; } = new(1950, 1, 1);

    /// <summary>
    /// Gets the default latest plausible clinical date, 2099-12-31: later dates are typing errors or "open-ended"
    /// sentinels (9999-12-31). When an evaluation date is given, any date after it is an error anyway.
    /// </summary>
    public static LocalDate DefaultLatestPlausibleDate { get; } = new(2099, 12, 31);

    /// <summary>
    /// Gets the earliest date the plausible range may be set to start (1800-01-01).
    /// </summary>
    public static LocalDate EarliestSupportedDate { get; } = new(1800, 1, 1);

    /// <summary>
    /// Gets the latest date the plausible range may be set to end (2999-12-31): seven thousand years before the end of
    /// the calendar, far more than the engine's longest date arithmetic needs (the follow-up calendar, at most 50 years).
    /// </summary>
    public static LocalDate LatestSupportedDate { get; } = new(2999, 12, 31);

    /// <summary>Validates a patient against the consensus defaults (plausible date range, detection-before-diagnosis tolerance).</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date, when known: dates after it are errors, and it must not precede the primary diagnosis.</param>
    /// <returns>Every problem found; empty when the record is consistent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> Validate(Patient patient, LocalDate? asOf = null) =>
        Validate(patient, asOf, null);

    /// <summary>Validates a patient with the settings of the given options that bear on validity.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date, when known: dates after it are errors, and it must not precede the primary diagnosis.</param>
    /// <param name="options">
    /// The options whose <see cref="ConsensusOptions.EarliestPlausibleDate"/> and <see cref="ConsensusOptions.LatestPlausibleDate"/>
    /// bound every date and whose <see cref="ConsensusOptions.DetectionBeforeDiagnosisToleranceDays"/> bounds detection before
    /// the primary diagnosis; the defaults when <see langword="null"/>.
    /// </param>
    /// <returns>Every problem found; empty when the record is consistent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> Validate(Patient patient, LocalDate? asOf, ConsensusOptions? options)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        // A collector instead of a list captured by a delegate: no closure, delegate or list when the record is valid
        // (every evaluation validates).
        var errors = new ValidationErrorList();
        void Add(string field, string message) => errors.Add(field, message);

        // Sections set to null and dates outside the plausible range are reported first; the checks below then read a
        // copy without them, so they neither throw nor report the same bad value twice.
        var range = PlausibleDates.Of(options);
        patient = RecordShape.Check(patient, range, errors);
        asOf = RecordShape.CheckDate(asOf, FactNames.AsOf, range, errors);
        void NotAfterAsOf(LocalDate? date, string field)
        {
            if (date is { } d && asOf is { } today && d > today)
            {
                Add(field, "is in the future relative to the evaluation date (asOf).");
            }
        }

        void Defined<TEnum>(TEnum? value, string field)
            where TEnum : struct, Enum
        {
            if (value is { } v && !IsDefinedValue(v))
            {
                Add(field, $"is not a known {typeof(TEnum).Name} value.");
            }
        }

        var primary = patient.Primary;
        var diagnosedOn = primary?.DiagnosedOn;
        if (primary is not null)
        {
            Defined(primary.Site, FactNames.PrimarySite);
            Defined(primary.Grade, FactNames.PrimaryGrade);
            NotAfterAsOf(primary.DiagnosedOn, FactNames.PrimaryDiagnosedOn);
            NotAfterAsOf(primary.ResectedOn, FactNames.PrimaryResectedOn);
            if (primary.ResectedOn is { } resectedOn && diagnosedOn is { } dx && resectedOn < dx)
            {
                Add(FactNames.PrimaryResectedOn, "is before primary.diagnosedOn.");
            }

            if (primary.ResectedOn is not null && primary.Resected == false)
            {
                Add(FactNames.PrimaryResectedOn, "is set but primary.resected is false.");
            }
        }

        if (asOf is { } evaluationDate && diagnosedOn is { } diagnosis && evaluationDate < diagnosis)
        {
            Add(FactNames.AsOf, "is before primary.diagnosedOn.");
        }

        if (patient.Metastases is { } metastases)
        {
            NotAfterAsOf(metastases.DetectedOn, FactNames.MetastasesDetectedOn);
            // The staging scan may precede the histological diagnosis (2.1: "at the initial diagnosis"), within a tolerance.
            var toleranceDays = (options ?? DefaultOptions).DetectionBeforeDiagnosisToleranceDays;
            if (metastases.DetectedOn is { } detected && diagnosedOn is { } dx && detected.PlusDays(toleranceDays) < dx)
            {
                Add(FactNames.MetastasesDetectedOn, $"is more than {toleranceDays} days before primary.diagnosedOn (the tolerance for a staging scan preceding the histological diagnosis, option DetectionBeforeDiagnosisToleranceDays).");
            }

            var lesions = metastases.Lesions ?? Array.Empty<Lesion>();
            if (metastases.Lesions is null)
            {
                Add(FactNames.Lesions, "must not be null (use an empty list).");
            }

            if (metastases.NoEvidenceOfDisease == true && lesions.Count > 0)
            {
                Add(FactNames.NoEvidenceOfDisease, "is true but metastases.lesions lists current lesions.");
            }

            if (lesions.Count > MaximumLesions)
            {
                Add(FactNames.Lesions, $"lists more than {MaximumLesions} lesions.");
            }
            else
            {
                for (var i = 0; i < lesions.Count; i++)
                {
                    ValidateLesion(lesions[i], i, errors);
                }
            }
        }

        var clinical = patient.Clinical;
        if (clinical is not null)
        {
            if (clinical.Ecog is { } ecog && (ecog < 0 || ecog > 5))
            {
                Add(FactNames.Ecog, "must be between 0 and 5.");
            }

            if (clinical.AsaClass is { } asa && (asa < 1 || asa > 6))
            {
                Add(FactNames.AsaClass, "must be between 1 and 6.");
            }
        }

        var treatment = patient.Treatment;
        if (treatment is not null)
        {
            Defined(treatment.SystemicTherapyResponse, FactNames.SystemicTherapyResponse);
            NotAfterAsOf(treatment.LastTreatmentEndedOn, FactNames.LastTreatmentEndedOn);
            if (treatment.LastTreatmentEndedOn is { } ended && diagnosedOn is { } dx && ended < dx)
            {
                Add(FactNames.LastTreatmentEndedOn, "is before primary.diagnosedOn.");
            }

            // Adjuvant chemotherapy after the first (here the only) liver resection ends after it: an end of the last
            // treatment on or before that resection contradicts it, and would count the TFI (9.1) from the wrong date.
            if (treatment.AdjuvantTherapyAfterFirstLiverResection == true
                && treatment.LastTreatmentEndedOn is { } lastEnded
                && treatment.LiverResections is { Count: 1 } onlyResection
                && onlyResection[0]?.PerformedOn is { } resectedOn
                && lastEnded <= resectedOn)
            {
                Add(FactNames.LastTreatmentEndedOn, "is on or before the only liver resection, but treatment.adjuvantTherapyAfterFirstLiverResection is true (adjuvant chemotherapy ends after the resection).");
            }

            if (treatment.PreviousAbdominalSurgeries is { } surgeries && surgeries < 0)
            {
                Add(FactNames.PreviousAbdominalSurgeries, "must not be negative.");
            }

            var resections = treatment.LiverResections ?? Array.Empty<LiverResection>();
            if (treatment.LiverResections is null)
            {
                Add(FactNames.LiverResections, "must not be null (use an empty list).");
            }

            if (resections.Count > 0 && treatment.PreviousLiverResection == false)
            {
                Add(FactNames.PreviousLiverResection, "is false but treatment.liverResections lists resections.");
            }

            for (var i = 0; i < resections.Count; i++)
            {
                // The field names are formatted only for a resection that has a problem (this runs on every evaluation).
                if (resections[i] is not { } resection)
                {
                    Add($"treatment.liverResections[{i}]", "must not be null.");
                    continue;
                }

                if (resection.Margin is { } margin && !IsDefinedValue(margin))
                {
                    Defined(resection.Margin, $"treatment.liverResections[{i}].margin");
                }

                if (resection.PerformedOn is { } performedOn && asOf is { } evaluatedOn && performedOn > evaluatedOn)
                {
                    NotAfterAsOf(resection.PerformedOn, $"treatment.liverResections[{i}].performedOn");
                }

                if (resection.PerformedOn is { } performed && diagnosedOn is { } diagnosisDate && performed < diagnosisDate)
                {
                    Add($"treatment.liverResections[{i}].performedOn", "is before primary.diagnosedOn.");
                }
            }
        }

        if (patient.LiverSurgery?.FutureLiverRemnantPercent is { } flr && (flr < 0m || flr > 100m))
        {
            Add(FactNames.FutureLiverRemnantPercent, "must be between 0 and 100.");
        }

        return errors.ToReadOnlyList();
    }

    /// <summary>Validates a patient against the default plausible date range and throws when it is inconsistent.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The record is inconsistent.</exception>
    public static void EnsureValid(Patient patient, LocalDate? asOf = null) => EnsureValid(patient, asOf, null);

    /// <summary>Validates a patient with the plausible date range of the given options and throws when it is inconsistent.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date, when known.</param>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">The record is inconsistent.</exception>
    public static void EnsureValid(Patient patient, LocalDate? asOf, ConsensusOptions? options)
    {
        var errors = Validate(patient, asOf, options);
        if (errors.Count > 0)
        {
            throw new PatientValidationException(errors);
        }
    }

    /// <summary>Throws when any of the given dates is not an ISO date in the plausible range (for public helpers that take a raw patient).</summary>
    /// <exception cref="PatientValidationException">A date is outside the range; each is named.</exception>
    internal static void EnsurePlausibleDates(ConsensusOptions? options, params (LocalDate? Date, string Field)[] dates)
    {
        // Nothing to report (the rule, once per evaluation on a validated record): no error list, closure or message built.
        var range = PlausibleDates.Of(options);
        var reported = false;
        foreach (var (date, _) in dates)
        {
            reported |= date is { } d && (d.Calendar != CalendarSystem.Iso || !range.Contains(d));
        }

        if (reported)
        {
            ReportImplausibleDates(range, dates);
        }
    }

    /// <summary>Throws when either date is not an ISO date in the plausible range: the params overload for two dates, without the argument array.</summary>
    /// <exception cref="PatientValidationException">A date is outside the range; each is named.</exception>
    internal static void EnsurePlausibleDates(ConsensusOptions? options, (LocalDate? Date, string Field) first, (LocalDate? Date, string Field) second)
    {
        var range = PlausibleDates.Of(options);
        if (Implausible(first.Date, range) || Implausible(second.Date, range))
        {
            ReportImplausibleDates(range, new[] { first, second });
        }
    }

    private static bool Implausible(LocalDate? date, PlausibleDates range) =>
        date is { } d && (d.Calendar != CalendarSystem.Iso || !range.Contains(d));

    private static void ReportImplausibleDates(PlausibleDates range, (LocalDate? Date, string Field)[] dates)
    {
        var errors = new ValidationErrorList();
        foreach (var (date, field) in dates)
        {
            RecordShape.CheckDate(date, field, range, errors);
        }

        if (errors.Count > 0)
        {
            throw new PatientValidationException(errors.ToReadOnlyList());
        }
    }

    // The lesion's path (metastases.lesions[i]) is formatted only when a problem is reported.
    private static void ValidateLesion(Lesion? lesion, int index, ValidationErrorList errors)
    {
        string Path() => $"metastases.lesions[{index}]";

        if (lesion is null)
        {
            errors.Add(Path(), "must not be null.");
            return;
        }

        if (!IsDefined(lesion.Site))
        {
            errors.Add(Path() + ".site", "is not a known MetastaticSite value.");
        }

        if (lesion.SizeMm is { } size && (size <= 0m || size > MaximumLesionSizeMm))
        {
            errors.Add(Path() + ".sizeMm", size <= 0m
                ? "must be greater than 0."
                : $"is implausible (more than {MaximumLesionSizeMm:0} mm).");
        }

        if (lesion.Lobe is { } lobe && !IsDefined(lobe))
        {
            errors.Add(Path() + ".lobe", "is not a known LiverLobe value.");
        }

        var segments = lesion.Segments ?? Array.Empty<int>();
        if (lesion.Segments is null)
        {
            errors.Add(Path() + ".segments", "must not be null (use an empty list).");
        }

        var inRange = SegmentsInRange(segments);
        if (!inRange)
        {
            errors.Add(Path() + ".segments", "Couinaud segments must be between 1 and 8.");
        }

        if (HasRepeatedSegment(segments, inRange))
        {
            errors.Add(Path() + ".segments", "lists a segment more than once.");
        }

        if (lesion.Lobe is { } recordedLobe && segments.Count > 0 && inRange && !AnySegmentIn(segments, recordedLobe))
        {
            errors.Add(Path() + ".lobe", "contradicts the lobe of the recorded segments (1 caudate; 2–4 left; 5–8 right).");
        }
        else if (lesion.Lobe is { } singleLobe && inRange && AnySegmentOutside(segments, singleLobe))
        {
            // The recorded lobe is the one lobe the lesion lies in (the caudate aside): a lesion whose segments reach the
            // other hemiliver has no single lobe, and a lobe that hid that would make the segments' absence look like
            // knowledge (a lesion known to be in the left lobe cannot make the metastases bilobar, 5.5).
            errors.Add(Path() + ".lobe", "names one lobe, but the recorded segments reach another (1 caudate; 2–4 left; 5–8 right): leave lobe empty for a lesion spanning lobes.");
        }

        if (lesion.Site != MetastaticSite.Liver)
        {
            if (segments.Count > 0)
            {
                errors.Add(Path() + ".segments", "applies to liver lesions only.");
            }

            if (lesion.Lobe is not null)
            {
                errors.Add(Path() + ".lobe", "applies to liver lesions only.");
            }

            if (lesion.CentralLocation is not null)
            {
                errors.Add(Path() + ".centralLocation", "applies to liver lesions only.");
            }
        }
    }

    private static bool SegmentsInRange(IReadOnlyList<int> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i] < 1 || segments[i] > 8)
            {
                return false;
            }
        }

        return true;
    }

    // With every segment in 1–8 a bit per segment finds a repeat; otherwise (invalid input) a set.
    private static bool HasRepeatedSegment(IReadOnlyList<int> segments, bool inRange)
    {
        if (!inRange)
        {
            return segments.Distinct().Count() != segments.Count;
        }

        var seen = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var bit = 1 << segments[i];
            if ((seen & bit) != 0)
            {
                return true;
            }

            seen |= bit;
        }

        return false;
    }

    // Whether a segment lies in the lobe (the lobes the segments touch include it).
    private static bool AnySegmentIn(IReadOnlyList<int> segments, LiverLobe lobe)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (SegmentLobe(segments[i]) == lobe)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a segment reaches another lobe than the one recorded (segment 1, the caudate, aside for another lobe).
    private static bool AnySegmentOutside(IReadOnlyList<int> segments, LiverLobe lobe)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (SegmentLobe(s) != lobe && !(s == 1 && lobe != LiverLobe.Caudate))
            {
                return true;
            }
        }

        return false;
    }

    // Enum.IsDefined without boxing the value where the generic overload exists (every evaluation checks a few enums).
    private static bool IsDefinedValue<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
#if NET5_0_OR_GREATER
        Enum.IsDefined(value);
#else
        Enum.IsDefined(typeof(TEnum), value);
#endif

    // The enumerations are contiguous from 0 (no explicit values), so a range check is Enum.IsDefined without boxing.
    private static bool IsDefined(MetastaticSite site) => site >= MetastaticSite.Liver && site <= MetastaticSite.Other;

    private static bool IsDefined(LiverLobe lobe) => lobe is LiverLobe.Left or LiverLobe.Right or LiverLobe.Caudate;

    private static LiverLobe SegmentLobe(int segment) =>
        segment == 1 ? LiverLobe.Caudate : segment <= 4 ? LiverLobe.Left : LiverLobe.Right;
}

/// <summary>The problems found by one validation, collected without a list until the first one.</summary>
internal sealed class ValidationErrorList
{
    private List<ValidationError>? errors;

    /// <summary>Gets the number of problems reported.</summary>
    public int Count => errors?.Count ?? 0;

    /// <summary>Reports a problem.</summary>
    /// <param name="field">The field's path.</param>
    /// <param name="message">What is wrong, without the value.</param>
    public void Add(string field, string message) => (errors ??= new List<ValidationError>()).Add(new ValidationError(field, message));

    /// <summary>Gets the problems in the order reported, as a list nobody can change (the shared empty list when there are none).</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<ValidationError> ToReadOnlyList() =>
        errors is null ? ReadOnlyValueList<ValidationError>.None : ReadOnlyValueList<ValidationError>.CopyOf(errors);
}
