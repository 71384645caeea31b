using System;
using System.Text;
using Sarcoma.Consensus.Fhir.Input;
using Hl7QuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// docs/fhir.md, "Plausibility, units and dates": Firely reads FHIR decimals as <see cref="decimal"/> and rounds what does
/// not fit, so a TumorSize of 9.99…9 mm (32 digits) was read as 10 mm and a QuestionnaireResponse FLR of 24.99…9 % as 25 %,
/// each across a threshold (4.2's 1 cm, 7.1's 25 %). Such a number is refused, never rounded; equal numbers written
/// differently stay accepted.
/// </summary>
public sealed class FhirNumberPrecisionTests
{
    private static string Observation(string value) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"," +
        "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"21889-1\"}]},\"valueQuantity\":{\"value\":" + value +
        ",\"unit\":\"mm\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm\"}}}]}";

    private static string Answer(string value) =>
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"liverSurgery.futureLiverRemnantPercent\",\"answer\":[{\"valueDecimal\":" + value + "}]}]}";

    [Theory]
    [InlineData("9.9999999999999999999999999999999")]
    [InlineData("24.9999999999999999999999999999999999")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1e-400")]
    [InlineData("-3.00000000000000000000000000000001")]
    public void A_number_that_a_decimal_cannot_hold_exactly_is_refused_not_rounded(string value)
    {
        foreach (var parse in new Action[] { () => FhirJson.ParseBundle(Observation(value)), () => FhirJson.Parse<Hl7QuestionnaireResponse>(Answer(value)) })
        {
            var e = Assert.Throws<FhirInputException>(parse);

            var error = Assert.Single(e.Errors);
            Assert.Equal("(document)", error.Field);
            Assert.Contains("more digits than can be read exactly", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("99999", error.Message, StringComparison.Ordinal);
            Assert.Throws<FhirInputException>(() => FhirJson.CheckText(Encoding.UTF8.GetBytes(Observation(value))));
        }
    }

    [Theory]
    [InlineData("18", "18")]
    [InlineData("18.0", "18")]
    [InlineData("1.8e1", "18")]
    [InlineData("180e-1", "18")]
    [InlineData("25.5000000000000000000000000000000000000000", "25.5")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1234567890123456789012345678", "1234567890123456789012345678")]
    [InlineData("0", "0")]
    public void A_number_held_exactly_is_read_whatever_its_spelling(string value, string expected)
    {
        var bundle = FhirJson.ParseBundle(Observation(value));

        var quantity = (Hl7.Fhir.Model.Quantity)((Hl7.Fhir.Model.Observation)bundle.Entry[0].Resource!).Value!;
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quantity.Value);
    }
}
