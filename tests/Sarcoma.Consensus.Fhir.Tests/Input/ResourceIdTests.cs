using System;
using System.Linq;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// docs/fhir.md, "Resource ids": the mapper names every resource by <c>Type/id</c> in its report (recognised resources,
/// notes, unknown facts), so an id is the one piece of input text the engine shows as a label. An id that cannot be shown
/// faithfully — a zero-width space, a bidirectional control, another Unicode format (Cf) character, a control character,
/// a separator or space, or more than FHIR's 64 characters — is refused naming the element, never repeated. It was shown
/// as it was. Other departures from FHIR's id grammar (an underscore, found in real exports) are read.
/// </summary>
public sealed class ResourceIdTests
{
    [Theory]
    [InlineData("zq\\u200Bprimary")] // zero-width space (Cf)
    [InlineData("zq\\u202Eprimary")] // right-to-left override (Cf, bidi)
    [InlineData("zq\\u2066primary")] // left-to-right isolate (Cf, bidi)
    [InlineData("zq\\u00ADprimary")] // soft hyphen (Cf)
    [InlineData("zq\\uFEFFprimary")] // zero-width no-break space (Cf)
    [InlineData("zq\\u2060primary")] // word joiner (Cf)
    [InlineData("zq\\u0007primary")] // a control character
    [InlineData("zq primary")]
    [InlineData("zqaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65 characters
    public void A_resource_id_that_is_not_a_FHIR_id_is_refused_naming_the_element(string id)
    {
        var e = Assert.Throws<FhirInputException>(() => Bundle(Primary(id: id)));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource(Condition).id", error.Field);
        Assert.StartsWith("holds a character that cannot be shown as a label", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zq", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_of_a_contained_resource_and_of_the_bundle_itself_are_checked_too()
    {
        var contained = Primary().Replace("\"code\":{", "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"zq\\u200Bp\"}],\"code\":{", StringComparison.Ordinal);

        var inContained = Assert.Throws<FhirInputException>(() => Bundle(contained));
        var onBundle = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"id\":\"zq\\u202Eb\",\"type\":\"collection\",\"entry\":[{\"resource\":" + Primary() + "}]}"));

        Assert.Equal("Bundle.entry[0].resource(Condition).contained[0].id", Assert.Single(inContained.Errors).Field);
        Assert.Equal("Bundle.id", Assert.Single(onBundle.Errors).Field);
    }

    [Theory]
    [InlineData("zq\u200Bprimary")] // zero-width space (Cf)
    [InlineData("zq\u202Eprimary")] // right-to-left override (Cf, bidi)
    [InlineData("zq\u0007primary")] // a control character
    [InlineData("zq primary")]
    [InlineData("zqaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65 characters
    public void Resources_built_in_code_are_held_to_the_same_id_rule_as_parsed_JSON(string id)
    {
        // Valid JSON parsed, then the id set in code: what an integrator building resources (or a FHIR client) hands over.
        var withGoodId = Bundle(Primary(id: "primary"), Secondary("liver", "94381002"));
        var condition = (Hl7.Fhir.Model.Condition)withGoodId.Entry[0].Resource!;
        var liver = withGoodId.Entry[1].Resource!;
        condition.Id = System.Text.RegularExpressions.Regex.Unescape(id);
        var contained = new Hl7.Fhir.Model.Condition { Id = "c" };
        contained.Contained.Add(new Hl7.Fhir.Model.Patient { Id = condition.Id });

        var alone = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(new Hl7.Fhir.Model.Resource[] { liver, condition }));
        var inBundle = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(new Hl7.Fhir.Model.Resource[] { withGoodId }));
        var bundle = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(withGoodId));
        var inContained = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(new Hl7.Fhir.Model.Resource[] { liver, contained }));

        Assert.Equal("resources[1](Condition).id", Assert.Single(alone.Errors).Field);
        Assert.Equal("resources[0].entry[0].resource(Condition).id", Assert.Single(inBundle.Errors).Field);
        Assert.Equal("Bundle.entry[0].resource(Condition).id", Assert.Single(bundle.Errors).Field);
        Assert.Equal("resources[1](Condition).contained[0].id", Assert.Single(inContained.Errors).Field);
        foreach (var e in new[] { alone, inBundle, bundle, inContained })
        {
            Assert.StartsWith("holds a character that cannot be shown as a label", e.Errors[0].Message, StringComparison.Ordinal);
            Assert.DoesNotContain("zq", e.Message, StringComparison.Ordinal);
            Assert.False(e.NoPatientData);
        }
    }

    [Theory]
    [InlineData("p")]
    [InlineData("primary-1.a")]
    [InlineData("0c6d3c9e-6f0a-4b1e-9a57-6f3c2b1a0d4e")]
    [InlineData("9aa0a829-14be-4951-84e7-5dd453708011_2")] // not FHIR's id grammar (an underscore), but shown faithfully: as in a real export
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 64 characters
    public void A_FHIR_id_is_read_and_names_the_resource_in_the_report(string id)
    {
        var bundle = Bundle(Primary(id: id));
        var mapping = McodeMapper.Default.Map(bundle);
        var fromResources = McodeMapper.Default.Map(bundle.Entry.Select(e => e.Resource!));

        Assert.Contains(mapping.Report.Recognised, r => r.StartsWith("Condition/" + id + ":", StringComparison.Ordinal));
        Assert.Contains(fromResources.Report.Recognised, r => r.StartsWith("Condition/" + id + ":", StringComparison.Ordinal));
    }
}
