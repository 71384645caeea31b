using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.DataRequirements;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Support;

/// <summary>
/// Splits a sample patient's mCODE bundle (<c>samples/fhir</c>) into the searchset Bundles the EHR would prefetch for each
/// key of <see cref="FhirDataRequirements.Prefetch"/>: what each search's template selects (type, LOINC code, status).
/// </summary>
public static class Prefetch
{
    public const string PatientId = "patient";

    private static readonly Dictionary<string, string> ObservationKeys = new(StringComparer.Ordinal)
    {
        ["21858-6"] = "histologicGrade", ["33732-9"] = "histologicGrade",
        ["21889-1"] = "tumorSize", ["33728-7"] = "tumorSize",
        ["89247-1"] = "performanceStatus", ["89243-0"] = "performanceStatus",
        ["97509-4"] = "diseaseStatus", ["88040-1"] = "diseaseStatus",
    };

    public static Bundle SampleBundle(string name) => FhirJson.ParseBundle(File.ReadAllText(Path.Combine(Repo.SampleBundles, name + ".json")));

    /// <summary>The key whose search selects the resource, or <see langword="null"/> (the Patient, a planned procedure).</summary>
    public static string? KeyOf(Resource resource) => resource switch
    {
        Condition => "cancerConditions",
        BodyStructure => "tumors",
        Procedure p => p.Status == EventStatus.Completed ? "procedures" : null,
        MedicationAdministration => "medicationAdministrations",
        MedicationRequest => "medicationRequests",
        MedicationStatement => "medicationStatements",
        Observation o => o.Code?.Coding.Where(c => c.System == "http://loinc.org" && c.Code is not null && ObservationKeys.ContainsKey(c.Code)).Select(c => ObservationKeys[c.Code!]).FirstOrDefault(),
        _ => null,
    };

    /// <summary>The searchset of one key.</summary>
    public static Bundle Searchset(Bundle source, string key)
    {
        var result = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var entry in source.Entry.Where(e => e.Resource is not null && KeyOf(e.Resource) == key))
        {
            result.Entry.Add(new Bundle.EntryComponent { FullUrl = entry.FullUrl, Resource = entry.Resource, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match } });
        }

        result.Total = result.Entry.Count;
        return result;
    }

    /// <summary>The <c>prefetch</c> object of a hook request for a sample, every key filled (or only <paramref name="keys"/>).</summary>
    public static JsonObject For(Bundle source, IEnumerable<string>? keys = null)
    {
        var prefetch = new JsonObject();
        foreach (var key in keys ?? FhirDataRequirements.Prefetch.Select(q => q.Key))
        {
            prefetch[key] = JsonNode.Parse(FhirJson.SerializeLine(Searchset(source, key)));
        }

        return prefetch;
    }

    /// <summary>A patient-view request with the sample's prefetch.</summary>
    public static JsonObject Request(Bundle source, Guid? hookInstance = null, IEnumerable<string>? keys = null, string patientId = PatientId) => new()
    {
        ["hookInstance"] = (hookInstance ?? new Guid("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea")).ToString("D"),
        ["hook"] = "patient-view",
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
        ["prefetch"] = For(source, keys),
    };
}
