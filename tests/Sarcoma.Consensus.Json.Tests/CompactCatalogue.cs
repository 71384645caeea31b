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

    public CompactCatalogue(string catalogueJson)
    {
        using var document = JsonDocument.Parse(catalogueJson);
        defaults = document.RootElement.GetProperty("findings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        MessageCodes = document.RootElement.GetProperty("messages").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    public static CompactCatalogue English { get; } = new(ReportJson.CompactCatalog());

    public ISet<string> MessageCodes { get; }

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
    public JsonArray Rebuild(JsonElement compact)
    {
        var messages = new List<Message>();
        if (compact.TryGetProperty("messages", out var table))
        {
            foreach (var entry in table.EnumerateArray())
            {
                // Each message refers only to earlier ones.
                messages.Add(ReadMessage(entry, messages));
            }
        }

        var findings = compact.TryGetProperty("findings", out var findingTable)
            ? findingTable.EnumerateArray().Select(f => ReadFinding(f, messages)).ToArray()
            : Array.Empty<JsonObject>();
        var results = new JsonArray();
        foreach (var result in compact.GetProperty("recommendations").EnumerateArray())
        {
            var summary = MessageCatalog.English.Render(messages[result.GetProperty("summary").GetInt32()]);
            var ownFindings = Indices(result, "findings").Select(i => (JsonObject)findings[i].DeepClone()).ToArray();
            var cautions = Indices(result, "cautions").Select(i => MessageCatalog.English.Render(messages[i])).ToArray();
            var rationale = new[] { summary }.Concat(ownFindings.Select(f => (string)f["sentence"]!)).Concat(cautions);
            results.Add(new JsonObject
            {
                ["id"] = result.GetProperty("id").GetString(),
                ["consensus"] = result.GetProperty("consensus").GetString(),
                ["status"] = result.GetProperty("status").GetString(),
                ["summary"] = summary,
                ["flags"] = Strings(result, "flags"),
                ["rationale"] = new JsonArray(rationale.Select(s => (JsonNode?)s).ToArray()),
                ["findings"] = new JsonArray(ownFindings.Cast<JsonNode?>().ToArray()),
                ["cautions"] = new JsonArray(cautions.Select(s => (JsonNode?)s).ToArray()),
                ["missing"] = Strings(result, "missing"),
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

    private JsonObject ReadFinding(JsonElement finding, List<Message> messages)
    {
        var message = ReadMessage(finding, messages);
        defaults.TryGetValue(message.Code, out var byDefault);
        return new JsonObject
        {
            ["fact"] = Field(finding, byDefault, "fact"),
            ["value"] = Value(finding, byDefault, message),
            ["comparison"] = Field(finding, byDefault, "comparison"),
            ["threshold"] = Field(finding, byDefault, "threshold"),
            ["source"] = Field(finding, byDefault, "source"),
            ["sentence"] = MessageCatalog.English.Render(message),
        };
    }

    // Written in the finding (null included), else the catalogue's default for the code, else none.
    private static string? Field(JsonElement finding, JsonElement byDefault, string name) =>
        finding.TryGetProperty(name, out var value) ? value.GetString()
        : byDefault.ValueKind == JsonValueKind.Object && byDefault.TryGetProperty(name, out var d) ? d.GetString()
        : null;

    // A default value {name} is the text of the message's argument name (numbers invariant, yes/no for booleans).
    private static string? Value(JsonElement finding, JsonElement byDefault, Message message)
    {
        var value = Field(finding, byDefault, "value");
        if (finding.TryGetProperty("value", out _) || value is null || !value.StartsWith('{'))
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

    private static Message ReadMessage(JsonElement entry, List<Message> messages)
    {
        var arguments = new List<(string, object?)>();
        if (entry.TryGetProperty("arguments", out var list))
        {
            foreach (var argument in list.EnumerateObject())
            {
                arguments.Add((argument.Name, ReadArgument(argument.Value, messages)));
            }
        }

        return new Message(entry.GetProperty("code").GetString()!, MessageArguments.Of(arguments.ToArray()));
    }

    private static object ReadArgument(JsonElement value, List<Message> messages) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetRawText().IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && value.TryGetInt32(out var whole)
            ? (object)whole
            : decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.Object => messages[value.GetProperty("message").GetInt32()],
        JsonValueKind.Array => value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(i => i.GetString()!).ToArray()
            : value.EnumerateArray().Select(i => messages[i.GetProperty("message").GetInt32()]).ToArray(),
        _ => throw new InvalidOperationException("Unexpected argument " + value.ValueKind),
    };

    private static IEnumerable<int> Indices(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(i => i.GetInt32()).ToArray() : Array.Empty<int>();

    private static JsonArray Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? new JsonArray(array.EnumerateArray().Select(i => (JsonNode?)i.GetString()).ToArray()) : new JsonArray();

    /// <summary>The evaluation date of these tests.</summary>
    public static LocalDate AsOf { get; } = new(2026, 11, 26);
}
