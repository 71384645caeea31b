using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Tests.Support;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// <see cref="FhirJson.ReadSettings"/> skips Firely's literal checks of string-valued primitives (#11, latency): the only
/// issue they report, PVAL124, is tolerated by <see cref="FhirJson"/>. Proof that nothing else changes: on valid and
/// malformed input (every kind of issue Firely's strict mode reports, and every FHIR document of the shared fixtures and
/// the samples), the issues reported are Firely's strict mode's without PVAL124, at the same paths, and the resource read
/// is the same.
/// </summary>
public sealed class ReadSettingsTests
{
    private static readonly FhirJsonDeserializer FirelyStrict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));
    private static readonly FhirJsonDeserializer Ours = new(FhirJson.ReadSettings);
    private static readonly FhirJsonSerializer Serializer = new();

    private const string Subject = "\"subject\":{\"reference\":\"Patient/p\"}";

    public static TheoryData<string, string> Malformed => new()
    {
        { "valid", "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2020-03-01\"," + Subject + "}" },
        { "wrongly cased element", "{\"resourceType\":\"Condition\",\"onsetdatetime\":\"2020-03-01\"," + Subject + "}" },
        { "wrongly cased complex element", "{\"resourceType\":\"Condition\",\"Code\":{\"text\":\"x\"}," + Subject + "}" },
        { "unknown element", "{\"resourceType\":\"Condition\",\"foo\":\"x\"," + Subject + "}" },
        { "number for a string", "{\"resourceType\":\"Condition\",\"code\":{\"text\":5}," + Subject + "}" },
        { "number for a dateTime", "{\"resourceType\":\"Condition\",\"recordedDate\":2020," + Subject + "}" },
        { "number for a uri", "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":7,\"code\":\"x\"}]}," + Subject + "}" },
        { "boolean for a code", "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"code\":true}]}," + Subject + "}" },
        { "string for a boolean", "{\"resourceType\":\"Patient\",\"active\":\"true\"}" },
        { "string for an integer", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueInteger\":\"3\"}" },
        { "string for a decimal", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueQuantity\":{\"value\":\"1.5\"}}" },
        { "decimal for an integer", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueInteger\":1.5}" },
        { "array for a single element", "{\"resourceType\":\"Condition\",\"subject\":[{\"reference\":\"Patient/p\"}]}" },
        { "object for a repeating element", "{\"resourceType\":\"Condition\",\"category\":{\"text\":\"x\"}," + Subject + "}" },
        { "object for a primitive", "{\"resourceType\":\"Condition\",\"recordedDate\":{\"value\":\"2020\"}," + Subject + "}" },
        { "primitive for an object", "{\"resourceType\":\"Condition\",\"code\":\"x\"," + Subject + "}" },
        { "missing mandatory element", "{\"resourceType\":\"Condition\",\"code\":{\"text\":\"x\"}}" },
        { "missing mandatory elements", "{\"resourceType\":\"Observation\",\"id\":\"o\"}" },
        { "Bundle without type", "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}" },
        { "Bundle type not a code", "{\"resourceType\":\"Bundle\",\"type\":\"pile\"}" },
        { "Bundle type blank", "{\"resourceType\":\"Bundle\",\"type\":\" \"}" },
        { "status outside its value set", "{\"resourceType\":\"Observation\",\"status\":\"bogus\",\"code\":{\"text\":\"x\"}}" },
        { "wrongly cased resourceType", "{\"resourceType\":\"condition\"," + Subject + "}" },
        { "wrongly cased entry resourceType", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"patient\"}}]}" },
        { "unknown resourceType", "{\"resourceType\":\"Conditoin\"," + Subject + "}" },
        { "entry without resourceType", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"id\":\"p\"}}]}" },
        { "empty object", "{\"resourceType\":\"Condition\",\"code\":{}," + Subject + "}" },
        { "empty array", "{\"resourceType\":\"Condition\",\"category\":[]," + Subject + "}" },
        { "object emptied by an empty array", "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[]}," + Subject + "}" },
        { "choice with an unknown type", "{\"resourceType\":\"Condition\",\"onsetFoo\":\"x\"," + Subject + "}" },
        { "choice without a type", "{\"resourceType\":\"Condition\",\"onset\":\"x\"," + Subject + "}" },
        { "choice type not allowed", "{\"resourceType\":\"Condition\",\"onsetBoolean\":true," + Subject + "}" },
        { "choice type wrongly cased", "{\"resourceType\":\"Condition\",\"onsetdateTime\":\"2020\"," + Subject + "}" },
        { "two values of a choice", "{\"resourceType\":\"Condition\",\"onsetDateTime\":\"2020\",\"onsetString\":\"x\"," + Subject + "}" },
        { "malformed dateTime", "{\"resourceType\":\"Condition\",\"onsetDateTime\":\"2020-13-45\"," + Subject + "}" },
        { "malformed date", "{\"resourceType\":\"Patient\",\"birthDate\":\"1st May\"}" },
        { "malformed instant", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"issued\":\"yesterday\"}" },
        { "malformed time", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueTime\":\"25:99\"}" },
        { "malformed uri", "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":\"http://a b\",\"code\":\"x\"}]}," + Subject + "}" },
        { "malformed oid uri", "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":\"urn:oid:1..2\",\"code\":\"x\"}]}," + Subject + "}" },
        { "malformed canonical", "{\"resourceType\":\"Condition\",\"meta\":{\"profile\":[\" \"]}," + Subject + "}" },
        { "malformed url", "{\"resourceType\":\"Condition\",\"extension\":[{\"url\":\" \",\"valueString\":\"x\"}]," + Subject + "}" },
        { "malformed code", "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"code\":\" x \"}]}," + Subject + "}" },
        { "malformed id grammar", "{\"resourceType\":\"Condition\",\"id\":\"a_b\"," + Subject + "}" },
        { "empty string", "{\"resourceType\":\"Condition\",\"code\":{\"text\":\"\"}," + Subject + "}" },
        { "empty markdown", "{\"resourceType\":\"Condition\",\"note\":[{\"text\":\"\"}]," + Subject + "}" },
        { "malformed narrative", "{\"resourceType\":\"Condition\",\"text\":{\"status\":\"generated\",\"div\":\"<div>\"}," + Subject + "}" },
        { "narrative against the rules", "{\"resourceType\":\"Condition\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><script>x</script></div>\"}," + Subject + "}" },
        { "positiveInt not positive", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":-1}" },
        { "invalid base64", "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":\"!!!\"}" },
        { "nested contained", "{\"resourceType\":\"Condition\",\"contained\":[{\"resourceType\":\"Condition\",\"id\":\"a\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"b\"}]," + Subject + "}]," + Subject + "}" },
        { "duplicate property", "{\"resourceType\":\"Condition\",\"recordedDate\":\"2020\",\"recordedDate\":\"2021\"," + Subject + "}" },
        { "underscore on a complex element", "{\"resourceType\":\"Condition\",\"_code\":{\"id\":\"x\"}," + Subject + "}" },
        { "primitive extension without a value", "{\"resourceType\":\"Condition\",\"_recordedDate\":{\"extension\":[{\"url\":\"http://x\",\"valueString\":\"y\"}]}," + Subject + "}" },
        { "extension without url", "{\"resourceType\":\"Condition\",\"extension\":[{\"valueString\":\"x\"}]," + Subject + "}" },
        { "null value", "{\"resourceType\":\"Condition\",\"recordedDate\":null," + Subject + "}" },
        { "null in an array", "{\"resourceType\":\"Condition\",\"category\":[null,{\"text\":\"x\"}]," + Subject + "}" },
        { "nested array", "{\"resourceType\":\"Condition\",\"category\":[[{\"text\":\"x\"}]]," + Subject + "}" },
        { "string too long", "{\"resourceType\":\"Condition\",\"code\":{\"text\":\"" + new string('x', 1_048_577) + "\"}," + Subject + "}" },
        { "reference with a number", "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":1}}" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Reports_what_Firelys_strict_mode_reports_apart_from_the_literals_FhirJson_tolerates(string what, string json)
    {
        AssertSameAsFirelyStrict(what, json);
    }

    [Fact]
    public void FhirJson_reads_strictly_a_wrongly_cased_element_is_refused_not_bound()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseResource("{\"resourceType\":\"Condition\",\"onsetdatetime\":\"2020-03-01\"," + Subject + "}"));

        Assert.Contains("PVAL131", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_every_FHIR_document_of_the_shared_fixtures_and_samples_as_Firelys_strict_mode_does()
    {
        var files = Directory.EnumerateFiles(Repo.SharedFhirFixtures, "*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repo.SampleBundles, "*.json", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var read = 0;
        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            if (!json.Contains("\"resourceType\"", StringComparison.Ordinal))
            {
                continue;
            }

            AssertSameAsFirelyStrict(file, json);
            read++;
        }

        Assert.True(read >= 100, FormattableString.Invariant($"only {read} FHIR documents found"));
    }

    private static void AssertSameAsFirelyStrict(string what, string json)
    {
        FirelyStrict.TryDeserializeResource(json, out var expected, out var expectedIssues);
        Ours.TryDeserializeResource(json, out var actual, out var actualIssues);

        var firely = Issues(expectedIssues);
        var ours = Issues(actualIssues);
        Assert.True(
            firely.Where(i => !i.StartsWith("PVAL124", StringComparison.Ordinal)).SequenceEqual(ours.Where(i => !i.StartsWith("PVAL124", StringComparison.Ordinal))),
            what + ": Firely strict reports [" + string.Join(", ", firely) + "], ReadSettings [" + string.Join(", ", ours) + "]");
        Assert.Subset(firely.ToHashSet(), ours.ToHashSet());
        Assert.Equal(Serialize(expected), Serialize(actual));
    }

    private static List<string> Issues(IEnumerable<CodedException> issues) =>
        issues.Select(i => i.ErrorCode + " " + ((i as ExtendedCodedException)?.InstancePath ?? string.Empty)).ToList();

    private static string Serialize(Resource? resource)
    {
        if (resource is null)
        {
            return "(none)";
        }

        try
        {
            return Serializer.SerializeToString(resource);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            return "(cannot be written: " + e.GetType().Name + ")";
        }
    }
}
