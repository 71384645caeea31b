using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Sarcoma.Consensus.Imaging;

namespace Sarcoma.Consensus.CdsHooks.Cards;

/// <summary>
/// The FHIR R4 resources of card suggestions: draft <c>ServiceRequest</c>s (status <c>draft</c>, intent <c>proposal</c>)
/// the EHR creates when the clinician accepts. Categories are the FHIR R4 example SNOMED CT codes (363679005 Imaging,
/// 3457005 Patient referral); the orderable itself is given as text, because every hospital's order catalogue codes
/// it differently: map <c>code.text</c> to a local orderable in the EHR.
/// </summary>
internal static class FhirSuggestions
{
    private const string Snomed = "http://snomed.info/sct";

    public static JsonElement TumourBoardReferral(string patientId, string recommendationIds) =>
        ToJson(new ServiceRequest
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Category = { new CodeableConcept(Snomed, "3457005", "Patient referral") },
            Code = new CodeableConcept { Text = "Referral to the sarcoma multidisciplinary tumour board (liver metastases)" },
            Subject = new ResourceReference("Patient/" + patientId),
            ReasonCode = { new CodeableConcept { Text = "Ibero-American consensus on liver metastases of soft tissue sarcoma, recommendations " + recommendationIds + " (doi:10.3390/cancers17081295)" } },
        });

    public static JsonElement? Imaging(ImagingItem item, string patientId)
    {
        var what = item.Modality switch
        {
            ImagingModality.LiverMri => "MRI of the liver (hepatic MRI) for liver metastases of soft tissue sarcoma",
            ImagingModality.FdgPetCt => "18F-FDG-PET/CT to exclude extrahepatic disease",
            ImagingModality.ContrastCt => "Iodinated contrast-enhanced CT (thorax, abdomen, pelvis) for vascular involvement and abdominal staging",
            _ => null,
        };
        if (what is null)
        {
            return null;
        }

        return ToJson(new ServiceRequest
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Category = { new CodeableConcept(Snomed, "363679005", "Imaging") },
            Code = new CodeableConcept { Text = what },
            Subject = new ResourceReference("Patient/" + patientId),
            ReasonCode = { new CodeableConcept { Text = "Staging before a liver metastases decision: " + (item.RecommendationId is { } id ? "consensus recommendation " + id : "consensus section 3.4") + " (doi:10.3390/cancers17081295)" } },
        });
    }

    private static readonly FhirJsonSerializer Serializer = new();

    // Firely writes the resource straight to UTF-8 (the FhirJson.SerializeLine text, without the string and its re-parse).
    private static JsonElement ToJson(Resource resource)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Serializer.Serialize(resource, writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
