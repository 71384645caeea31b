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
    public void A_malformed_date_literal_is_kept_for_the_mapper_to_read_as_unknown()
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
