using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// Values the mapper reads are converted where the unit is known and refused where they are implausible, by the FHIR
/// element path and never the value; a size with a comparator is a bound, not a size, and stays unknown.
/// </summary>
public sealed class InputPlausibilityTests
{
    private static string[] Lesion(string quantity) => new[]
    {
        Primary(),
        Secondary("liver", "94381002"),
        Tumor("t1", "liver"),
        TumorSize("s1", "t1", 1m, "mm").Replace(
            "\"valueQuantity\":{\"value\":1,\"unit\":\"mm\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}",
            "\"valueQuantity\":" + quantity,
            StringComparison.Ordinal),
    };

    private static FhirInputException Refused(params string[] resources) =>
        Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(resources)));

    [Theory]
    [InlineData("0.021", "m", 21)]
    [InlineData("1", "[in_i]", 25.4)]
    [InlineData("2.1", "cm", 21)]
    [InlineData("21", "mm", 21)]
    public void UCUM_lengths_are_converted_to_millimetres(string value, string unit, double mm)
    {
        var mapping = McodeMapper.Default.Map(Bundle(Lesion($"{{\"value\":{value},\"system\":\"http://unitsofmeasure.org\",\"code\":\"{unit}\"}}")));

        Assert.Equal((decimal)mm, Assert.Single(mapping.PendingLesions).SizeMm);
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<=")]
    [InlineData(">=")]
    [InlineData(">")]
    public void A_size_with_a_comparator_is_a_bound_not_a_size_and_stays_unknown(string comparator)
    {
        var mapping = McodeMapper.Default.Map(Bundle(Lesion($"{{\"value\":10,\"comparator\":\"{comparator}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}}")));

        Assert.Null(Assert.Single(mapping.PendingLesions).SizeMm);
        var unknown = mapping.Report.UnknownEntry("metastases.lesions[0].sizeMm")!;
        Assert.Equal(UnknownReason.Ambiguous, unknown.Reason);
        Assert.Contains("comparator", unknown.Explanation);
    }

    [Theory]
    [InlineData("~")]
    [InlineData("!=")]
    [InlineData("<<")]
    public void A_comparator_outside_its_value_set_is_an_input_error_naming_the_element_not_a_crash(string comparator)
    {
        // Found by a breaker: Firely's typed Quantity.Comparator throws for such a code, and the console exited 1.
        var e = Refused(Lesion($"{{\"value\":10,\"comparator\":\"{comparator}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}}"));

        Assert.Contains(e.Errors, error => error.Field.EndsWith("valueQuantity.comparator", StringComparison.Ordinal));
        Assert.DoesNotContain(comparator, string.Concat(e.Errors.Select(error => error.Message)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"value\":3,\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}", "valueQuantity.code")]
    [InlineData("{\"value\":3,\"system\":\"http://example.org/units\",\"code\":\"mm\"}", "valueQuantity.code")]
    [InlineData("{\"value\":3,\"unit\":\"inches\"}", "valueQuantity.unit")]
    [InlineData("{\"value\":3}", "valueQuantity.unit")]
    [InlineData("{\"value\":-5,\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}", "valueQuantity.value")]
    [InlineData("{\"value\":0,\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}", "valueQuantity.value")]
    [InlineData("{\"value\":9000,\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}", "valueQuantity.value")]
    [InlineData("{\"value\":2,\"system\":\"http://unitsofmeasure.org\",\"code\":\"m\"}", "valueQuantity.value")]
    public void An_unknown_unit_or_an_implausible_size_is_an_input_error_naming_the_element(string quantity, string element)
    {
        var e = Refused(Lesion(quantity));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[3].resource(Observation)." + element, error.Field);
        Assert.DoesNotContain("9000", e.Message);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(-1)]
    public void An_implausible_ECOG_grade_is_an_input_error_naming_the_element(int grade)
    {
        var e = Refused(Primary(), Observation("ps", "89247-1", "\"valueInteger\":" + grade));

        Assert.Equal("Bundle.entry[1].resource(Observation).valueInteger", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void An_ECOG_code_under_another_system_is_not_read_as_ECOG_even_with_the_ECOG_profile()
    {
        var observation = Observation("ps", "89247-1", "\"valueInteger\":2")
            .Replace(Coding(Loinc, "89247-1"), Coding(Sct, "89247-1"), StringComparison.Ordinal)
            .Replace("{\"resourceType\":\"Observation\",", "{\"resourceType\":\"Observation\",\"meta\":{\"profile\":[\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-ecog-performance-status\"]},", StringComparison.Ordinal);
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), observation));

        Assert.Null(mapping.Patient.Clinical.Ecog);
        Assert.Equal(UnknownReason.NoResource, mapping.Report.UnknownEntry(FactNames.Ecog)!.Reason);
    }

    [Theory]
    [InlineData("1899-06-01")]
    [InlineData("1900-01-01")]
    [InlineData("2150-01-01")]
    public void An_Observation_date_outside_the_plausible_range_is_an_input_error(string date)
    {
        var e = Refused(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: date));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[1].resource(Observation).effectiveDateTime", error.Field);
        Assert.DoesNotContain(date, error.Message);
    }

    [Fact]
    public void A_date_before_the_birth_date_is_an_input_error()
    {
        var e = Refused("{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1980-05-01\"}", Primary(), Procedure("op", Sct, "65801008", "1975-01-01", reason: "primary"));

        Assert.Equal("Bundle.entry[2].resource(Procedure).performedDateTime", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void A_date_after_the_evaluation_date_is_an_input_error_when_the_date_is_given()
    {
        var resources = new[] { Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: "2026-12-24") };
        Assert.Equal(1, McodeMapper.Default.Map(Bundle(resources)).Patient.Clinical.Ecog);

        var e = Assert.Throws<FhirInputException>(() => new McodeMapper(new McodeMapperOptions { AsOf = new LocalDate(2026, 11, 30) }).Map(Bundle(resources)));
        Assert.Equal("Bundle.entry[1].resource(Observation).effectiveDateTime", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void A_Period_that_ends_before_it_starts_is_an_input_error()
    {
        var procedure = Procedure("op", Sct, "65801008", "2023-01-01", reason: "primary")
            .Replace("\"performedDateTime\":\"2023-01-01\"", "\"performedPeriod\":{\"start\":\"2023-03-01\",\"end\":\"2023-01-01\"}", StringComparison.Ordinal);
        var e = Refused(Primary(), procedure);

        Assert.Equal("Bundle.entry[1].resource(Procedure).performedPeriod", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void An_empty_onset_is_an_input_error_naming_the_element()
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(Primary(onset: ""))));

        Assert.Contains(e.Errors, error => error.Field.EndsWith("resource(Condition).onsetDateTime", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plausibility_problem_of_a_mapped_fact_is_named_by_the_FHIR_element_it_came_from()
    {
        // Metastases detected years before the primary's diagnosis: the core validator's problem, named by FHIR path.
        var e = Refused(Primary(onset: "2022-03-14"), Secondary("liver", "94381002", onset: "2015-01-10"));

        var error = Assert.Single(e.Errors);
        Assert.StartsWith("Bundle.entry[1].resource(Condition).", error.Field, StringComparison.Ordinal);
        Assert.DoesNotContain("metastases.", error.Field, StringComparison.Ordinal);
    }
}
