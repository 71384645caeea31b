using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// docs/fhir.md, "Plausibility, units and dates": every date the mapper reads gets one check — the plausible range
/// (1950–2099), not before the birth date, not after <see cref="McodeMapperOptions.AsOf"/>; <c>Patient.birthDate</c> its
/// own range (1900-01-01 to the evaluation date).
/// </summary>
public sealed class DatePlausibilityTests
{
    private static readonly McodeMapper AsOf2026 = new(new McodeMapperOptions { AsOf = new LocalDate(2026, 11, 30) });

    private static string PatientBorn(string birthDate) => "{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"" + birthDate + "\"}";

    private static ValidationErrorView SingleError(McodeMapper mapper, params string[] resources)
    {
        var e = Assert.Throws<FhirInputException>(() => mapper.Map(Bundle(resources)));
        var error = Assert.Single(e.Errors);
        return new ValidationErrorView(error.Field, error.Message);
    }

    private sealed record ValidationErrorView(string Field, string Message);

    [Theory]
    [InlineData("89247-1", "\"valueInteger\":1")]
    [InlineData("89243-0", "\"valueInteger\":80")]
    public void A_performance_status_dated_after_the_evaluation_date_is_an_input_error(string loinc, string value)
    {
        var error = SingleError(AsOf2026, Primary(), Observation("ps", loinc, value, date: "2027-01-05"));

        Assert.Equal("Bundle.entry[1].resource(Observation).effectiveDateTime", error.Field);
        Assert.Contains("after the evaluation date", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2027", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_radiotherapy_course_performed_after_the_evaluation_date_is_an_input_error()
    {
        var error = SingleError(AsOf2026, Primary(), Procedure("rt", Sct, "1217123003", "2027-02-01"));

        Assert.Equal("Bundle.entry[1].resource(Procedure).performedDateTime", error.Field);
    }

    [Fact]
    public void A_surgical_procedure_performed_after_the_evaluation_date_is_an_input_error()
    {
        var error = SingleError(AsOf2026, Primary(), Procedure("resection", Sct, "65801008", "2027-02-01", reason: "primary"));

        Assert.Equal("Bundle.entry[1].resource(Procedure).performedDateTime", error.Field);
    }

    [Fact]
    public void The_same_dates_on_or_before_the_evaluation_date_are_read()
    {
        var mapping = AsOf2026.Map(Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: "2026-11-30"), Procedure("rt", Sct, "1217123003", "2026-11-30")));

        Assert.Equal(1, mapping.Patient.Clinical.Ecog);
    }

    [Theory]
    [InlineData("1890-05-01")]
    [InlineData("1899-12-31")]
    [InlineData("2100-01-01")]
    public void A_birth_date_outside_the_plausible_range_of_births_is_an_input_error(string birthDate)
    {
        var error = SingleError(McodeMapper.Default, PatientBorn(birthDate), Primary());

        Assert.Equal("Bundle.entry[0].resource(Patient).birthDate", error.Field);
        Assert.Contains("1900-01-01", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(birthDate, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_after_the_evaluation_date_is_an_input_error()
    {
        var error = SingleError(AsOf2026, PatientBorn("2026-12-01"), Primary(onset: null));

        Assert.Equal("Bundle.entry[0].resource(Patient).birthDate", error.Field);
        Assert.Contains("after the evaluation date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1960-13-45")]
    [InlineData("15/03/1960")]
    [InlineData("1962-02-30")]
    public void A_birth_date_that_is_not_a_date_is_an_input_error(string birthDate)
    {
        var error = SingleError(McodeMapper.Default, PatientBorn(birthDate), Primary());

        Assert.Equal("Bundle.entry[0].resource(Patient).birthDate", error.Field);
        Assert.DoesNotContain(birthDate, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1935-05-01")]
    [InlineData("1901-01-01")]
    [InlineData("1960")]
    public void A_birth_before_1950_is_real_and_a_partial_birth_date_is_valid_FHIR(string birthDate)
    {
        var mapping = AsOf2026.Map(Bundle(PatientBorn(birthDate), Primary()));

        Assert.Equal(new LocalDate(2022, 3, 14), mapping.Patient.Primary?.DiagnosedOn);
    }

    [Theory]
    [InlineData("2027")]
    [InlineData("2026-12")]
    public void A_partial_date_that_starts_after_the_evaluation_date_is_an_input_error(string date)
    {
        var error = SingleError(AsOf2026, Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: date));

        Assert.Equal("Bundle.entry[1].resource(Observation).effectiveDateTime", error.Field);
        Assert.Contains("starts after the evaluation date", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(date, error.Message, StringComparison.Ordinal);
        Assert.Equal("Bundle.entry[0].resource(Patient).birthDate", SingleError(AsOf2026, PatientBorn(date), Primary()).Field);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2026-11")]
    public void A_partial_date_that_starts_on_or_before_the_evaluation_date_is_not_an_error(string date)
    {
        var mapping = AsOf2026.Map(Bundle(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: date)));

        Assert.Equal(new LocalDate(2022, 3, 14), mapping.Patient.Primary?.DiagnosedOn);
    }

    [Fact]
    public void A_date_before_the_birth_date_is_an_input_error()
    {
        var error = SingleError(McodeMapper.Default, PatientBorn("1980-01-01"), Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: "1979-06-01"));

        Assert.Equal("Bundle.entry[2].resource(Observation).effectiveDateTime", error.Field);
    }

    [Fact]
    public void An_implausible_birth_date_is_not_used_to_judge_the_other_dates()
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(PatientBorn("2100-06-01"), Primary())));

        Assert.Equal("Bundle.entry[0].resource(Patient).birthDate", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void Every_date_the_mapper_reads_is_checked_by_the_one_shared_check()
    {
        // The mapper's date readers: McodeReader.Date (every element) and nothing else reads a date of a resource.
        var root = Support.Repo.Root;
        var mapping = System.IO.Path.Combine(root, "src", "Sarcoma.Consensus.Fhir", "Mapping");
        var direct = System.IO.Directory.GetFiles(mapping, "McodeReader*.cs")
            .SelectMany(f => System.IO.File.ReadAllLines(f).Select((line, i) => (File: System.IO.Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("CalendarDate(", StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Text.Trim()}")
            .ToArray();

        // The two uses inside Date() itself: the value, and a Period's start to compare its end with.
        Assert.All(direct, l => Assert.StartsWith("McodeReader.cs:", l, StringComparison.Ordinal));
        Assert.Equal(2, direct.Length);
    }
}
