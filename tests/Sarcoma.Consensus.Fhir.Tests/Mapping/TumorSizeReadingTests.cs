using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// TumorSize values as the fresh breaker of issue #9 wrote them: a unit in text only, a unit text that disagrees with the
/// UCUM code, a size that converts to a fraction of a millimetre, a valueQuantity that disagrees with the longest-dimension
/// component of the same Observation, and a measurement dated after the evaluation date. None is read silently.
/// </summary>
public sealed class TumorSizeReadingTests
{
    private const string Ucum = "http://unitsofmeasure.org";

    private static string Quantity(string value, string? unit, string? code, string? system = Ucum) =>
        "{\"value\":" + value + (unit is null ? string.Empty : ",\"unit\":\"" + unit + "\"") +
        (system is null ? string.Empty : ",\"system\":\"" + system + "\"") + (code is null ? string.Empty : ",\"code\":\"" + code + "\"") + "}";

    private static string Size(string? valueQuantity, string? component = null, string date = "2025-09-02") =>
        $"{{\"resourceType\":\"Observation\",\"id\":\"s1\",\"status\":\"final\",\"code\":{Coding(Loinc, "21889-1")},{Subject},\"effectiveDateTime\":\"{date}\",\"focus\":[{{\"reference\":\"BodyStructure/t1\"}}]" +
        (component is null ? string.Empty : $",\"component\":[{{\"code\":{Coding(Loinc, "33728-7")},\"valueQuantity\":{component}}}]") +
        (valueQuantity is null ? string.Empty : ",\"valueQuantity\":" + valueQuantity) + "}";

    private static McodeMapping Map(string size, LocalDate? asOf = null) =>
        new McodeMapper(new McodeMapperOptions { AsOf = asOf }).Map(Bundle(Primary(), Secondary("met", "94381002"), Tumor("t1", "met", text: "segment 6"), size));

    private static Exception Refused(string size, string field, LocalDate? asOf = null)
    {
        var e = Assert.Throws<FhirInputException>(() => Map(size, asOf));
        Assert.Contains(e.Errors, error => error.Field == "Bundle.entry[3].resource(Observation)." + field);
        Assert.False(e.NoPatientData);
        return e;
    }

    [Fact]
    public void A_size_with_its_unit_only_as_text_is_an_input_error_not_read_from_the_text()
    {
        var e = Refused(Size(Quantity("2.8", "cm", code: null, system: null)), "valueQuantity.unit");

        Assert.Contains("UCUM", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2.8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_text_that_names_another_unit_than_the_ucum_code_is_an_input_error_naming_the_unit()
    {
        var e = Refused(Size(Quantity("28", "mm", "cm")), "valueQuantity.unit");

        Assert.DoesNotContain("28", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("28", "millimetres", "mm", 28)]
    [InlineData("2.8", "Centimeter", "cm", 28)]
    [InlineData("2.8", null, "cm", 28)]
    [InlineData("2.8", "cm (longest axis)", "cm", 28)]
    public void A_unit_text_that_agrees_with_the_code_or_names_no_unit_is_read(string value, string? unit, string code, int mm)
    {
        var mapping = Map(Size(Quantity(value, unit, code)));

        Assert.Equal(mm, Assert.Single(mapping.PendingLesions).SizeMm);
    }

    [Theory]
    [InlineData("1e-9", "cm")]
    [InlineData("0.000000001", "cm")]
    [InlineData("0.5", "mm")]
    [InlineData("0.05", "cm")]
    [InlineData("0", "mm")]
    [InlineData("-3", "mm")]
    [InlineData("51", "cm")]
    [InlineData("0.6", "m")]
    public void A_size_outside_the_plausible_range_after_conversion_is_an_input_error_never_rounded_to_zero(string value, string code)
    {
        var e = Refused(Size(Quantity(value, code, code)), "valueQuantity.value");

        Assert.Contains("plausible lesion size", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "mm", 1)]
    [InlineData("0.1", "cm", 1)]
    [InlineData("50", "cm", 500)]
    public void The_bounds_of_the_plausible_range_are_read(string value, string code, decimal mm)
    {
        Assert.Equal(mm, Assert.Single(Map(Size(Quantity(value, code, code))).PendingLesions).SizeMm);
    }

    [Fact]
    public void A_value_quantity_that_disagrees_with_the_longest_dimension_of_the_same_observation_is_a_conflict_naming_both()
    {
        var mapping = Map(Size(Quantity("9.9", "cm", "cm"), component: Quantity("2.8", "cm", "cm")));

        var lesion = Assert.Single(mapping.PendingLesions);
        Assert.Null(lesion.SizeMm);
        var unknown = mapping.Report.UnknownEntry("metastases.lesions[0].sizeMm")!;
        Assert.Equal(UnknownReason.Conflicting, unknown.Reason);
        Assert.Contains("Bundle.entry[3].resource(Observation).component[0].valueQuantity", unknown.Explanation, StringComparison.Ordinal);
        Assert.Contains("Bundle.entry[3].resource(Observation).valueQuantity", unknown.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("9.9", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_implausible_value_quantity_beside_a_plausible_component_is_an_input_error_not_ignored()
    {
        // The breaker's 99 cm beside 2.8 cm: the component was read and valueQuantity never looked at.
        Refused(Size(Quantity("99", "cm", "cm"), component: Quantity("2.8", "cm", "cm")), "valueQuantity.value");
    }

    [Fact]
    public void A_value_quantity_that_agrees_with_the_longest_dimension_in_another_unit_is_read()
    {
        var mapping = Map(Size(Quantity("28", "mm", "mm"), component: Quantity("2.8", "cm", "cm")));

        Assert.Equal(28m, Assert.Single(mapping.PendingLesions).SizeMm);
        Assert.Equal("Observation.component[0].valueQuantity", mapping.Report.SourcesOf("metastases.lesions[0].sizeMm").Single().Element);
    }

    [Fact]
    public void A_size_measured_after_the_evaluation_date_is_an_input_error_like_other_future_dates()
    {
        var e = Refused(Size(Quantity("2.8", "cm", "cm"), date: "2026-12-15"), "effectiveDateTime", asOf: new LocalDate(2026, 11, 30));

        Assert.DoesNotContain("2026-12-15", e.Message, StringComparison.Ordinal);
        _ = Map(Size(Quantity("2.8", "cm", "cm"), date: "2026-11-30"), asOf: new LocalDate(2026, 11, 30));
    }

    [Fact]
    public void A_future_size_of_a_tumor_that_is_not_a_current_lesion_is_an_input_error_too()
    {
        // The tumour is linked to a resolved metastasis: its size is not read as a lesion's, but its date is still checked.
        var e = Assert.Throws<FhirInputException>(() => new McodeMapper(new McodeMapperOptions { AsOf = new LocalDate(2026, 11, 30) })
            .Map(Bundle(Primary(), Secondary("met", "94381002", clinical: "resolved"), Tumor("t1", "met"), Size(Quantity("2.8", "cm", "cm"), date: "2026-12-15"))));

        Assert.Contains(e.Errors, error => error.Field == "Bundle.entry[3].resource(Observation).effectiveDateTime");
    }
}
