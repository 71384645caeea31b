using System.Linq;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.Fhir.Tests.Support;

/// <summary>Small FHIR JSON builders for readable vignettes.</summary>
internal static class Fhir
{
    public const string Sct = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string Subject = "\"subject\":{\"reference\":\"Patient/p\"}";

    public static Bundle Bundle(params string[] resources) =>
        FhirJson.ParseBundle("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" +
            string.Join(",", resources.Select(r => "{\"resource\":" + r + "}")) + "]}");

    public static string Coding(string system, string code) => $"{{\"coding\":[{{\"system\":\"{system}\",\"code\":\"{code}\"}}]}}";

    /// <summary>A PrimaryCancerCondition without a profile: recognised by its HistologyMorphologyBehavior extension.</summary>
    public static string Primary(string icdO3 = "8890/3", string? onset = "2022-03-14", string id = "primary", string bodySite = "82849001") =>
        $"{{\"resourceType\":\"Condition\",\"id\":\"{id}\",\"extension\":[{{\"url\":\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior\",\"valueCodeableConcept\":{Coding("http://terminology.hl7.org/CodeSystem/icd-o-3", icdO3)}}}]," +
        $"\"code\":{Coding(Sct, "363346000")},\"bodySite\":[{Coding(Sct, bodySite)}],{Subject}{(onset is null ? string.Empty : ",\"onsetDateTime\":\"" + onset + "\"")}}}";

    public static string Secondary(string id, string code, string? bodySite = null, string? onset = "2025-09-02", string verification = "confirmed", string? clinical = "active") =>
        $"{{\"resourceType\":\"Condition\",\"id\":\"{id}\",\"code\":{Coding(Sct, code)}," +
        (bodySite is null ? string.Empty : $"\"bodySite\":[{Coding(Sct, bodySite)}],") +
        $"\"verificationStatus\":{Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification)}," +
        (clinical is null ? string.Empty : $"\"clinicalStatus\":{Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical)},") +
        $"{Subject}{(onset is null ? string.Empty : ",\"onsetDateTime\":\"" + onset + "\"")}}}";

    public static string Tumor(string id, string related, string site = "10200004", string? text = null) =>
        $"{{\"resourceType\":\"BodyStructure\",\"id\":\"{id}\",\"extension\":[{{\"url\":\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-condition\",\"valueReference\":{{\"reference\":\"Condition/{related}\"}}}}]," +
        $"\"location\":{{\"coding\":[{{\"system\":\"{Sct}\",\"code\":\"{site}\"}}]{(text is null ? string.Empty : ",\"text\":\"" + text + "\"")}}},\"patient\":{{\"reference\":\"Patient/p\"}}}}";

    public static string TumorSize(string id, string tumor, decimal value, string unit) =>
        $"{{\"resourceType\":\"Observation\",\"id\":\"{id}\",\"status\":\"final\",\"code\":{Coding(Loinc, "21889-1")},{Subject},\"effectiveDateTime\":\"2025-09-02\",\"focus\":[{{\"reference\":\"BodyStructure/{tumor}\"}}]," +
        $"\"valueQuantity\":{{\"value\":{value.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"unit\":\"{unit}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{unit}\"}}}}";

    public static string Observation(string id, string loinc, string value, string date = "2025-09-10") =>
        $"{{\"resourceType\":\"Observation\",\"id\":\"{id}\",\"status\":\"final\",\"code\":{Coding(Loinc, loinc)},{Subject},\"effectiveDateTime\":\"{date}\",{value}}}";

    public static string Procedure(string id, string system, string code, string date, string? reason = null, string? bodySite = null) =>
        $"{{\"resourceType\":\"Procedure\",\"id\":\"{id}\",\"status\":\"completed\",\"category\":{Coding(Sct, "387713003")},\"code\":{Coding(system, code)},{Subject},\"performedDateTime\":\"{date}\"" +
        (reason is null ? string.Empty : $",\"reasonReference\":[{{\"reference\":\"Condition/{reason}\"}}]") +
        (bodySite is null ? string.Empty : $",\"bodySite\":[{Coding(Sct, bodySite)}]") + "}";

    public static string MedicationRequest(string id, string status, string authoredOn, string reason) =>
        $"{{\"resourceType\":\"MedicationRequest\",\"id\":\"{id}\",\"status\":\"{status}\",\"intent\":\"order\",\"medicationCodeableConcept\":{Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "3639")},{Subject},\"authoredOn\":\"{authoredOn}\",\"reasonReference\":[{{\"reference\":\"Condition/{reason}\"}}]}}";
}
