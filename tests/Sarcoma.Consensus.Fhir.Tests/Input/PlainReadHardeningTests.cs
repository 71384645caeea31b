using System;
using System.Text;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// <see cref="FhirJson.TryReadPlain"/> for a caller that does not run <see cref="FhirJson.CheckText"/> first (review of
/// #11): it declines, never rounds a number and never throws; and an element given twice — the same name repeated, or
/// two forms of one choice element (<c>valueCodeableConcept</c> and <c>valueBoolean</c>, of which Firely would keep one)
/// — is declined by the quick check and refused by the full read, in a resource and inside a Bundle entry.
/// </summary>
public sealed class PlainReadHardeningTests
{
    private const string Observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},";

    // An FLR of 24.99…9 % (36 significant digits): System.Decimal would round it to 25, across the 25 % threshold.
    private const string RoundedNumber = Observation + "\"valueQuantity\":{\"value\":24.999999999999999999999999999999999,\"unit\":\"%\"}}";

    private const string LoneSurrogate = Observation + "\"valueString\":\"\\ud800\"}";

    private const string LoneSurrogateInCodeText = Observation + "\"valueCodeableConcept\":{\"text\":\"a\\udc00b\"}}";

    private const string TwoChoiceForms = Observation + "\"valueCodeableConcept\":{\"text\":\"yes\"},\"valueBoolean\":false}";

    private const string TwoChoiceFormsInAnEntry =
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + TwoChoiceForms + "}]}";

    private const string TwoChoiceFormsInAComponent =
        Observation + "\"component\":[{\"code\":{\"text\":\"c\"},\"valueBoolean\":true,\"valueString\":\"no\"}]}";

    private const string SameElementTwice = Observation + "\"valueBoolean\":true,\"valueBoolean\":false}";

    [Theory]
    [InlineData(RoundedNumber)]
    [InlineData(LoneSurrogate)]
    [InlineData(LoneSurrogateInCodeText)]
    public void The_quick_read_declines_text_CheckText_refuses_without_CheckText_having_run(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        var read = FhirJson.TryReadPlain(utf8, out var resource);

        Assert.False(read);
        Assert.Null(resource);
        Assert.False(PlainStructure.IsPlain(utf8));
    }

    [Fact]
    public void The_full_read_still_refuses_a_number_it_would_round_without_repeating_it()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseResource(RoundedNumber));

        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.Contains("more digits than can be read exactly", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("24.9", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LoneSurrogate)]
    [InlineData(LoneSurrogateInCodeText)]
    public void The_full_read_still_refuses_a_lone_surrogate(string json)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseResource(json));

        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_quick_read_still_reads_numbers_held_exactly()
    {
        var json = Observation + "\"valueQuantity\":{\"value\":24.9999999999999999999999999,\"unit\":\"%\"}}";

        Assert.True(FhirJson.TryReadPlain(Encoding.UTF8.GetBytes(json), out var resource));
        var quantity = Assert.IsType<Hl7.Fhir.Model.Quantity>(Assert.IsType<Hl7.Fhir.Model.Observation>(resource).Value);
        Assert.Equal(24.9999999999999999999999999m, quantity.Value);
    }

    [Theory]
    [InlineData(TwoChoiceForms)]
    [InlineData(TwoChoiceFormsInAnEntry)]
    [InlineData(TwoChoiceFormsInAComponent)]
    [InlineData(SameElementTwice)]
    public void The_quick_check_declines_an_element_given_twice(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.False(PlainStructure.IsPlain(utf8));
        Assert.False(FhirJson.TryReadPlain(utf8, out _));
    }

    [Theory]
    [InlineData(TwoChoiceForms, "Observation")]
    [InlineData(TwoChoiceFormsInAnEntry, "Bundle.entry[0].resource(Observation)")]
    [InlineData(TwoChoiceFormsInAComponent, "Observation.component[0]")]
    [InlineData(SameElementTwice, "Observation")]
    public void The_full_read_refuses_an_element_given_twice_at_its_object_without_repeating_a_value(string json, string path)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseResource(json));

        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.Field);
        Assert.Contains("JSON129", error.Message, StringComparison.Ordinal);
        Assert.Contains("has an element given twice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("yes", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("false", e.Message, StringComparison.Ordinal);
    }
}
