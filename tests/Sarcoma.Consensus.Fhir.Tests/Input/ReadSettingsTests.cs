using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// <see cref="FhirJson.ReadSettings"/> skips Firely's literal checks of string-valued primitives (#11, latency): the only
/// issue they report, PVAL124, is tolerated by <see cref="FhirJson"/>. Proof that nothing else changes: on valid and
/// malformed input (every kind of issue Firely's strict mode reports, and every FHIR document of the shared fixtures and
/// the samples), the issues reported are Firely's strict mode's without PVAL124, at the same paths, and the resource read
/// is the same. And <see cref="FhirJson.TryReadPlain"/> (the CDS Hooks prefetch's quick read: a structural check of our
/// own, then Firely without its validator) gives a resource only when a read with <see cref="FhirJson.ReadSettings"/>
/// (narrative not validated, as on the hook path) reports no issue at all, and then the same resource; on every other
/// input the caller reads the full way, so its issues and paths are ReadSettings' own.
/// </summary>
public sealed class ReadSettingsTests
{
    private static readonly FhirJsonDeserializer OursWithoutNarrative = new(FhirJson.ReadSettings with { NarrativeValidation = NarrativeValidationKind.None });
    private static readonly FhirJsonDeserializer FirelyWithoutValidator = new(new DeserializerSettings { Validator = null }.UsingMode(DeserializationMode.Strict));
    private readonly ITestOutputHelper output;

