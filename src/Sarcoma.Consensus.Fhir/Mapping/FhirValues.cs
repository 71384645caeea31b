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
    private static readonly Regex FullDate = new("^([0-9]{4})-([0-9]{2})-([0-9]{2})", RegexOptions.CultureInvariant);
    private static readonly Regex PartialDate = new("^[0-9]{4}(-[0-9]{2})?$", RegexOptions.CultureInvariant);

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

    /// <summary>Reads a calendar date from a FHIR date, dateTime or Period (its start), as written (no time-zone conversion).</summary>
    /// <returns>The date, or <see langword="null"/>; <paramref name="problem"/> says why when an element is present but not a full date.</returns>
    public static LocalDate? CalendarDate(DataType? value, out string? problem, bool periodEnd = false)
    {
        problem = null;
        string? text = value switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Date date => date.Value,
            Period period => periodEnd ? period.End : period.Start,
            _ => null,
        };

        if (value is not null && value is not FhirDateTime && value is not Date && value is not Period)
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

        var match = FullDate.Match(text);
        if (match.Success)
        {
            var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return new LocalDate(year, month, day);
            }

            problem = "is not a valid calendar date";
            return null;
        }

        problem = PartialDate.IsMatch(text) ? "is a partial date (year or month only)" : "is not a FHIR date";
        return null;
    }

    /// <summary>Converts a length to millimetres: UCUM <c>mm</c> or <c>cm</c> (by code, or by the unit text when the code is absent).</summary>
    public static decimal? Millimetres(Quantity? quantity, out string? problem)
    {
        problem = null;
        if (quantity?.Value is not { } value)
        {
            problem = quantity is null ? null : "has no value";
            return null;
        }

        var unit = quantity.Code ?? quantity.Unit;
        if (quantity.Code is not null && quantity.System is not null && quantity.System != McodeCodes.Ucum)
        {
            problem = "is not in UCUM units";
            return null;
        }

        switch (unit)
        {
            case "mm":
                return value;
            case "cm":
                return value * 10m;
            default:
                problem = "is not in mm or cm";
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
