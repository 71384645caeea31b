using System;
using System.Text;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// <see cref="FhirJson.TryReadPlain"/> for a caller that does not run <see cref="FhirJson.CheckText"/> first (review of
/// #11): it declines, never rounds a number and never throws.
/// </summary>
public sealed class PlainReadHardeningTests
{
    private const string Observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},";

    // An FLR of 24.99…9 % (36 significant digits): System.Decimal would round it to 25, across the 25 % threshold.
    private const string RoundedNumber = Observation + "\"valueQuantity\":{\"value\":24.999999999999999999999999999999999,\"unit\":\"%\"}}";

    private const string LoneSurrogate = Observation + "\"valueString\":\"\\ud800\"}";

    private const string LoneSurrogateInCodeText = Observation + "\"valueCodeableConcept\":{\"text\":\"a\\udc00b\"}}";

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
}