    public ReadSettingsTests(ITestOutputHelper output)
    {
        this.output = output;
    }

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
        { "resourceType not written first (valid)", "{\"id\":\"c\",\"resourceType\":\"Condition\"," + Subject + "}" },
        { "resource with only a resourceType", "{\"resourceType\":\"Patient\"}" },
        { "resourceType repeated", "{\"resourceType\":\"Patient\",\"resourceType\":\"Patient\",\"id\":\"p\"}" },
        { "resourceType a number", "{\"resourceType\":5,\"id\":\"p\"}" },
        { "escaped element name (valid)", "{\"resourceType\":\"Patient\",\"\\u0069d\":\"p\"}" },
        { "escaped code of a required value set (valid)", "{\"resourceType\":\"Bundle\",\"type\":\"searchse\\u0074\"}" },
        { "code of a required value set wrongly cased", "{\"resourceType\":\"Bundle\",\"type\":\"Searchset\"}" },
        { "entry search mode outside its value set", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"},\"search\":{\"mode\":\"hit\"}}]}" },
        { "searchset with entries (valid)", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"link\":[{\"relation\":\"self\",\"url\":\"http://x/Condition?patient=p\"}],\"entry\":[{\"fullUrl\":\"http://x/Condition/c\",\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2020-03-01\"," + Subject + "},\"search\":{\"mode\":\"match\"}}]}" },
        { "Quantity comparator outside its value set", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueQuantity\":{\"value\":1,\"comparator\":\"==\"}}" },
        { "positiveInt zero", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valuePositiveInt\":0}]}" },
        { "positiveInt one (valid)", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valuePositiveInt\":1}]}" },
        { "unsignedInt zero (valid)", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueUnsignedInt\":0}]}" },
        { "integer beyond 32 bits", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueInteger\":3000000000}]}" },
        { "integer with an exponent", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueInteger\":1e2}]}" },
        { "integer written with a fraction of zero", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueInteger\":1.0}]}" },
        { "integer minus zero", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueInteger\":-0}]}" },
        { "string for a positiveInt", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valuePositiveInt\":\"1\"}]}" },
        { "boolean for a decimal", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueQuantity\":{\"value\":true}}" },
        { "decimal with an exponent", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"valueQuantity\":{\"value\":1.5e1}}" },
        { "base64 (valid)", "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":\"aGVsbG8=\"}" },
        { "base64 with a space", "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":\"aGVs bG8=\"}" },
        { "base64 without padding", "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":\"aGVsbG8\"}" },
        { "base64 empty", "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":\"\"}" },
        { "base64 with a number", "{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":12}" },
        { "choice of a complex type (valid)", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueReference\":{\"reference\":\"Patient/p\"}}]}" },
        { "choice of a complex type wrongly cased", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valuereference\":{\"reference\":\"Patient/p\"}}]}" },
        { "choice with a lower-case type", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valuestring\":\"x\"}]}" },
        { "primitive extension (valid)", "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":{\"extension\":[{\"url\":\"http://x\",\"valueCode\":\"unknown\"}]}}" },
        { "primitive extension with its value", "{\"resourceType\":\"Patient\",\"_birthDate\":{\"value\":\"2020\"}}" },
        { "primitive extension null", "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":null}" },
        { "primitive extension empty", "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":{}}" },
        { "primitive extension an array", "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":[{\"id\":\"x\"}]}" },
        { "primitive extension with an unknown element", "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":{\"foo\":\"x\"}}" },
        { "primitive extension with a number for its id", "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":{\"id\":5}}" },
        { "primitive extension on a repeating element (valid)", "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"a\",\"b\"],\"_given\":[null,{\"id\":\"x\"}]}]}" },
        { "primitive extension on a choice (valid)", "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"http://x\",\"valueString\":\"x\",\"_valueString\":{\"id\":\"y\"}}]}" },
        { "mandatory element only as a primitive extension", "{\"resourceType\":\"Patient\",\"extension\":[{\"_url\":{\"id\":\"u\"},\"valueString\":\"x\"}]}" },
        { "unknown element on a primitive-named element", "{\"resourceType\":\"Patient\",\"_foo\":{\"id\":\"x\"}}" },
        { "underscore alone", "{\"resourceType\":\"Patient\",\"_\":{\"id\":\"x\"}}" },
        { "nested contained in a bundle entry", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"contained\":[{\"resourceType\":\"Condition\",\"id\":\"a\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"b\"}]," + Subject + "}]," + Subject + "}}]}" },
        { "contained resource (valid)", "{\"resourceType\":\"Condition\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"b\"}],\"subject\":{\"reference\":\"#b\"}}" },
        { "contained resource without a type", "{\"resourceType\":\"Condition\",\"contained\":[{\"id\":\"b\"}]," + Subject + "}" },
        { "bundle entry resource an array", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":[{\"resourceType\":\"Patient\",\"id\":\"p\"}]}]}" },
        { "narrative (valid)", "{\"resourceType\":\"Condition\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}," + Subject + "}" },
        { "narrative status outside its value set", "{\"resourceType\":\"Condition\",\"text\":{\"status\":\"made-up\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}," + Subject + "}" },
        { "narrative without its div", "{\"resourceType\":\"Condition\",\"text\":{\"status\":\"generated\"}," + Subject + "}" },
        { "element id a number", "{\"resourceType\":\"Condition\",\"code\":{\"id\":1,\"text\":\"x\"}," + Subject + "}" },
        { "element id (valid)", "{\"resourceType\":\"Condition\",\"code\":{\"id\":\"c1\",\"text\":\"x\"}," + Subject + "}" },
        { "backbone element missing its mandatory element", "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"component\":[{\"valueString\":\"x\"}]}" },
        { "empty string in an array", "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"\"]}]}" },
        { "array in an array of primitives", "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[[\"a\"]]}]}" },
        { "modifierExtension (valid)", "{\"resourceType\":\"Condition\",\"modifierExtension\":[{\"url\":\"http://x\",\"valueBoolean\":true}]," + Subject + "}" },
        { "fhir_comments", "{\"resourceType\":\"Condition\",\"fhir_comments\":[\"x\"]," + Subject + "}" },
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

    [Theory]
    [MemberData(nameof(Malformed))]
    public void The_plain_read_gives_a_resource_only_when_ReadSettings_reports_no_issue_and_then_the_same_resource(string what, string json)
    {
        AssertPlainReadAgrees(what, json);
    }

    [Fact]
    public void The_plain_read_declines_every_malformed_input_that_Firely_without_its_validator_would_read_without_an_issue()
    {
        // Without the structural check, Firely without its validator would read these silently: the check is what refuses them.
        var caughtByTheCheck = new List<string>();
        foreach (var row in Malformed)
        {
            var (what, json) = ((string)row[0], (string)row[1]);
            var (read, clean) = AssertPlainReadAgrees(what, json);
            FirelyWithoutValidator.TryDeserializeResource(json, out var unvalidated, out var unvalidatedIssues);
            if (!clean && unvalidated is not null && !unvalidatedIssues.Any())
            {
                Assert.False(read, what);
                caughtByTheCheck.Add(what);
            }
        }

        output.WriteLine(FormattableString.Invariant($"{caughtByTheCheck.Count} malformed inputs caught by the structural check alone: {string.Join("; ", caughtByTheCheck)}"));
        Assert.True(caughtByTheCheck.Count >= 50, FormattableString.Invariant($"only {caughtByTheCheck.Count}"));
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("searchset with entries (valid)")]
    [InlineData("positiveInt one (valid)")]
    [InlineData("unsignedInt zero (valid)")]
    [InlineData("base64 (valid)")]
    [InlineData("choice of a complex type (valid)")]
    [InlineData("primitive extension (valid)")]
    [InlineData("contained resource (valid)")]
    [InlineData("narrative (valid)")]
    [InlineData("element id (valid)")]
    [InlineData("modifierExtension (valid)")]
    public void The_plain_read_reads_well_formed_resources(string what)
    {
        var json = (string)Malformed.Single(row => (string)row[0] == what)[1];

        var (read, clean) = AssertPlainReadAgrees(what, json);

        Assert.True(clean, what);
        Assert.True(read, what);
    }

    [Fact]
    public void The_plain_read_agrees_with_ReadSettings_on_every_FHIR_document_of_the_shared_fixtures_and_samples_and_reads_every_sample_bundle()
    {
        var files = Directory.EnumerateFiles(Repo.SharedFhirFixtures, "*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repo.SampleBundles, "*.json", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var (documents, clean, plain) = (0, 0, 0);
        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            if (!json.Contains("\"resourceType\"", StringComparison.Ordinal))
            {
                continue;
            }

            var (read, isClean) = AssertPlainReadAgrees(file, json);
            documents++;
            clean += isClean ? 1 : 0;
            plain += read ? 1 : 0;
            if (isClean && !read)
            {
                output.WriteLine("declined (read the full way): " + Path.GetFileName(file));
            }
            if (isClean && Path.GetDirectoryName(file) == Repo.SampleBundles)
            {
                Assert.True(read, file + ": a sample bundle is not read the plain way");
            }
        }

        output.WriteLine(FormattableString.Invariant($"{documents} FHIR documents: {clean} read by ReadSettings without an issue, {plain} of them by the plain read"));
        Assert.True(documents >= 100, FormattableString.Invariant($"only {documents} FHIR documents found"));
        Assert.True(plain > 0);
    }

    [Fact]
    public void The_plain_read_agrees_with_ReadSettings_on_thousands_of_random_one_change_mutations_of_the_sample_bundles()
    {
        // One change at a random place of a sample bundle (seeded: the same mutations every run): a name renamed or
        // re-cased, a value replaced by another JSON type, null, an empty object or array, a blank or unknown code, a
        // negative or zero number, a property removed, a value wrapped in or taken out of an array.
        var random = new Random(11);
        var sources = Directory.EnumerateFiles(Repo.SampleBundles, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f)).Where(j => j.Contains("\"resourceType\"", StringComparison.Ordinal)).ToArray();
        var (mutations, refused, read) = (0, 0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(sources[random.Next(sources.Length)])!;
            var nodes = new List<System.Text.Json.Nodes.JsonNode>();
            Collect(root, nodes);
            var target = nodes[random.Next(nodes.Count)];
            if (!Mutate(target, random))
            {
                continue;
            }

            var json = root.ToJsonString();
            var (plain, clean) = AssertPlainReadAgrees("mutation " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + json, json);
            mutations++;
            refused += clean ? 0 : 1;
            read += plain ? 1 : 0;
        }

        output.WriteLine(FormattableString.Invariant($"{mutations} mutations: {refused} with an issue for ReadSettings (none read the plain way), {read} read the plain way; Firely threw on {ReadSettingsThrew.Count}, first: {ReadSettingsThrew.FirstOrDefault()}"));
        Assert.True(refused >= mutations / 3, FormattableString.Invariant($"only {refused} of {mutations} mutations malformed"));
        Assert.True(read > 0);
    }

    private static void Collect(System.Text.Json.Nodes.JsonNode node, List<System.Text.Json.Nodes.JsonNode> nodes)
    {
        if (node.Parent is not null)
        {
            nodes.Add(node);
        }

        if (node is System.Text.Json.Nodes.JsonObject o)
        {
            foreach (var property in o.ToArray())
            {
                if (property.Value is not null)
                {
                    Collect(property.Value, nodes);
                }
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray a)
        {
            foreach (var item in a.ToArray())
            {
                if (item is not null)
                {
                    Collect(item, nodes);
                }
            }
        }
    }

    private static bool Mutate(System.Text.Json.Nodes.JsonNode target, Random random)
    {
        System.Text.Json.Nodes.JsonNode? replacement = random.Next(16) switch
        {
            0 => null,
            1 => System.Text.Json.Nodes.JsonValue.Create(5),
            2 => System.Text.Json.Nodes.JsonValue.Create(1.5m),
            3 => System.Text.Json.Nodes.JsonValue.Create(true),
            4 => System.Text.Json.Nodes.JsonValue.Create("x"),
            5 => System.Text.Json.Nodes.JsonValue.Create(" "),
            6 => new System.Text.Json.Nodes.JsonObject(),
            7 => new System.Text.Json.Nodes.JsonArray(),
            8 => System.Text.Json.Nodes.JsonValue.Create(0),
            9 => System.Text.Json.Nodes.JsonValue.Create(-1),
            10 => new System.Text.Json.Nodes.JsonArray(target.DeepClone()),
            11 when target is System.Text.Json.Nodes.JsonArray { Count: > 0 } array => array[0]?.DeepClone(),
            12 => new System.Text.Json.Nodes.JsonObject { ["id"] = "x" },
            _ => target.DeepClone(), // 13-15: the name instead of the value (below)
        };
        if (target.Parent is System.Text.Json.Nodes.JsonObject parent)
        {
            var name = target.GetPropertyName();
            var kind = random.Next(5);
            if (kind == 0)
            {
                parent.Remove(name);
                return true;
            }

            if (kind == 1 && name.Length > 1)
            {
                // Renamed: re-cased, suffixed, or prefixed with an underscore.
                var renamed = random.Next(3) switch
                {
                    0 => (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name.Substring(1),
                    1 => name + "x",
                    _ => "_" + name,
                };
                if (parent.ContainsKey(renamed))
                {
                    return false;
                }

                var value = target.DeepClone();
                parent.Remove(name);
                parent[renamed] = value;
                return true;
            }

            parent[name] = replacement;
            return true;
        }

        if (target.Parent is System.Text.Json.Nodes.JsonArray list)
        {
            list[list.IndexOf(target)] = replacement;
            return true;
        }

        return false;
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> ReadSettingsThrew = new();

    private static (bool Read, bool Clean) AssertPlainReadAgrees(string what, string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        try
        {
            FhirJson.CheckText(utf8);
        }
        catch (FhirInputException)
        {
            return (false, false); // refused before any reader sees it, on either path
        }

        var read = FhirJson.TryReadPlain(utf8, out var plain);
        Resource? expected;
        IEnumerable<CodedException> issues;
        try
        {
            OursWithoutNarrative.TryDeserializeResource(json, out expected, out issues);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            // Firely itself throws on a few malformed inputs (FhirJson.ParseResource refuses them before it reads).
            Assert.False(read, what + ": read the plain way, but ReadSettings throws " + e.GetType().Name);
            ReadSettingsThrew.Add(what);
            return (false, false);
        }

        var found = Issues(issues);
        var clean = expected is not null && found.Count == 0;
        if (read)
        {
            Assert.True(clean, what + ": read the plain way, but ReadSettings reports [" + string.Join(", ", found) + "]");
            Assert.Equal(Serialize(expected), Serialize(plain));
        }

        return (read, clean);
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
