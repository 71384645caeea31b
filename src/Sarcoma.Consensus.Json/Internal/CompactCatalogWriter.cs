using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Writes the catalogue a compact report refers to (<see cref="ReportJson.CompactCatalog(string)"/>): its identity
/// (<c>compactCatalogHash</c>, as in every compact report written against it), the key table (<c>keys</c>: the code of
/// key <c>n</c> is item <c>n</c>), the argument and finding defaults by code, and the message templates by code.
/// </summary>
internal static class CompactCatalogWriter
{
    private const string ResourcePrefix = "Wording/";

    public static string Write(string language)
    {
        if (language is null)
        {
            throw new ArgumentNullException(nameof(language));
        }

        if (!MessageCatalog.Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No wording ships for the language '{language}'; available: {string.Join(", ", MessageCatalog.Languages)}.", nameof(language));
        }

        var templates = Templates("en");
        if (language != "en")
        {
            foreach (var pair in Templates(language))
            {
                templates[pair.Key] = pair.Value;
            }
        }

        return JsonOutput.ToText(JsonLayout.Indented, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("libraryVersion", LibraryVersion());
            writer.WriteString("catalogHash", ReportProvenanceHash());
            writer.WriteString("compactCatalogHash", MessageKeys.Hash);
            writer.WriteString("language", language);
            writer.WriteStartArray("keys");
            foreach (var code in MessageKeys.Codes)
            {
                writer.WriteStringValue(code);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("arguments");
            foreach (var pair in FindingDefaults.AllArguments.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(pair.Key);
                foreach (var argument in pair.Value)
                {
                    writer.WritePropertyName(argument.Name);
                    argument.Value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("findings");
            foreach (var pair in FindingDefaults.All.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(pair.Key);
                Default(writer, "fact", pair.Value.Fact);
                Default(writer, "value", pair.Value.Value);
                Default(writer, "comparison", pair.Value.Comparison);
                Default(writer, "threshold", pair.Value.Threshold);
                Default(writer, "source", pair.Value.Source);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("messages");
            foreach (var pair in templates.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static void Default(System.Text.Json.Utf8JsonWriter writer, string name, FindingDefaults.Default value)
    {
        if (value.IsSet)
        {
            writer.WriteString(name, value.Value);
        }
    }

    // The templates as shipped (Wording/<language>/*.messages in the core assembly, one "code = template" per line).
    private static Dictionary<string, string> Templates(string language)
    {
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(MessageCatalog).Assembly;
        var prefix = ResourcePrefix + language + "/";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                var equals = line.IndexOf(" = ", StringComparison.Ordinal);
                if (line.Length == 0 || line[0] == '#' || equals <= 0)
                {
                    continue;
                }

                templates[line.Substring(0, equals).Trim()] = line.Substring(equals + 3);
            }
        }

        return templates;
    }

    // The hash is only exposed on a report's provenance: that of an empty record's report (evaluated once per call; the
    // document is written rarely).
    private static string ReportProvenanceHash() =>
        ConsensusEngine.Default.Evaluate(Model.Patient.Builder().Build(), NodaTime.LocalDate.FromDateTime(new DateTime(2000, 1, 1))).Provenance.CatalogHash;

    private static string LibraryVersion()
    {
        var assembly = typeof(ReportProvenance).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
