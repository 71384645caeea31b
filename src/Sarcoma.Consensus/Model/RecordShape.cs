using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace Sarcoma.Consensus.Model;

/// <summary>The plausible clinical range every date of a record must fall in (see <see cref="PatientValidator"/>).</summary>
internal readonly struct PlausibleDates
{
    private PlausibleDates(LocalDate earliest, LocalDate latest)
    {
        Earliest = earliest;
        Latest = latest;
    }

    public LocalDate Earliest { get; }

    public LocalDate Latest { get; }

    /// <summary>The range of the options, or the default range.</summary>
    /// <exception cref="ArgumentException">The options' range is invalid (see <see cref="Problems"/>).</exception>
    public static PlausibleDates Of(ConsensusOptions? options)
    {
        if (options is null)
        {
            return new PlausibleDates(PatientValidator.DefaultEarliestPlausibleDate, PatientValidator.DefaultLatestPlausibleDate);
        }

        // Checked on every evaluation: the problems (and their wording) are built only when the range is wrong.
        var earliest = options.EarliestPlausibleDate;
        var latest = options.LatestPlausibleDate;
        if (IsSupported(earliest) && IsSupported(latest) && latest > earliest)
        {
            return new PlausibleDates(earliest, latest);
        }

        var problems = Problems(earliest, latest);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid consensus options: " + string.Join("; ", problems), nameof(options));
        }

        return new PlausibleDates(options.EarliestPlausibleDate, options.LatestPlausibleDate);
    }

    /// <summary>What is wrong with a range, naming the options.</summary>
    public static IReadOnlyList<ValidationError> Problems(LocalDate earliest, LocalDate latest)
    {
        var errors = new List<ValidationError>();
        var supported = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "must be an ISO-calendar date from {0} to {1}.",
            Format(PatientValidator.EarliestSupportedDate),
            Format(PatientValidator.LatestSupportedDate));
        bool Supported(LocalDate date) =>
            date.Calendar == CalendarSystem.Iso && date >= PatientValidator.EarliestSupportedDate && date <= PatientValidator.LatestSupportedDate;

        if (!Supported(earliest))
        {
            errors.Add(new ValidationError(nameof(ConsensusOptions.EarliestPlausibleDate), supported));
        }

        if (!Supported(latest))
        {
            errors.Add(new ValidationError(nameof(ConsensusOptions.LatestPlausibleDate), supported));
        }
        else if (Supported(earliest) && latest <= earliest)
        {
            errors.Add(new ValidationError(nameof(ConsensusOptions.LatestPlausibleDate), "must be after EarliestPlausibleDate."));
        }

        return errors;
    }

    /// <summary>Throws when a date given to a public method is not an ISO date in the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the range or in another calendar.</exception>
    private static bool IsSupported(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso && date >= PatientValidator.EarliestSupportedDate && date <= PatientValidator.LatestSupportedDate;

    public void Require(LocalDate? date, string parameter)
    {
        if (date is { } d && (d.Calendar != CalendarSystem.Iso || !Contains(d)))
        {
            throw new ArgumentOutOfRangeException(parameter, "The date must be an ISO-calendar date from " + Describe() + " (the plausible clinical range).");
        }
    }

    /// <summary>Whether a date lies in the range (inclusive).</summary>
    public bool Contains(LocalDate date) => date >= Earliest && date <= Latest;

    /// <summary>The range in words, for messages (configuration, never a patient's value).</summary>
    public string Describe() => Format(Earliest) + " to " + Format(Latest);

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

/// <summary>
/// The first pass of <see cref="PatientValidator"/>: sections set to <see langword="null"/> and dates that are not
/// plausible clinical dates. Each is reported by field, and a copy of the record without them is returned for the
/// remaining checks.
/// </summary>
internal static class RecordShape
{
    private const string NullSection = "must not be null: leave the section out, or give an empty one, when nothing is known.";

    /// <summary>Reports null sections and implausible dates; returns the record with defaults and unknown dates in their place.</summary>
    public static Patient Check(Patient patient, PlausibleDates range, ValidationErrorList errors)
    {
        var staging = patient.Staging ?? Missing(new Staging(), "staging", errors);
        var clinical = patient.Clinical ?? Missing(new ClinicalStatus(), "clinical", errors);
        var treatment = patient.Treatment ?? Missing(new TreatmentHistory(), "treatment", errors);
        var liverSurgery = patient.LiverSurgery ?? Missing(new LiverSurgeryPlan(), "liverSurgery", errors);
        var focal = patient.FocalTherapyContraindications ?? Missing(new FocalTherapyContraindications(), "focalTherapyContraindications", errors);
        var origin = patient.OriginUncertainty ?? Missing(new OriginUncertainty(), "originUncertainty", errors);

        var primary = patient.Primary;
        if (primary is not null)
        {
            var diagnosedOn = CheckDate(primary.DiagnosedOn, FactNames.PrimaryDiagnosedOn, range, errors);
            var resectedOn = CheckDate(primary.ResectedOn, FactNames.PrimaryResectedOn, range, errors);
            if (diagnosedOn != primary.DiagnosedOn || resectedOn != primary.ResectedOn)
            {
                primary = primary with { DiagnosedOn = diagnosedOn, ResectedOn = resectedOn };
            }
        }

        var metastases = patient.Metastases;
        if (metastases is not null)
        {
            var detectedOn = CheckDate(metastases.DetectedOn, FactNames.MetastasesDetectedOn, range, errors);
            var diffuse = metastases.Diffuse ?? Missing(new DiffuseInvolvement(), "metastases.diffuse", errors);
            if (detectedOn != metastases.DetectedOn || !ReferenceEquals(diffuse, metastases.Diffuse))
            {
                metastases = metastases with { DetectedOn = detectedOn, Diffuse = diffuse };
            }
        }

        var lastTreatmentEndedOn = CheckDate(treatment.LastTreatmentEndedOn, FactNames.LastTreatmentEndedOn, range, errors);
        if (lastTreatmentEndedOn != treatment.LastTreatmentEndedOn)
        {
            treatment = treatment with { LastTreatmentEndedOn = lastTreatmentEndedOn };
        }

        if (treatment.LiverResections is { } resections)
        {
            // The field name is formatted only for a date that fails (this runs on every evaluation).
            LiverResection[]? checkedResections = null;
            for (var i = 0; i < resections.Count; i++)
            {
                var resection = resections[i];
                if (resection?.PerformedOn is not { } date || (date.Calendar == CalendarSystem.Iso && range.Contains(date)))
                {
                    continue;
                }

                checkedResections ??= resections.ToArray();
                var performedOn = CheckDate(date, $"treatment.liverResections[{i}].performedOn", range, errors);
                checkedResections[i] = resection with { PerformedOn = performedOn };
            }

            if (checkedResections is not null)
            {
                treatment = treatment with { LiverResections = checkedResections };
            }
        }

        if (ReferenceEquals(primary, patient.Primary) && ReferenceEquals(metastases, patient.Metastases) && ReferenceEquals(staging, patient.Staging)
            && ReferenceEquals(clinical, patient.Clinical) && ReferenceEquals(treatment, patient.Treatment) && ReferenceEquals(liverSurgery, patient.LiverSurgery)
            && ReferenceEquals(focal, patient.FocalTherapyContraindications) && ReferenceEquals(origin, patient.OriginUncertainty))
        {
            // Nothing substituted: the record itself (immutable) is what the checks read.
            return patient;
        }

        return new Patient
        {
            Primary = primary,
            Metastases = metastases,
            Staging = staging,
            Clinical = clinical,
            Treatment = treatment,
            LiverSurgery = liverSurgery,
            FocalTherapyContraindications = focal,
            OriginUncertainty = origin,
        };
    }

    /// <summary>Reports a date that is not an ISO-calendar date in the plausible range; returns it, or <see langword="null"/> when reported.</summary>
    public static LocalDate? CheckDate(LocalDate? date, string field, PlausibleDates range, ValidationErrorList errors)
    {
        if (date is not { } d)
        {
            return null;
        }

        if (d.Calendar != CalendarSystem.Iso)
        {
            errors.Add(field, "must be a date in the ISO calendar.");
            return null;
        }

        if (!range.Contains(d))
        {
            errors.Add(field, $"is outside the plausible range of clinical dates ({range.Describe()}): a placeholder for an unknown date must be left out instead.");
            return null;
        }

        return d;
    }

    private static T Missing<T>(T substitute, string field, ValidationErrorList errors)
    {
        errors.Add(field, NullSection);
        return substitute;
    }
}
