using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// A number the model cannot hold exactly is an error naming the field, never silently rounded: rounding
/// 24.9999999999999999999999999999999999 to 25 turned an FLR below the 25% cutoff into "adequate". Every numeric
/// property of docs/schema/patient.schema.json is tried, so a field added to the schema cannot escape.
/// </summary>
public sealed class PatientJsonPrecisionTests
{
    /// <summary>Every numeric property of the patient schema: its error path, whether it is an integer, and a document builder.</summary>
    public static IReadOnlyList<NumericField> Fields { get; } = NumericField.FromSchema(File.ReadAllText(RepositoryFiles.PatientSchemaPath));

    public static TheoryData<string> FieldPaths()
    {
        var data = new TheoryData<string>();
        foreach (var field in Fields)
        {
            data.Add(field.Path);
        }

        return data;
    }

    [Fact]
    public void The_schema_walk_finds_every_numeric_field_the_reader_reads()
    {
        Assert.Equal(
            new[]
            {
                "clinical.asaClass", "clinical.ecog", "liverSurgery.futureLiverRemnantPercent", "metastases.lesions[0].segments[0]",
                "metastases.lesions[0].sizeMm", "primary.grade", "treatment.previousAbdominalSurgeries",
            },
            Fields.Select(f => f.Path).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(FieldPaths))]
    public void A_number_with_more_digits_than_a_decimal_holds_is_an_error_naming_the_field(string path)
    {
        var field = Fields.Single(f => f.Path == path);

        // Below 3 by 1e-34; a rounding reader would read exactly 3, in range for every field.
        AssertRejected(field, "2.9999999999999999999999999999999999", field.IsInteger ? field.IntegerWords : "digits");
        AssertRejected(field, "3.0000000000000000000000000000001", field.IsInteger ? field.IntegerWords : "digits");
    }

    [Theory]
    [MemberData(nameof(FieldPaths))]
    public void A_non_zero_number_too_small_for_a_decimal_is_an_error_not_zero(string path)
    {
        var field = Fields.Single(f => f.Path == path);

        AssertRejected(field, "1e-400", field.IsInteger ? field.IntegerWords : "too small");
        AssertRejected(field, "1E-29", field.IsInteger ? field.IntegerWords : "too small");
        AssertRejected(field, "3.00000000000000000000000000001", field.IsInteger ? field.IntegerWords : "digits");
        if (!field.IsInteger)
        {
            AssertRejected(field, "1.5e-28", "decimal place");
        }
    }

    [Theory]
    [MemberData(nameof(FieldPaths))]
    public void Numbers_too_large_are_still_rejected_by_name(string path)
    {
        var field = Fields.Single(f => f.Path == path);

        AssertRejected(field, "1e400", field.IsInteger ? field.IntegerWords : "must be a number");
        AssertRejected(field, "-1e400", field.IsInteger ? field.IntegerWords : "must be a number");
        AssertRejected(field, "123456789012345678901234567890123", field.IsInteger ? field.IntegerWords : "must be a number");
    }

    [Theory]
    [MemberData(nameof(FieldPaths))]
    public void Equal_numbers_written_differently_are_read_alike(string path)
    {
        var field = Fields.Single(f => f.Path == path);

        // Trailing zeros are exact, however many: 3.000…0 with 40 zeros is 3.
        var forms = new[] { "3", "3.0", "3e0", "3E+0", "0.3e1", "30e-1", "300e-2", "3.0000000000000000000000000000000000000000" };
        var expected = Write(field, "3");
        Assert.All(forms, form => Assert.Equal(expected, Write(field, form)));
        if (!field.IsInteger)
        {
            var decimals = new[] { "2.5", "2.50", "0.25e1", "25e-1", "2.500000000000000000000000000000", "2.5000000000000000000000000000000000000e0" };
            var two = Write(field, "2.5");
            Assert.All(decimals, form => Assert.Equal(two, Write(field, form)));

            // 28 significant digits and 28 decimal places are held exactly, not rounded.
            Assert.Equal(Write(field, "29.99999999999999999999999999e-1"), Write(field, "2.999999999999999999999999999"));
            Assert.NotEqual(Write(field, "3"), Write(field, "2.999999999999999999999999999"));
            Assert.Equal(Write(field, "1e-28"), Write(field, "0.0000000000000000000000000001"));
            Assert.NotEqual(Write(field, "2e-28"), Write(field, "0.0000000000000000000000000001"));
        }
    }

