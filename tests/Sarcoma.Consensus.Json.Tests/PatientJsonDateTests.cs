using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>Dates are RFC 3339 full-dates with a four-digit year, within the plausible clinical range, read and written alike.</summary>
public sealed class PatientJsonDateTests
{
    [Theory]
    [InlineData("-2022-03-14")]
    [InlineData("+2022-03-14")]
    [InlineData("+002022-03-14")]
    [InlineData("12022-03-14")]
    [InlineData("022-03-14")]
    [InlineData("2022-3-14")]
    [InlineData("2022-03-14T00:00")]
    [InlineData(" 2022-03-14")]
    [InlineData("2022-02-30")]
    [InlineData("２０２２-03-14")]
    public void A_date_that_is_not_a_four_digit_year_full_date_is_rejected_by_field(string text)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"primary\":{\"diagnosedOn\":\"" + text + "\"}}"));

        Assert.Equal("primary.diagnosedOn", Assert.Single(e.Errors).Field);
        Assert.Contains("yyyy-MM-dd", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0000-01-01")]
    [InlineData("1753-01-01")]
    [InlineData("1899-12-30")]
    [InlineData("1900-01-01")]
    [InlineData("1949-12-31")]
    [InlineData("2100-01-01")]
    [InlineData("9999-12-31")]
    public void A_sentinel_or_implausible_date_is_rejected_by_field_without_its_value(string text)
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"metastases\":{\"detectedOn\":\"" + text + "\"}}"));

        Assert.Equal("metastases.detectedOn", Assert.Single(e.Errors).Field);
        Assert.Contains("plausible range", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_field_report_with_a_negative_year_names_primary_diagnosedOn()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(FieldReports.Text("02-negative-year-date.json")));

        Assert.Equal(new[] { "primary.diagnosedOn", "primary.resectedOn" }, e.Errors.Select(x => x.Field).ToArray());
    }

    [Fact]
    public void The_field_report_with_a_1900_diagnosis_names_primary_diagnosedOn_as_outside_the_plausible_range()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(FieldReports.Text("03-sentinel-diagnosis-1900.json")));

        var error = Assert.Single(e.Errors);
        Assert.Equal("primary.diagnosedOn", error.Field);
        Assert.Contains("plausible range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_honours_a_wider_range_given_in_the_options()
    {
        const string json = """{"primary":{"diagnosedOn":"1940-06-01"}}""";
        var options = new ConsensusOptions { EarliestPlausibleDate = new LocalDate(1900, 1, 1) };

        Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));
        Assert.Equal(new LocalDate(1940, 6, 1), PatientJson.Parse(json, options).Primary!.DiagnosedOn);
        Assert.Throws<ArgumentException>(() => PatientJson.Parse(json, new ConsensusOptions { EarliestPlausibleDate = new LocalDate(1000, 1, 1) }));
    }

    [Theory]
    [InlineData("1950-01-01")]
    [InlineData("2024-02-29")]
    [InlineData("2099-12-31")]
    public void Dates_inside_the_range_round_trip(string text)
    {
        var json = "{\"primary\":{\"diagnosedOn\":\"" + text + "\"}}";

        Assert.Equal(json, PatientJson.Serialize(PatientJson.Parse(json), JsonLayout.SingleLine));
    }
}

/// <summary>Equal numbers are written as the same bytes.</summary>
public sealed class PatientJsonDecimalTests
{
    [Fact]
    public void The_field_reports_25_5_and_25_50_are_written_as_the_same_bytes()
    {
        var a = PatientJson.SerializeToUtf8Bytes(PatientJson.Parse(FieldReports.Text("07-flr-25.5.json")));
        var b = PatientJson.SerializeToUtf8Bytes(PatientJson.Parse(FieldReports.Text("07-flr-25.50.json")));

        Assert.Equal(a, b);
        Assert.Contains("\"futureLiverRemnantPercent\": 25.5\n", System.Text.Encoding.UTF8.GetString(a), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.5", "12.50")]
    [InlineData("12.5", "12.500000000")]
    [InlineData("40", "40.0")]
    [InlineData("40", "4.0e1")]
    [InlineData("0.5", "5E-1")]
    [InlineData("100", "100.00")]
    [InlineData("25.5", "2.55e1")]
    [InlineData("25.5", "255e-1")]
    [InlineData("25.5", "25.500000000000000000000000000000")]
    [InlineData("40", "40.000000000000000000000000000000000000")]
    public void Equal_sizes_and_percentages_are_written_alike(string shorter, string longer)
    {
        static string Write(string number) => PatientJson.Serialize(
            PatientJson.Parse("{\"metastases\":{\"lesions\":[{\"site\":\"liver\",\"sizeMm\":" + number + "}]},\"liverSurgery\":{\"futureLiverRemnantPercent\":" + number + "}}"),
            JsonLayout.SingleLine);

        Assert.Equal(Write(shorter), Write(longer));
        Assert.Contains("\"sizeMm\":" + shorter + "}", Write(longer), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_patients_made_in_code_are_written_alike()
    {
        var a = new Patient { LiverSurgery = new LiverSurgeryPlan { FutureLiverRemnantPercent = 25.5m } };
        var b = new Patient { LiverSurgery = new LiverSurgeryPlan { FutureLiverRemnantPercent = 25.50m } };

        Assert.Equal(a, b);
        Assert.Equal(PatientJson.SerializeToUtf8Bytes(a), PatientJson.SerializeToUtf8Bytes(b));
    }
}
