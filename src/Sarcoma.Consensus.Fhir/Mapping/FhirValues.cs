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
        RegexOptions.CultureInvariant);

    /// <summary>The problem text of a literal that is not a FHIR date at all (the mapper turns it into an input error).</summary>
    public const string NotADate = "is not a FHIR date";

    public static IEnumerable<Coding> Codings(CodeableConcept? concept) =>
        concept?.Coding?.Where(c => c is not null) ?? Enumerable.Empty<Coding>();

    public static IEnumerable<Coding> Codings(IEnumerable<CodeableConcept>? concepts) =>
        concepts?.SelectMany(Codings) ?? Enumerable.Empty<Coding>();

    public static bool Has(CodeableConcept? concept, string system, string code) =>
        Codings(concept).Any(c => c.System == system && c.Code == code);

    public static bool HasAny(CodeableConcept? concept, string system, IEnumerable<string> codes) =>
        Codings(concept).Any(c => c.System == system && c.Code is not null && codes.Contains(c.Code, StringComparer.Ordinal));

    /// <summary>The literal of a coded primitive (a status), or <see langword="null"/>.</summary>
    public static string? Literal(PrimitiveType? primitive) => primitive?.JsonValue switch
    {
        null => null,
        string s => s,
        Enum e => Hl7.Fhir.Utility.EnumUtility.GetLiteral(e),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a calendar date from a FHIR date, dateTime, instant or Period (its start or end), as written (no time-zone conversion).</summary>
    /// <returns>
    /// The date, or <see langword="null"/>; <paramref name="problem"/> says why when an element is present but not a full
    /// date: <see cref="NotADate"/> for a literal that is not a date at all or not a calendar date (an input error), else a
    /// partial date or another data type (valid FHIR, read as unknown).
    /// </returns>
    public static LocalDate? CalendarDate(DataType? value, out string? problem, bool periodEnd = false)
    {
        problem = null;
        string? text = value switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Date date => date.Value,
            Hl7.Fhir.Model.Instant instant => Literal(instant),
            Period period => periodEnd ? period.End : period.Start,
            _ => null,
        };

        if (value is not null && value is not FhirDateTime && value is not Date && value is not Hl7.Fhir.Model.Instant && value is not Period)
        {
            problem = "is a " + value.TypeName + ", not a date";
            return null;
        }

        return CalendarDate(text, out problem);
    }

    public static LocalDate? CalendarDate(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = DateLiteral.Match(text);
        if (!match.Success)
        {
            problem = NotADate;
            return null;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        var day = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 1;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            problem = NotADate;
            return null;
        }

        if (!match.Groups[3].Success)
        {
            problem = "is a partial date (year or month only)";
            return null;
        }

        return new LocalDate(year, month, day);
    }

    /// <summary>Whether a coded primitive (a status with a required FHIR R4 value set) holds a literal outside its value set (Firely keeps such a literal as text).</summary>
    public static bool IsOutsideValueSet(PrimitiveType? primitive) =>
        primitive is not null && primitive.GetType().IsGenericType && primitive.JsonValue is string literal &&
        Hl7.Fhir.Utility.EnumUtility.ParseLiteral(literal, primitive.GetType().GetGenericArguments()[0]) is null;

    /// <summary>How a length could not be read: absent (unknown), a bound rather than a measurement (unknown), or an input error.</summary>
    public enum LengthProblem
    {
        /// <summary>Read.</summary>
        None,

        /// <summary>No value: the fact is unknown.</summary>
        NoValue,

        /// <summary>A comparator (&lt;, &lt;=, &gt;=, &gt;): a bound, not a measurement; the fact is unknown.</summary>
        Comparator,

        /// <summary>A comparator that is not a code of the FHIR quantity-comparator value set: an input error.</summary>
        InvalidComparator,

        /// <summary>A unit the mapper cannot convert to millimetres (not UCUM mm, cm, m or [in_i], or none): an input error.</summary>
        UnknownUnit,
    }

    /// <summary>
    /// Converts a length to millimetres: UCUM <c>mm</c>, <c>cm</c> (× 10), <c>m</c> (× 1000) or <c>[in_i]</c> (× 25.4), by
    /// code, or by the unit text when the code is absent. A quantity with a <c>comparator</c> is a bound, not a size.
    /// </summary>
    public static decimal? Millimetres(Quantity? quantity, out LengthProblem problem)
    {
        problem = LengthProblem.None;
        if (quantity?.Value is not { } value)
        {
            problem = LengthProblem.NoValue;
            return null;
        }

        // Read the comparator's code as text: Firely's typed Comparator throws for a code outside the value set.
        if (quantity.ComparatorElement is { } comparator)
        {
            problem = comparator.JsonValue is "<" or "<=" or ">=" or ">" ? LengthProblem.Comparator : LengthProblem.InvalidComparator;
            return null;
        }

        var unit = quantity.Code ?? quantity.Unit;
        if (quantity.Code is not null && quantity.System is not null && quantity.System != McodeCodes.Ucum)
        {
            problem = LengthProblem.UnknownUnit;
            return null;
        }

        switch (unit)
        {
            case "mm":
                return value;
            case "cm":
                return value * 10m;
            case "m":
                return value * 1000m;
            case "[in_i]":
                return value * 25.4m;
            default:
                problem = LengthProblem.UnknownUnit;
                return null;
        }
    }

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