    [Fact]
    public void The_breaker_case_an_flr_just_below_25_percent_is_not_read_as_25()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(
            """{"liverSurgery":{"majorHepatectomyPlanned":true,"futureLiverRemnantPercent":24.9999999999999999999999999999999999}}"""));

        var error = Assert.Single(e.Errors);
        Assert.Equal("liverSurgery.futureLiverRemnantPercent", error.Field);
        Assert.Equal("has more digits than can be held exactly (at most 28 significant digits; trailing zeros do not count); it is not rounded.", error.Message);
    }

    private static void AssertRejected(NumericField field, string number, string expectedWords)
    {
        var json = field.Document(number);
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));

        var error = Assert.Single(e.Errors);
        Assert.Equal(field.Path, error.Field);
        Assert.Contains(expectedWords, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(number.TrimStart('-').Substring(0, Math.Min(4, number.TrimStart('-').Length)), error.Message, StringComparison.Ordinal);
    }

    private static string Write(NumericField field, string number) =>
        PatientJson.Serialize(PatientJson.Parse(field.Document(number)), JsonLayout.SingleLine);

    /// <summary>A numeric property found in the schema.</summary>
    public sealed record NumericField(string Path, bool IsInteger, IReadOnlyList<object> Steps, JsonObject Required)
    {
        /// <summary>Words of the error for a number that is not exactly a whole number (the grade names its three values).</summary>
        public string IntegerWords => Path == "primary.grade" ? "FNCLCC grade 1, 2 or 3" : "whole number";

        /// <summary>A patient document holding <paramref name="number"/> (JSON number text) at this field, with the required siblings.</summary>
        public string Document(string number)
        {
            JsonNode root = new JsonObject();
            var node = root;
            var marker = "\"__number__\"";
            for (var i = 0; i < Steps.Count; i++)
            {
                var last = i == Steps.Count - 1;
                JsonNode next = last ? JsonValue.Create("__number__")! : Steps[i + 1] is int ? new JsonArray() : new JsonObject();
                if (Steps[i] is string name)
                {
                    node.AsObject()[name] = next;
                }
                else
                {
                    node.AsArray().Add(next);
                }

                node = next;
                if (!last && Required.TryGetPropertyValue(string.Join("/", Steps.Take(i + 1)), out var siblings) && node is JsonObject o)
                {
                    foreach (var sibling in siblings!.AsObject())
                    {
                        o[sibling.Key] = sibling.Value!.DeepClone();
                    }
                }
            }

            return root.ToJsonString().Replace(marker, number, StringComparison.Ordinal);
        }

        /// <summary>Walks the schema: properties, array items and $ref into $defs; a required sibling gets its first enum value.</summary>
        public static IReadOnlyList<NumericField> FromSchema(string schemaJson)
        {
            using var schema = JsonDocument.Parse(schemaJson);
            var fields = new List<NumericField>();
            var required = new JsonObject();
            Walk(schema.RootElement, schema.RootElement, new List<object>(), fields, required);
            return fields;
        }

        private static void Walk(JsonElement root, JsonElement node, List<object> steps, List<NumericField> fields, JsonObject required)
        {
            node = Resolve(root, node);
            if (steps.Count > 0 && Numeric(root, node) is { } isInteger)
            {
                fields.Add(new NumericField(PathOf(steps), isInteger, steps.ToArray(), required));
                return;
            }

            if (node.TryGetProperty("properties", out var properties))
            {
                if (node.TryGetProperty("required", out var names) && steps.Count > 0)
                {
                    var siblings = new JsonObject();
                    foreach (var name in names.EnumerateArray().Select(n => n.GetString()!))
                    {
                        var property = Resolve(root, properties.GetProperty(name));
                        if (property.TryGetProperty("enum", out var values))
                        {
                            siblings[name] = JsonNode.Parse(values[0].GetRawText());
                        }
                    }

                    required[string.Join("/", steps)] = siblings;
                }

                foreach (var property in properties.EnumerateObject())
                {
                    Walk(root, property.Value, new List<object>(steps) { property.Name }, fields, required);
                }
            }

            if (node.TryGetProperty("items", out var items))
            {
                Walk(root, items, new List<object>(steps) { 0 }, fields, required);
            }
        }

        private static JsonElement Resolve(JsonElement root, JsonElement node)
        {
            while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
            {
                node = root;
                foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                {
                    node = node.GetProperty(part);
                }
            }

            return node;
        }

        /// <summary><see langword="true"/> for an integer, <see langword="false"/> for a number, null when not numeric.</summary>
        private static bool? Numeric(JsonElement root, JsonElement node)
        {
            if (node.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (node.TryGetProperty("type", out var type))
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray() : new[] { type.GetString() };
                if (types.Contains("integer"))
                {
                    return true;
                }

                if (types.Contains("number"))
                {
                    return false;
                }
            }

            // An enumeration of numbers (the grade: anyOf null, [1, 2, 3], ["g1", …]).
            if (node.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Number))
            {
                return values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).All(v => v.TryGetInt64(out _));
            }

            foreach (var keyword in new[] { "anyOf", "oneOf" })
            {
                if (node.TryGetProperty(keyword, out var branches) &&
                    branches.EnumerateArray().Select(b => Numeric(root, Resolve(root, b))).FirstOrDefault(n => n is not null) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static string PathOf(IEnumerable<object> steps) =>
            string.Concat(steps.Select((s, i) => s is int index ? $"[{index}]" : i == 0 ? (string)s : "." + s));
    }
}
