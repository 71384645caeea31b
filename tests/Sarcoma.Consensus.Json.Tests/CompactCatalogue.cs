using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// What a consumer of the compact layout does: reads a compact report with the compact catalogue
/// (<see cref="ReportJson.CompactCatalog(string)"/>) and rebuilds each recommendation's findings, summary, cautions and
/// rationale as the full layout writes them — using only the two JSON documents and a <see cref="MessageCatalog"/>.
/// </summary>
internal sealed class CompactCatalogue
{
    private readonly Dictionary<string, JsonElement> defaults;
    private readonly Dictionary<string, JsonElement> argumentDefaults;
    private readonly string[] keys;

    public CompactCatalogue(string catalogueJson)
    {
        using var document = JsonDocument.Parse(catalogueJson);
        var root = document.RootElement;
        defaults = root.GetProperty("findings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        argumentDefaults = root.GetProperty("arguments").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        keys = root.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToArray();
        MessageCodes = root.GetProperty("messages").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Hash = root.GetProperty("compactCatalogHash").GetString()!;
    }

    public static CompactCatalogue English { get; } = new(ReportJson.CompactCatalog());

    public ISet<string> MessageCodes { get; }

    /// <summary>Gets the identity of the key table and defaults, which a report decoded with this catalogue must carry.</summary>
    public string Hash { get; }

    /// <summary>Gets the codes by key.</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>The patients whose reports the compact layout is checked on: the samples, the drift vignettes and a complete record.</summary>
    public static IEnumerable<(string Name, Patient Patient, string? Label)> Patients()
    {
        foreach (var file in RepositoryFiles.SampleFiles)
        {
            var document = PatientJson.ParseDocument(File.ReadAllText(file));
            yield return (Path.GetFileName(file), document.Patient, document.Label);
        }

        var number = 0;
        foreach (var patient in DriftVignettes.Patients())
        {
            yield return ("vignette " + ++number, patient, null);
        }

        yield return ("complete record", PatientJsonWriteTests.Complete(), null);
    }

    /// <summary>Rebuilds the full layout's recommendation results (the patient-specific properties) from a compact report.</summary>
    /// <exception cref="InvalidOperationException">The report was written against another compact catalogue.</exception>
    public JsonArray Rebuild(JsonElement compact)
    {
        var written = compact.GetProperty("compactCatalogHash").GetString();
        if (written != Hash)
        {
            throw new InvalidOperationException("The report was written against another compact catalogue (" + written + "), not " + Hash + ".");
        }

        var shared = new List<Message>();
        if (compact.TryGetProperty("messages", out var table))
        {
            foreach (var entry in table.EnumerateArray())
            {
                // Each shared message refers only to earlier ones.
                shared.Add(ReadMessage(entry, shared));
            }
        }

        var findings = compact.TryGetProperty("findings", out var findingTable)
            ? findingTable.EnumerateArray().Select(f => ReadFinding(f, shared)).ToArray()
            : Array.Empty<JsonObject>();
        var facts = compact.TryGetProperty("facts", out var factTable)
            ? factTable.EnumerateArray().Select(f => f.GetString()!).ToArray()
            : Array.Empty<string>();
        var results = new JsonArray();
        foreach (var property in compact.GetProperty("recommendations").EnumerateObject())
        {
            var id = property.Name;
            var result = property.Value;
            var status = result.GetProperty("st").GetString()!;
            var summaryMessage = result.TryGetProperty("su", out var su) ? ReadUse(su, shared) : new Message(id + "." + status);
            var summary = MessageCatalog.English.Render(summaryMessage);
            var ownFindings = Items(result, "fi").Select(i => (JsonObject)findings[i.GetInt32()].DeepClone()).ToArray();
            var cautions = Items(result, "ca").Select(c => MessageCatalog.English.Render(ReadUse(c, shared))).ToArray();
            var rationale = new[] { summary }.Concat(ownFindings.Select(f => (string)f["sentence"]!)).Concat(cautions);
            results.Add(new JsonObject
            {
                ["id"] = id,
                ["consensus"] = result.GetProperty("co").GetString(),
                ["status"] = status,
                ["summary"] = summary,
                ["flags"] = new JsonArray(Items(result, "fl").Select(f => (JsonNode?)f.GetString()).ToArray()),
                ["rationale"] = new JsonArray(rationale.Select(s => (JsonNode?)s).ToArray()),
                ["findings"] = new JsonArray(ownFindings.Cast<JsonNode?>().ToArray()),
                ["cautions"] = new JsonArray(cautions.Select(s => (JsonNode?)s).ToArray()),
                ["missing"] = new JsonArray(Items(result, "mi").Select(i => (JsonNode?)facts[i.GetInt32()]).ToArray()),
            });
        }

        return results;
    }

    /// <summary>The same properties of the full layout's results, for comparison.</summary>
    public static JsonArray Select(JsonElement full)
    {
        var names = new[] { "id", "consensus", "status", "summary", "flags", "rationale", "findings", "cautions", "missing" };
        var results = new JsonArray();
        foreach (var result in full.GetProperty("recommendations").EnumerateArray())
        {
            var selected = new JsonObject();
            foreach (var name in names)
            {
                selected[name] = JsonNode.Parse(result.GetProperty(name).GetRawText());
            }

            results.Add(selected);
        }

        return results;
    }

    // A finding: [key, {arguments}, {fact, value, comparison, threshold, source where they differ from the defaults}].
    private JsonObject ReadFinding(JsonElement finding, List<Message> shared)
    {
        var message = ReadMessage(finding, shared);
        var differences = finding.GetArrayLength() > 2 ? finding[2] : default;
        defaults.TryGetValue(message.Code, out var byDefault);
        return new JsonObject
        {
            ["fact"] = Field(differences, byDefault, "fact"),
            ["value"] = Value(differences, byDefault, message),
            ["comparison"] = Field(differences, byDefault, "comparison"),
            ["threshold"] = Field(differences, byDefault, "threshold"),
            ["source"] = Field(differences, byDefault, "source"),
            ["sentence"] = MessageCatalog.English.Render(message),
        };
    }

    // Written in the finding (null included), else the catalogue's default for the code, else none.
    private static string? Field(JsonElement differences, JsonElement byDefault, string name) =>
        differences.ValueKind == JsonValueKind.Object && differences.TryGetProperty(name, out var value) ? value.GetString()
        : byDefault.ValueKind == JsonValueKind.Object && byDefault.TryGetProperty(name, out var d) ? d.GetString()
        : null;

    // A default value {name} is the text of the message's argument name (numbers invariant, yes/no for booleans).
    private static string? Value(JsonElement differences, JsonElement byDefault, Message message)
    {
        var value = Field(differences, byDefault, "value");
        if ((differences.ValueKind == JsonValueKind.Object && differences.TryGetProperty("value", out _)) || value is null || !value.StartsWith('{'))
        {
            return value;
        }

        return message.Arguments.Get(value[1..^1]) switch
        {
            bool flag => flag ? "yes" : "no",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            var text => (string)text!,
        };
    }

    // A message: [key or code, {arguments}]; an argument written null is absent, one not written is the code's default.
    private Message ReadMessage(JsonElement tuple, List<Message> shared)
    {
        var code = tuple[0].ValueKind == JsonValueKind.Number ? keys[tuple[0].GetInt32()] : tuple[0].GetString()!;
        var arguments = new List<(string, object?)>();
        var written = tuple.GetArrayLength() > 1 ? tuple[1] : default;
        if (written.ValueKind == JsonValueKind.Object)
        {
            foreach (var argument in written.EnumerateObject())
            {
                arguments.Add((argument.Name, argument.Value.ValueKind == JsonValueKind.Null ? null : ReadArgument(argument.Value, shared)));
            }
        }

        if (argumentDefaults.TryGetValue(code, out var byDefault))
        {
            foreach (var argument in byDefault.EnumerateObject())
            {
                if (written.ValueKind != JsonValueKind.Object || !written.TryGetProperty(argument.Name, out _))
                {
                    arguments.Add((argument.Name, ReadArgument(argument.Value, shared)));
                }
            }
        }

        return new Message(code, MessageArguments.Of(arguments.ToArray()));
    }

    // A use of a message: {"m": index} into the shared messages, or the message itself.
    private Message ReadUse(JsonElement use, List<Message> shared) =>
        use.ValueKind == JsonValueKind.Object ? shared[use.GetProperty("m").GetInt32()] : ReadMessage(use, shared);

    private object ReadArgument(JsonElement value, List<Message> shared) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetRawText().IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && value.TryGetInt32(out var whole)
            ? (object)whole
            : decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Object => ReadUse(value, shared),
        JsonValueKind.Array when IsMessage(value) => ReadMessage(value, shared),
        JsonValueKind.Array => value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(i => i.GetString()!).ToArray()
            : value.EnumerateArray().Select(i => ReadUse(i, shared)).ToArray(),
        _ => throw new InvalidOperationException("Unexpected argument " + value.ValueKind),
    };

    // An array argument is a message when it starts with a key, or with a code followed by its arguments object;
    // otherwise it is a list of texts or of messages.
    private static bool IsMessage(JsonElement array) =>
        array.GetArrayLength() > 0
        && (array[0].ValueKind == JsonValueKind.Number
            || (array[0].ValueKind == JsonValueKind.String && array.GetArrayLength() > 1 && array[1].ValueKind == JsonValueKind.Object));

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().ToArray() : Array.Empty<JsonElement>();

    /// <summary>The evaluation date of these tests.</summary>
    public static LocalDate AsOf { get; } = new(2026, 11, 26);
}
