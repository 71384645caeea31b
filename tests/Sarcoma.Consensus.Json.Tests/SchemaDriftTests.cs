using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.Json.Internal;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// The schemas are written by hand; these tests fail as soon as they drift from the reader, the writer or the model.
/// (The report schema is closed, so validating every sample report also catches a property added or removed.)
/// </summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public void Patient_schema_declares_exactly_the_fact_names()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PatientSchemaPath));
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        CollectSchemaPaths(schema.RootElement, schema.RootElement, string.Empty, declared);

        var facts = typeof(FactNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Where(f => f != FactNames.AsOf);
        var containers = new[] { "primary", "metastases.diffuse", "staging", "clinical", "treatment", "liverSurgery", "focalTherapyContraindications", "originUncertainty" };
        var expected = new SortedSet<string>(facts.Concat(containers).Concat(new[] { "$schema", "label" }), StringComparer.Ordinal);
        Assert.True(
            expected.SetEquals(declared),
            "Fact names missing from the schema: " + string.Join(", ", expected.Except(declared)) + "; declared but not fact names: " + string.Join(", ", declared.Except(expected)));
    }

    [Fact]
    public void Patient_schema_is_closed_everywhere()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PatientSchemaPath));
        foreach (var (path, node) in ObjectSchemas(schema.RootElement, "#"))
        {
            Assert.True(
                node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False,
                path + " declares properties but does not set additionalProperties to false");
        }
    }

    [Fact]
    public void Report_schema_is_closed_and_requires_every_property_but_the_batch_line()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.ReportSchemaPath));
        foreach (var (path, node) in ObjectSchemas(schema.RootElement, "#"))
        {
            Assert.True(node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False, path + " is not closed");
            var declared = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
            var required = node.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToArray();

            // The batch input line is the one property written only in a batch.
            Assert.Equal(path == "#" ? declared.Where(n => n != "line") : declared, required);
        }
    }

    [Fact]
    public void Batch_rejection_schema_is_closed_and_requires_every_property()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.BatchRejectionSchemaPath));
        Assert.NotEmpty(ObjectSchemas(schema.RootElement, "#"));
        foreach (var (path, node) in ObjectSchemas(schema.RootElement, "#"))
        {
            Assert.True(node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False, path + " is not closed");
            Assert.Equal(node.GetProperty("properties").EnumerateObject().Select(p => p.Name), node.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact]
    public void Patient_schema_codes_are_the_reader_codes()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PatientSchemaPath));
        var root = schema.RootElement;
        var properties = root.GetProperty("properties");
        var lesion = root.GetProperty("$defs").GetProperty("lesion").GetProperty("properties");
        Assert.Equal(Codes.PrimarySite.Codes, Enum(properties.GetProperty("primary").GetProperty("properties").GetProperty("site")));
        Assert.Equal(Codes.MetastaticSite.Codes, Enum(lesion.GetProperty("site")));
        Assert.Equal(Codes.LiverLobe.Codes, Enum(lesion.GetProperty("lobe")));
        Assert.Equal(Codes.TreatmentResponse.Codes, Enum(properties.GetProperty("treatment").GetProperty("properties").GetProperty("systemicTherapyResponse")));
        Assert.Equal(
            Codes.ResectionMargin.Codes,
            Enum(properties.GetProperty("treatment").GetProperty("properties").GetProperty("liverResections").GetProperty("items").GetProperty("properties").GetProperty("margin")));

        var histology = properties.GetProperty("primary").GetProperty("properties").GetProperty("histology").GetProperty("anyOf");
        Assert.Equal(Histology.All.Select(h => h.Code), Enum(histology[1]));
        Assert.Equal(HistologyNamePattern(), histology[2].GetProperty("pattern").GetString());
        Assert.Equal("^[89][0-9]{3}/[012369]$", histology[3].GetProperty("pattern").GetString());
        Assert.Equal("^8936/[0-9]$", histology[4].GetProperty("pattern").GetString());
        Assert.Equal("^[1-9][0-9]{2,14}[01]0[0-9]$", histology[5].GetProperty("pattern").GetString());
    }

    // Every named histology's code and name, case-insensitively: [Ll][Ee]… since ECMA-262 patterns have no (?i).
    private static string HistologyNamePattern()
    {
        var alternatives = Histology.All.Select(h => h.Code).Concat(Histology.All.Select(h => h.Name))
            .Select(text => string.Concat(text.Select(c => char.IsLetter(c)
                ? "[" + char.ToUpperInvariant(c) + char.ToLowerInvariant(c) + "]"
                : "\\^$.|?*+()[]{}/".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString())))
            .Distinct(StringComparer.Ordinal);
        return "^(?:" + string.Join("|", alternatives) + ")$";
    }

    [Fact]
    public void Every_enum_member_has_a_code()
    {
        Assert.Equal(System.Enum.GetValues<PrimarySite>().Length, Codes.PrimarySite.Codes.Count);
        Assert.Equal(System.Enum.GetValues<HistologicGrade>().Length, Codes.Grade.Codes.Count);
        Assert.Equal(System.Enum.GetValues<MetastaticSite>().Length, Codes.MetastaticSite.Codes.Count);
        Assert.Equal(System.Enum.GetValues<LiverLobe>().Length, Codes.LiverLobe.Codes.Count);
        Assert.Equal(System.Enum.GetValues<TreatmentResponse>().Length, Codes.TreatmentResponse.Codes.Count);
        Assert.Equal(System.Enum.GetValues<ResectionMargin>().Length, Codes.ResectionMargin.Codes.Count);
        Assert.Equal(System.Enum.GetValues<Timing.MetastasisTiming>().Length, Codes.Timing.Codes.Count);
        Assert.Equal(System.Enum.GetValues<Oligometastasis.TriState>().Length, Codes.TriState.Codes.Count);
        Assert.Equal(System.Enum.GetValues<Catalog.RecommendationKind>().Length, Codes.Kind.Codes.Count);
        Assert.Equal(System.Enum.GetValues<Catalog.RecommendationDirection>().Length, Codes.Direction.Codes.Count);
        Assert.Equal(System.Enum.GetValues<Imaging.ImagingModality>().Length, Codes.ImagingModality.Codes.Count);
        Assert.Equal(System.Enum.GetValues<FocalTherapy.FocalTherapyContraindicationStatus>().Length, Codes.ContraindicationStatus.Codes.Count);
        Assert.Equal(System.Enum.GetValues<FocalTherapy.ContraindicationSeverity>().Length, Codes.Severity.Codes.Count);
        Assert.Equal(System.Enum.GetValues<FocalTherapy.FocalTherapyModalityGroup>().Length, Codes.ModalityGroup.Codes.Count);
        Assert.Equal(System.Enum.GetValues<FollowUp.FollowUpPhase>().Length, Codes.FollowUpPhase.Codes.Count);
        Assert.Equal(System.Enum.GetValues<FollowUp.FollowUpExamination>().Length, Codes.FollowUpExamination.Codes.Count);
        Assert.Equal(System.Enum.GetValues<FollowUp.FollowUpVisitStanding>().Length, Codes.VisitStanding.Codes.Count);
    }

    [Fact]
    public void Schemas_are_draft_2020_12_and_identify_themselves()
    {
        foreach (var file in new[] { RepositoryFiles.PatientSchemaPath, RepositoryFiles.ReportSchemaPath, RepositoryFiles.CompactReportSchemaPath, RepositoryFiles.BatchRejectionSchemaPath })
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
            Assert.EndsWith("/docs/schema/" + Path.GetFileName(file), schema.RootElement.GetProperty("$id").GetString(), StringComparison.Ordinal);
        }
    }

    private static string[] Enum(JsonElement node) =>
        node.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray();

    // Every schema node that declares "properties", with a JSON-pointer-like location.
    internal static IEnumerable<(string Path, JsonElement Node)> ObjectSchemas(JsonElement node, string path)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                // An "if" or "then" subschema only constrains properties declared elsewhere.
                if (!path.EndsWith("/if", StringComparison.Ordinal) && !path.EndsWith("/then", StringComparison.Ordinal))
                {
                    yield return (path, node);
                }
            }

            foreach (var property in node.EnumerateObject())
            {
                foreach (var found in ObjectSchemas(property.Value, path + "/" + property.Name))
                {
                    yield return found;
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray())
            {
                foreach (var found in ObjectSchemas(item, path + "/" + i++))
                {
                    yield return found;
                }
            }
        }
    }

    // Walks "properties", "items" and local "$ref"s, collecting document paths in the FactNames form.
    internal static void CollectSchemaPaths(JsonElement root, JsonElement node, string path, ISet<string> paths)
    {
        if (node.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            CollectSchemaPaths(root, target, path, paths);
        }

        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : path + "." + property.Name;
                paths.Add(child);
                CollectSchemaPaths(root, property.Value, child, paths);
            }
        }

        if (node.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object &&
            (items.TryGetProperty("properties", out _) || items.TryGetProperty("$ref", out _)))
        {
            CollectSchemaPaths(root, items, path + "[]", paths);
        }
    }
}
