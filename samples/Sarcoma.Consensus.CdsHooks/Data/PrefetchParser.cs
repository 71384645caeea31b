using System.Runtime.InteropServices;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.CdsHooks.Data;

/// <summary>
/// Reads one prefetch value as a FHIR R4 resource, straight from the request body's UTF-8 bytes.
/// <para>
/// The value is already parsed JSON (a view into the body's <see cref="JsonDocument"/>), so Firely's deserializer reads
/// its bytes in place: no copy to a string, no second JSON parse. The settings are <see cref="FhirJson.ReadSettings"/> (Firely
/// strict: unknown and wrongly cased elements, wrong JSON types, cardinality, choice types and codes all reported; the
/// literal checks of string-valued primitives, which <see cref="FhirJson"/> tolerates, skipped) except one: the narrative's
/// XHTML (<c>text.div</c>) is not validated. The mapper never reads narrative, which is display text, and EHRs send it on
/// most resources: validating it costs an XML parse per resource, and a malformed one would refuse the whole hook call
/// for something the consensus never uses.
/// </para>
/// <para>
/// First the quick way, <see cref="FhirJson.TryReadPlain"/>: a structural check of the JSON against Firely's model
/// metadata, then Firely's strict deserializer without its validator (about 190 KB a call instead of 470 KB for this
/// service's sample prefetch). It reads a value only when the read described here would report no issue at all, and then
/// the same resource (proof: <c>ReadSettingsTests</c> in the FHIR tests); any other value is read as below.
/// </para>
/// <para>
/// A value with any issue at all is handed to <see cref="FhirJson.ParseResource"/>, which decides (it tolerates a
/// malformed date or a code outside its value set, which the mapper rejects where it reads them) and words the errors by
/// FHIR path. So a resource is accepted here exactly when <see cref="FhirJson"/> accepts it, apart from narrative: the one
/// difference is a resource whose narrative is malformed XML and that also has another issue, which
/// <see cref="FhirJson"/> refuses naming both (refused, never misread).
/// </para>
/// </summary>
internal static class PrefetchParser
{
    private static readonly FhirJsonDeserializer Deserializer =
        new(FhirJson.ReadSettings with { NarrativeValidation = NarrativeValidationKind.None });

    /// <summary>Reads a prefetch value.</summary>
    /// <param name="value">A JSON object from the request body (its document must be alive).</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FhirInputException">The value is not a FHIR R4 resource, or does not parse (as <see cref="FhirJson.ParseResource"/>).</exception>
    public static Resource Parse(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            var utf8 = JsonMarshal.GetRawUtf8Value(value);
            FhirJson.CheckText(utf8);
            if (FhirJson.TryReadPlain(utf8, out var plain))
            {
                return plain;
            }

            var reader = new Utf8JsonReader(utf8);
            try
            {
                if (Deserializer.TryDeserializeResource(ref reader, out var resource, out _))
                {
                    return resource;
                }
            }
            catch (JsonException)
            {
                // Firely throws on a resourceType that is a JSON array or object inside the value: FhirJson refuses it, naming it.
            }
        }

        return FhirJson.ParseResource(value.GetRawText());
    }
}
