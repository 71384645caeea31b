using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using NodaTime;
using Period = Hl7.Fhir.Model.Period;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>Small readers of FHIR data types: codes, dates, quantities, statuses.</summary>
internal static class FhirValues
{
    // A FHIR date, dateTime or instant literal: YYYY, YYYY-MM or YYYY-MM-DD, then optionally a time (hh:mm[:ss[.fff]]) with an
    // optional zone. Stricter than nothing, laxer than FHIR on one point: a time without a zone (common in EHR exports) is
    // accepted, because only the calendar date is read.
    private static readonly Regex DateLiteral = new(
        @"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\.[0-9]+)?)?(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The problem text of a literal that is not a FHIR date at all (the mapper turns it into an input error).</summary>
    public const string NotADate = "is not a FHIR date";

    public static IEnumerable<Coding> Codings(CodeableConcept? concept) =>
        concept?.Coding?.Where(c => c is not null) ?? Enumerable.Empty<Coding>();

    public static IEnumerable<Coding> Codings(IEnumerable<CodeableConcept>? concepts) =>
        concepts?.SelectMany(Codings) ?? Enumerable.Empty<Coding>();

    /// <summary>Whether a concept has at least one coding (a plain loop, as <see cref="Has"/>: no enumerator per call).</summary>
    public static bool HasCoding(CodeableConcept? concept)
    {
        if (concept?.Coding is { } codings)
        {
            foreach (var c in codings)
            {
                if (c is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Has and HasAny are plain loops: the mapper asks them hundreds of times a call, and the LINQ chains allocated about
    // 15 KB of its 107 KB per CDS Hooks call (issue #11, per-step cost test).
    public static bool Has(CodeableConcept? concept, string system, string code)
    {
        if (concept?.Coding is { } codings)
        {
            foreach (var c in codings)
            {
                if (c is not null && c.System == system && c.Code == code)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool HasAny(CodeableConcept? concept, string system, IEnumerable<string> codes)
    {
        if (concept?.Coding is { } codings)
        {
            foreach (var c in codings)
            {
                if (c is not null && c.System == system && c.Code is not null && codes.Contains(c.Code, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The literal of a coded primitive (a status), or <see langword="null"/>.</summary>
    public static string? Literal(PrimitiveType? primitive) => primitive?.JsonValue switch
    {
        null => null,
        string s => s,
        Enum e => Hl7.Fhir.Utility.EnumUtility.GetLiteral(e),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads a calendar date from a FHIR date, dateTime, instant or Period (its start or end), <b>as written</b>: the date
    /// part of the literal, never converted to UTC or to another zone (<c>2026-11-30T23:30:00-11:00</c> is 2026-11-30, the
    /// date a clinician reads in the record; docs/fhir.md, "Dates are read as written"). This is the one reader of every
    /// date of the mapper and the QuestionnaireResponse reader. A date (<c>valueDate</c>, <c>birthDate</c>) with a time,
    /// or an instant without its full time and zone, is not a date of its type.
    /// </summary>
    /// <returns>
    /// The date, or <see langword="null"/>; <paramref name="problem"/> says why when an element is present but not a full
    /// date: <see cref="NotADate"/> for a literal that is not a date at all or not a calendar date (an input error), else a
    /// partial date or another data type (valid FHIR, read as unknown).
    /// </returns>
    public static LocalDate? CalendarDate(DataType? value, out string? problem, bool periodEnd = false)
    {
        problem = null;
        var text = DateText(value, periodEnd);

        if (value is not null && value is not FhirDateTime && value is not Date && value is not Hl7.Fhir.Model.Instant && value is not Period)
        {
            problem = "is a " + value.TypeName + ", not a date";
            return null;
        }

        // An instant (Observation.issued) is always a full date and time with a zone; anything less is not one.
        if (value is Hl7.Fhir.Model.Instant && !string.IsNullOrEmpty(text) && !InstantLiteral.IsMatch(text))
        {
            problem = NotADate;
            return null;
        }

        // A date (a QuestionnaireResponse valueDate) holds no time: "2026-01-02T10:00:00Z" is a dateTime, not a date.
        if (value is Date && !string.IsNullOrEmpty(text) && text!.IndexOf('T') >= 0)
        {
            problem = NotADate;
            return null;
        }

        return CalendarDate(text, out problem);
    }

    /// <summary>
    /// How a FHIR date type is written, for the error about a literal that is not one: a dateTime (or Period) "YYYY,
    /// YYYY-MM or YYYY-MM-DD, optionally with a time"; a date without a time; an instant with its time and zone.
    /// </summary>
    public static string DateForm(DataType? value) => value switch
    {
        Date => "YYYY, YYYY-MM or YYYY-MM-DD, without a time",
        Hl7.Fhir.Model.Instant => "YYYY-MM-DDThh:mm:ss with a zone, Z or +hh:mm",
        _ => "YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time",
    };

    // A FHIR instant: a full date, a time with seconds, and a zone (FHIR R4 §2.24.0.1, type instant).
    private static readonly Regex InstantLiteral = new(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static LocalDate? CalendarDate(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!ReadDateLiteral(text, out var year, out var monthGiven, out var dayGiven))
        {
            problem = NotADate;
            return null;
        }

        var month = monthGiven ?? 1;
        var day = dayGiven ?? 1;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            problem = NotADate;
            return null;
        }

        if (dayGiven is null)
        {
            problem = "is a partial date (year or month only)";
            return null;
        }

        return new LocalDate(year, month, day);
    }

    /// <summary>
    /// The first day of a partial FHIR date (<c>2027</c> → 2027-01-01, <c>2026-12</c> → 2026-12-01) or of a full one;
    /// <see langword="null"/> when the value is not a readable date. A partial date is never used as a date, but one whose
    /// first day is after the evaluation date is as much in the future as a full one (docs/fhir.md, "Plausibility").
    /// </summary>
    public static LocalDate? FirstDay(DataType? value, bool periodEnd = false)
    {
        var text = DateText(value, periodEnd);
        if (string.IsNullOrEmpty(text) || !ReadDateLiteral(text!, out var year, out var monthGiven, out _))
        {
            return null;
        }

        var month = monthGiven ?? 1;
        return year is >= 1 and <= 9999 && month is >= 1 and <= 12 ? new LocalDate(year, month, 1) : null;
    }

    /// <summary>
    /// Whether a text is a <see cref="DateLiteral"/>, and its year, month and day where given. The digits are read at their
    /// fixed places (YYYY-MM-DD…) instead of from the match's groups: the same numbers without a Match, its groups and three
    /// strings a date (issue #11: about 15 KB of the mapper's allocation per CDS Hooks call).
    /// </summary>
    private static bool ReadDateLiteral(string text, out int year, out int? month, out int? day)
    {
        year = 0;
        month = null;
        day = null;
        if (!DateLiteral.IsMatch(text))
        {
            return false;
        }

        // The pattern ends with $, which also matches before a final line feed.
        var length = text[text.Length - 1] == '\n' ? text.Length - 1 : text.Length;
        year = Digits(text, 0, 4);
        month = length > 4 ? Digits(text, 5, 2) : null;
        day = length > 7 ? Digits(text, 8, 2) : null;
        return true;
    }

    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    /// <summary>The literal of a FHIR date, dateTime or instant, or of a Period's start (or end); <see langword="null"/> for anything else.</summary>
    private static string? DateText(DataType? value, bool periodEnd) => value switch
    {
        FhirDateTime dateTime => dateTime.Value,
        Date date => date.Value,
        // Parsed, an instant keeps its literal; built in code, it holds a DateTimeOffset, written here in the FHIR form.
        Hl7.Fhir.Model.Instant instant => instant.JsonValue is DateTimeOffset moment
            ? moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
            : Literal(instant),
        Period period => periodEnd ? period.End : period.Start,
        _ => null,
    };

    /// <summary>The earliest plausible <c>Patient.birthDate</c> (docs/fhir.md, "Plausibility"): births before 1950, the start of the range of clinical dates, are real; births before 1900 are not those of a living patient with a current cancer.</summary>
    public static readonly LocalDate EarliestPlausibleBirthDate = new(1900, 1, 1);

    /// <summary>
    /// The one plausibility check of every clinical date the mapper and the QuestionnaireResponse reader read (docs/fhir.md,
    /// "Plausibility, units and dates"): within the core's plausible range (1950-01-01 to 2099-12-31), not before the
    /// Patient's birth date, not after the evaluation date.
    /// </summary>
    /// <param name="date">The calendar date read.</param>
    /// <param name="asOf">The evaluation date, when known.</param>
    /// <param name="birthDate">The Patient's birth date, when known.</param>
    /// <returns>Why the date is implausible (an error message that repeats no date), or <see langword="null"/>.</returns>
    public static string? ImplausibleDate(LocalDate date, LocalDate? asOf, LocalDate? birthDate)
    {
        if (date < Model.PatientValidator.DefaultEarliestPlausibleDate || date > Model.PatientValidator.DefaultLatestPlausibleDate)
        {
            return $"is outside the plausible range of clinical dates ({Model.PatientValidator.DefaultEarliestPlausibleDate:uuuu-MM-dd} to {Model.PatientValidator.DefaultLatestPlausibleDate:uuuu-MM-dd}): a placeholder for an unknown date must be left out instead (the date is not repeated here).";
        }

        if (birthDate is { } born && date < born)
        {
            return "is before the Patient's birthDate (neither date is repeated here).";
        }

        if (asOf is { } evaluated && date > evaluated)
        {
            return "is after the evaluation date (asOf): a record cannot hold a date that has not come yet (the date is not repeated here).";
        }

        return null;
    }

    /// <summary>
    /// The plausibility check of <c>Patient.birthDate</c>: from <see cref="EarliestPlausibleBirthDate"/> (1900-01-01) to
    /// the evaluation date, or to 2099-12-31 without one.
    /// </summary>
    /// <param name="date">The birth date read.</param>
    /// <param name="asOf">The evaluation date, when known.</param>
    /// <returns>Why the birth date is implausible (repeating no date), or <see langword="null"/>.</returns>
    public static string? ImplausibleBirthDate(LocalDate date, LocalDate? asOf)
    {
        if (date < EarliestPlausibleBirthDate || date > Model.PatientValidator.DefaultLatestPlausibleDate)
        {
            return $"is outside the plausible range of birth dates ({EarliestPlausibleBirthDate:uuuu-MM-dd} to the evaluation date, or to {Model.PatientValidator.DefaultLatestPlausibleDate:uuuu-MM-dd} without one): a placeholder for an unknown date must be left out instead (the date is not repeated here).";
        }

        if (asOf is { } evaluated && date > evaluated)
        {
            return "is after the evaluation date (asOf): a patient cannot be born after the date of the evaluation (the date is not repeated here).";
        }

        return null;
    }

    // Patient/<id>, with an optional version (/_history/<vid>); ids as FHIR R4 defines them ([A-Za-z0-9\-\.]{1,64}).
    private static readonly Regex RelativePatientReference = new(
        @"^Patient/([A-Za-z0-9\-\.]{1,64})(?:/_history/[A-Za-z0-9\-\.]{1,64})?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>A relative reference <c>Patient/&lt;id&gt;</c> (a version, <c>/_history/&lt;vid&gt;</c>, dropped), or <see langword="null"/> when the text is not one.</summary>
    public static string? RelativePatient(string? reference) =>
        reference is not null && RelativePatientReference.Match(reference) is { Success: true } match ? "Patient/" + match.Groups[1].Value : null;

    /// <summary>A reference without its version (<c>…/_history/&lt;vid&gt;</c>).</summary>
    public static string WithoutVersion(string reference)
    {
        var history = reference.LastIndexOf("/_history/", StringComparison.Ordinal);
        return history > 0 ? reference.Substring(0, history) : reference;
    }

    /// <summary>
    /// How a subject names a patient when the input has no Patient resource: a relative <c>Patient/&lt;id&gt;</c> (version
    /// dropped), or a <c>urn:uuid:</c> / <c>urn:oid:</c> reference whose <c>type</c> is <c>Patient</c> (as the mCODE
    /// Extraction Framework writes them); <see langword="null"/> for anything else.
    /// </summary>
    public static string? PatientKey(ResourceReference reference)
    {
        var text = reference.Reference;
        if (RelativePatient(text) is { } relative)
        {
            return relative;
        }

        return text is not null && reference.Type == "Patient" &&
            (text.StartsWith("urn:uuid:", StringComparison.Ordinal) || text.StartsWith("urn:oid:", StringComparison.Ordinal)) && text.Length > 9
            ? text
            : null;
    }

    /// <summary>
    /// Judges a reference that must name the record's Patient (docs/fhir.md, "One patient per evaluation"): a literal
    /// reference that is the relative <c>Patient/&lt;id&gt;</c> of the record's Patient or the Patient entry's
    /// <c>fullUrl</c>. Without a Patient resource (<paramref name="patientId"/> and <paramref name="patientFullUrl"/>
    /// both <see langword="null"/>), only a reference with a <see cref="PatientKey"/> can be checked, against
    /// <paramref name="expected"/> (the first such reference of the input).
    /// </summary>
    /// <param name="reference">The reference.</param>
    /// <param name="patientId">The Patient resource's id, when there is one.</param>
    /// <param name="patientFullUrl">The Patient entry's fullUrl, when there is one.</param>
    /// <param name="expected">Without a Patient resource: the <see cref="PatientKey"/> the input's subjects must all have, or <see langword="null"/> for the first.</param>
    /// <returns>Why the reference is not to the record's Patient (a message that repeats no part of it), or <see langword="null"/> when it is.</returns>
    public static string? NotThePatient(ResourceReference reference, string? patientId, string? patientFullUrl, string? expected)
    {
        var text = reference.Reference;
        if (string.IsNullOrEmpty(text))
        {
            return "has no literal reference (only an identifier or a display): it cannot be checked to be this record's Patient; reference the Patient as Patient/<id> or by its entry's fullUrl (nothing of it is repeated here).";
        }

        var relative = RelativePatient(text);
        if (patientId is null && patientFullUrl is null)
        {
            var key = PatientKey(reference);
            if (key is null)
            {
                return "is not a relative reference Patient/<id> (or a urn:uuid reference whose type is Patient): without a Patient resource in the input, only such references can be checked to name one patient (an absolute URL may name a patient on another server, a Group or other resource is not a patient; the reference is not repeated here).";
            }

            return expected is null || string.Equals(key, expected, StringComparison.Ordinal)
                ? null
                : "references another patient than the other resources of the input: one evaluation reads one patient's data (the reference is not repeated here).";
        }

        if ((patientId is not null && string.Equals(relative, "Patient/" + patientId, StringComparison.Ordinal)) ||
            (patientFullUrl is not null && string.Equals(WithoutVersion(text!), patientFullUrl, StringComparison.Ordinal)))
        {
            return null;
        }

        if (relative is not null)
        {
            return "references another patient than the input's Patient: one evaluation reads one patient's data (the reference is not repeated here).";
        }

        if (text!.IndexOf(':') > 0)
        {
            return "is an absolute reference that is not the fullUrl of the input's Patient entry: it may name a patient on another server, so it is not this record's Patient (the reference is not repeated here).";
        }

        return "does not reference this record's Patient (it is not Patient/<id> of the input's Patient: a Group, another resource, or a malformed reference; the reference is not repeated here).";
    }

    /// <summary>Whether a coded primitive (a status with a required FHIR R4 value set) holds a literal outside its value set (Firely keeps such a literal as text).</summary>
    public static bool IsOutsideValueSet(PrimitiveType? primitive) =>
        primitive is not null && primitive.GetType().IsGenericType && primitive.JsonValue is string literal &&
        Hl7.Fhir.Utility.EnumUtility.ParseLiteral(literal, primitive.GetType().GetGenericArguments()[0]) is null;

    /// <summary>Reads the string texts of a concept (its text and codings' displays).</summary>
    public static IEnumerable<string> Texts(CodeableConcept? concept)
    {
        if (concept is null)
        {
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(concept.Text))
        {
            yield return concept.Text;
        }

        foreach (var coding in Codings(concept))
        {
            if (!string.IsNullOrWhiteSpace(coding.Display))
            {
                yield return coding.Display;
            }
        }
    }
}
