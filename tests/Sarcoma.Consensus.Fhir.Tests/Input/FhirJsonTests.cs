using System;
using System.Linq;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>Bad FHIR is rejected naming the resource and element, never with a value of the input.</summary>
public sealed class FhirJsonTests
{
    private const string Secret = "Doe-1234567";

    [Fact]
    public void Text_that_is_not_json_is_rejected_with_its_position()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundle\", " + Secret));

        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.StartsWith("is not JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_that_is_not_a_bundle_is_rejected_when_a_bundle_is_expected()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Patient\",\"id\":\"" + Secret + "\"}"));

        Assert.Equal("resourceType", Assert.Single(e.Errors).Field);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_without_a_resource_type_is_not_a_fhir_resource()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseResource("{\"name\":\"" + Secret + "\"}"));

        Assert.Contains("not a FHIR resource", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},\"bogus\":\"" + Secret + "\"}", "Bundle.entry[0].resource(Condition).bogus", "is not an element")]
    [InlineData("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueInteger\":\"" + Secret + "\"}", "Bundle.entry[0].resource(Observation).value", "wrong JSON type")]
    [InlineData("{\"resourceType\":\"Conditionx\",\"id\":\"" + Secret + "\"}", "Bundle.entry[0].resource", "is not a FHIR R4 resource type")]
    public void A_resource_that_does_not_parse_is_named_by_path_and_type_without_its_value(string resource, string path, string message)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + resource + "}]}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_resource_type_is_one_error_naming_it_without_the_follow_on_noise()
    {
        var condition = "{\"resourceType\":\"Condtion\",\"id\":\"c\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"363346000\"}],\"text\":\"" + Secret + "\"}," +
            "\"subject\":{\"reference\":\"Patient/p\"},\"onsetDateTime\":\"2022-03-14\",\"note\":[{\"text\":\"" + Secret + "\"}]}";

        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}},{\"resource\":" + condition + "}]}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[1].resource", error.Field);
        Assert.Equal("is \"Condtion\", which is not a FHIR R4 resource type (did you mean \"Condition\"?); the resource's elements were not read (Firely PVAL130).", error.Message);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_resource_type_of_the_document_is_one_error()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundel\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"" + Secret + "\"}}]}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("resourceType", error.Field);
        Assert.Contains("\"Bundel\", which is not a FHIR R4 resource type (did you mean \"Bundle\"?)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData("Jane Doe")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void An_unknown_resource_type_that_is_not_a_plain_short_identifier_is_not_repeated(string type)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"" + type + "\",\"status\":\"final\"}}]}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource", error.Field);
        Assert.StartsWith("is not a FHIR R4 resource type (the unknown resourceType is not repeated", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(type, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_contained_resource_type_is_one_error_at_its_path()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/p\"},\"contained\":[{\"resourceType\":\"Foo\",\"a\":{\"b\":\"" + Secret + "\"}}]}}]}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource(Condition).contained[0]", error.Field);
        Assert.StartsWith("has a resourceType that is not a FHIR R4 resource type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_date_literal_is_kept_by_the_parser_for_the_mapper_to_judge()
    {
        var bundle = FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/p\"},\"onsetDateTime\":\"YYYY-MM-DD\"}}]}");

        Assert.IsType<Condition>(bundle.Entry.Single().Resource);
    }

    [Fact]
    public void Serialisation_is_deterministic_with_line_feeds()
    {
        var bundle = new Bundle { Id = "b", Type = Bundle.BundleType.Collection };

        var json = FhirJson.Serialize(bundle);

        Assert.Equal(json, FhirJson.Serialize(FhirJson.ParseBundle(json)));
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", FhirJson.SerializeLine(bundle), StringComparison.Ordinal);
    }
}
