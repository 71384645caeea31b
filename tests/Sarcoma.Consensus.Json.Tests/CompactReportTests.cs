using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json.Internal;
using Sarcoma.Consensus.Wording;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>The compact layout (issue #10 §4): decisions and reasons as data, wording and code-level data by reference.</summary>
public sealed class CompactReportTests
{
    /// <summary>
    /// The size target of issue #10 §4 for an in-scope report, in bytes, enforced for every sample's compact report
    /// (single line): 6.3–7.5 KB for the samples with messages by key, argument defaults, shared messages only in the
    /// table, missing facts by index and two-letter recommendation properties (11.3–15.4 KB before). A report over it fails.
    /// </summary>
    public const int TargetCompactBytes = 8 * 1024;

    private static readonly LocalDate AsOf = new(2026, 11, 26);
    private static readonly ReportJsonOptions Compact = ReportJsonOptions.CompactLine;

    private readonly ITestOutputHelper output;

    public CompactReportTests(ITestOutputHelper output) => this.output = output;

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Sample_compact_report_matches_the_compact_schema_in_both_formattings(string name)
    {
        var report = Evaluate(name);
        Schemas.AssertValid(Schemas.CompactReport, ReportJson.Serialize(report, Compact), name + " compact report");
        Schemas.AssertValid(Schemas.CompactReport, ReportJson.Serialize(report, Compact with { Formatting = JsonLayout.Indented, Label = "A case", LineNumber = 7 }), name + " indented compact report");
    }

    [Fact]
    public void Compact_reports_of_the_samples_are_within_the_8_KB_target()
    {
        var lines = new List<string>();
        var overTarget = new List<string>();
        foreach (var file in RepositoryFiles.SampleFiles)
        {
            var name = Path.GetFileName(file);
            var document = PatientJson.ParseDocument(File.ReadAllText(file));
            var report = ConsensusEngine.Default.Evaluate(document.Patient, AsOf);
            var full = ReportJson.SerializeToUtf8Bytes(report, ReportJsonOptions.Default.For(document) with { Formatting = JsonLayout.SingleLine }).Length;
            var compact = ReportJson.SerializeToUtf8Bytes(report, Compact.For(document)).Length;
            lines.Add(FormattableString.Invariant($"{name,-36} full {full,7} B   compact {compact,6} B   ({100.0 * compact / full:0.0} %)"));

            // Dropping the repeated catalogue wording and rationale, and writing each finding and message once by key,
            // keeps an in-scope compact report under a tenth of the full one, whatever the wording.
            Assert.True(report.Results.Count == 0 || compact * 100 < full * 10, name + ": the compact report is not under 10 % of the full one.\n" + string.Join("\n", lines));
            Assert.False(HasLiteralMessages(report), name + ": a message is still literal text.");
            if (compact > TargetCompactBytes)
            {
                overTarget.Add(name + " (" + compact + " B)");
            }
        }

        output.WriteLine(string.Join("\n", lines));
        Assert.True(overTarget.Count == 0, "Compact reports over the 8 KB target of issue #10 §4: " + string.Join(", ", overTarget) + "\n" + string.Join("\n", lines));
    }

    private static bool HasLiteralMessages(ConsensusReport report) =>
        report.Results.Any(r => r.SummaryMessage.IsLiteral || r.CautionMessages.Any(c => c.IsLiteral) || r.Findings.Any(f => f.Message.IsLiteral));

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Compact_and_full_layouts_carry_the_same_decisions(string name)
    {
        var report = Evaluate(name);
        using var full = JsonDocument.Parse(ReportJson.Serialize(report));
        using var compact = JsonDocument.Parse(ReportJson.Serialize(report, Compact));
        var fullResults = full.RootElement.GetProperty("recommendations").EnumerateArray().ToArray();
        var compactResults = compact.RootElement.GetProperty("recommendations").EnumerateObject().ToArray();
        var facts = compact.RootElement.TryGetProperty("facts", out var table) ? table.EnumerateArray().Select(f => f.GetString()).ToArray() : Array.Empty<string?>();
        Assert.Equal(fullResults.Length, compactResults.Length);
        for (var i = 0; i < fullResults.Length; i++)
        {
            var f = fullResults[i];
            var c = compactResults[i].Value;
            Assert.Equal(f.GetProperty("id").GetString(), compactResults[i].Name);
            Assert.Equal(f.GetProperty("status").GetString(), c.GetProperty("st").GetString());
            Assert.Equal(f.GetProperty("consensus").GetString(), c.GetProperty("co").GetString());
            Assert.Equal(Strings(f, "flags"), Strings(c, "fl"));
            Assert.Equal(Strings(f, "missing"), c.TryGetProperty("mi", out var missing) ? missing.EnumerateArray().Select(m => facts[m.GetInt32()]).ToArray() : Array.Empty<string?>());
            Assert.Equal(f.GetProperty("findings").GetArrayLength(), c.TryGetProperty("fi", out var findings) ? findings.GetArrayLength() : 0);
            Assert.Equal(f.GetProperty("cautions").GetArrayLength(), c.TryGetProperty("ca", out var cautions) ? cautions.GetArrayLength() : 0);
        }

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(full.RootElement.GetProperty("provenance").GetRawText()),
            System.Text.Json.Nodes.JsonNode.Parse(compact.RootElement.GetProperty("provenance").GetRawText())));
        Assert.Equal(full.RootElement.GetProperty("asOf").GetString(), compact.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Each_distinct_finding_and_shared_message_is_written_once_and_messages_refer_only_backwards()
    {
        var report = Evaluate("diffuse-peritoneal-disease.json");
        using var compact = JsonDocument.Parse(ReportJson.Serialize(report, Compact));
        var findings = compact.RootElement.GetProperty("findings").EnumerateArray().Select(t => t.GetRawText()).ToArray();
        var messages = compact.RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(findings.Length, findings.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(messages.Length, messages.Select(m => m.GetRawText()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(report.Results.SelectMany(r => r.Findings).Distinct().Count(), findings.Length);
        for (var i = 0; i < messages.Length; i++)
        {
            Assert.All(References(messages[i]), r => Assert.InRange(r, 0, i - 1));
        }

        // A message is in the table only when it is used in more than one place (elsewhere it is written where used).
        var uses = References(compact.RootElement).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enumerable.Range(0, messages.Length), i => Assert.True(uses.GetValueOrDefault(i) >= 2, "message " + i + " is used once"));

        // The candidacy's blockers, shared by the summaries of 5.1, 5.2, 6.x, 7.2 and 10.1, are written once.
        Assert.True(MessageKeys.TryGetKey("indication.candidacy.blockers", out var blockers));
        Assert.Single(messages, m => m[0].GetInt32() == blockers);
        Assert.DoesNotContain("indication.candidacy.blockers", compact.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_leaves_the_code_level_data_and_constant_arguments_to_the_catalogue()
    {
        var report = Evaluate("metachronous-liver-omd.json");
        using var compact = JsonDocument.Parse(ReportJson.Serialize(report, Compact));
        Assert.True(MessageKeys.TryGetKey("omd.lesions.within", out var key));
        var lesions = compact.RootElement.GetProperty("findings").EnumerateArray().First(f => f[0].GetInt32() == key);

        // The five-lesion ceiling of 1.1 is the code's argument default; the count is the patient's.
        Assert.Equal("[" + key + "," + """{"count":2,"diffuse":false}]""", lesions.GetRawText());
        var defaults = FindingDefaults.For("omd.lesions.within")!;
        Assert.Equal(("metastases.lesions", "≤", "5 lesions", "1.1"), (defaults.Fact.Value, defaults.Comparison.Value, defaults.Threshold.Value, defaults.Source.Value));
        Assert.Contains(FindingDefaults.ArgumentsFor("omd.lesions.within")!, a => a.Name == "maximum" && a.Value.GetInt32() == 5);
    }

    [Fact]
    public void An_argument_the_defaults_name_but_the_message_lacks_is_written_null_and_a_different_value_in_full()
    {
        Assert.True(MessageKeys.TryGetKey("omd.lesions.within", out var key));
        Assert.Equal("[" + key + "," + """{"count":2,"maximum":null}]""", Json(Message.Of("omd.lesions.within", ("count", 2))));
        Assert.Equal("[" + key + "," + """{"count":2,"maximum":4}]""", Json(Message.Of("omd.lesions.within", ("count", 2), ("maximum", 4))));
        Assert.Equal("[" + key + "]", Json(Message.Of("omd.lesions.within", ("maximum", 5))));
    }

    [Fact]
    public void A_summary_that_is_the_argumentless_id_and_status_message_is_left_out()
    {
        var report = Evaluate("metachronous-liver-omd.json");
        using var compact = JsonDocument.Parse(ReportJson.Serialize(report, Compact));
        var recommendations = compact.RootElement.GetProperty("recommendations");
        foreach (var result in report.Results)
        {
            var written = recommendations.GetProperty(result.Id).TryGetProperty("su", out _);
            var isDefault = result.SummaryMessage.Arguments.Count == 0 && result.SummaryMessage.Code == result.Id + "." + result.Status.ToCode();
            Assert.NotEqual(isDefault, written);
        }

        Assert.Contains(report.Results, CompactReportWriter.IsDefaultSummary);
        Assert.Contains(report.Results, r => !CompactReportWriter.IsDefaultSummary(r));
    }

    [Fact]
    public void The_compact_catalogue_carries_the_key_table_and_the_hash_every_compact_report_carries()
    {
        using var catalogue = JsonDocument.Parse(ReportJson.CompactCatalog());
        var keys = catalogue.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ToArray();
        Assert.Equal(MessageCatalog.English.Codes.OrderBy(c => c, StringComparer.Ordinal), keys);
        var hash = catalogue.RootElement.GetProperty("compactCatalogHash").GetString();
        using var compact = JsonDocument.Parse(ReportJson.Serialize(Evaluate("liver-remetastasectomy.json"), Compact));
        Assert.Equal(hash, compact.RootElement.GetProperty("compactCatalogHash").GetString());

        // The hash is that of the key table and of the defaults, so renumbered keys or changed defaults are detected.
        var text = "sarcoma-consensus compact catalogue\n" + string.Concat(keys.Select(k => k + "\n")) + "\u001F" + FindingDefaults.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))), hash);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))), MessageKeys.Hash);
        Assert.NotEqual(hash, "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("omd.lesions.within\n", string.Empty, StringComparison.Ordinal)))));
    }

    [Fact]
    public void A_report_written_against_another_compact_catalogue_is_refused_not_misread()
    {
        var text = ReportJson.Serialize(Evaluate("liver-remetastasectomy.json"), Compact);
        var other = System.Text.RegularExpressions.Regex.Replace(text, "\"compactCatalogHash\":\"sha256:[0-9a-f]{64}\"", "\"compactCatalogHash\":\"sha256:" + new string('0', 64) + "\"");
        Assert.NotEqual(text, other);
        using var document = JsonDocument.Parse(other);
        Assert.Throws<InvalidOperationException>(() => CompactCatalogue.English.Rebuild(document.RootElement));
    }

    private static IEnumerable<int> References(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "m" && property.Value.ValueKind == JsonValueKind.Number)
                {
                    yield return property.Value.GetInt32();
                }
                else
                {
                    foreach (var r in References(property.Value))
                    {
                        yield return r;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var r in References(item))
                {
                    yield return r;
                }
            }
        }
    }

    [Fact]
    public void Catalog_wording_and_rationale_are_referenced_not_repeated()
    {
        var report = Evaluate("metachronous-liver-omd.json");
        var text = ReportJson.Serialize(report, Compact);
        using var compact = JsonDocument.Parse(text);
        foreach (var property in compact.RootElement.GetProperty("recommendations").EnumerateObject())
        {
            var result = property.Value;
            var names = result.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.DoesNotContain("text", names);
            Assert.DoesNotContain("question", names);
            Assert.DoesNotContain("rationale", names);
            Assert.DoesNotContain("votes", names);
            Assert.DoesNotContain(RecommendationCatalog.Get(property.Name).Text, text, StringComparison.Ordinal);
        }

        Assert.False(compact.RootElement.TryGetProperty("guideline", out _));
        Assert.Equal(report.Provenance.CatalogHash, compact.RootElement.GetProperty("provenance").GetProperty("catalogHash").GetString());
    }

    [Fact]
    public void Message_arguments_are_written_generically_in_stored_order_with_invariant_numbers_and_iso_dates()
    {
        var message = Message.Of(
            "test.all-types",
            ("text", "≤ 5 lesions"),
            ("count", 3),
            ("size", 25.50m),
            ("known", false),
            ("on", new LocalDate(2024, 3, 5)),
            ("nested", Message.Of("test.inner", ("months", 20))),
            ("facts", new[] { "primary.diagnosedOn", "metastases.detectedOn" }),
            ("reasons", new[] { Message.Of("test.a"), Message.Of("test.b") }));

        // A code the catalogue has no key for is spelled out, and always followed by its arguments object.
        Assert.Equal(
            """["test.all-types",{"text":"≤ 5 lesions","count":3,"size":25.50,"known":false,"on":"2024-03-05","nested":["test.inner",{"months":20}],"facts":["primary.diagnosedOn","metastases.detectedOn"],"reasons":[["test.a",{}],["test.b",{}]]}]""",
            Json(message));
    }

    [Fact]
    public void A_message_still_worded_as_a_literal_is_written_as_the_literal_key_with_its_text()
    {
        var literal = new Finding("primary.grade", "3", "Grade 3 was recorded.").Message;
        Assert.True(MessageKeys.TryGetKey("literal", out var key));
        Assert.Equal("[" + key + "," + """{"text":"Grade 3 was recorded."}]""", Json(literal));
    }

    [Fact]
    public void Label_and_line_are_echoed_in_both_layouts()
    {
        var report = Evaluate("liver-remetastasectomy.json");
        foreach (var layout in new[] { ReportLayout.Full, ReportLayout.Compact })
        {
            var options = new ReportJsonOptions { Layout = layout, Label = "Case 7 — ≥ 2 lesions", LineNumber = 42 };
            using var document = JsonDocument.Parse(ReportJson.Serialize(report, options));
            var names = document.RootElement.EnumerateObject().Select(p => p.Name).Take(3).ToArray();
            Assert.Equal(new[] { "layout", "line", "label" }, names);
            Assert.Equal(layout == ReportLayout.Full ? "full" : "compact", document.RootElement.GetProperty("layout").GetString());
            Assert.Equal(42, document.RootElement.GetProperty("line").GetInt64());
            Assert.Equal("Case 7 — ≥ 2 lesions", document.RootElement.GetProperty("label").GetString());
        }

        using var full = JsonDocument.Parse(ReportJson.Serialize(report));
        Assert.False(full.RootElement.TryGetProperty("line", out _));
        Assert.Equal(JsonValueKind.Null, full.RootElement.GetProperty("label").ValueKind);
        using var compact = JsonDocument.Parse(ReportJson.Serialize(report, Compact));
        Assert.False(compact.RootElement.TryGetProperty("line", out _));
        Assert.False(compact.RootElement.TryGetProperty("label", out _));
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("bidi \u202e")]
    public void A_label_that_could_forge_report_lines_is_refused(string label) =>
        Assert.Throws<ArgumentException>(() => new ReportJsonOptions { Label = label });

    [Fact]
    public void A_line_number_counts_from_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportJsonOptions { LineNumber = 0 });

    [Fact]
    public void Same_input_gives_byte_identical_compact_output()
    {
        var text = RepositoryFiles.Sample("synchronous-omd-induction.json");
        var first = ReportJson.SerializeToUtf8Bytes(ConsensusEngine.Default.Evaluate(PatientJson.Parse(text), AsOf), Compact);
        var second = ReportJson.SerializeToUtf8Bytes(new ConsensusEngine().Evaluate(PatientJson.Parse(text), AsOf), Compact);
        Assert.Equal(first, second);
        using var stream = new MemoryStream();
        ReportJson.Write(stream, ConsensusEngine.Default.Evaluate(PatientJson.Parse(text), AsOf), Compact);
        Assert.Equal(first, stream.ToArray());
    }

    [Fact]
    public void Out_of_scope_compact_report_says_why_and_evaluates_nothing()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("gist-out-of-scope.json"), Compact));
        var root = document.RootElement;
        Assert.False(root.GetProperty("scope").GetProperty("inScope").GetBoolean());
        Assert.Contains("Gastrointestinal stromal tumours", root.GetProperty("scope").GetProperty("outOfScope").GetString(), StringComparison.Ordinal);
        Assert.Empty(root.GetProperty("recommendations").EnumerateObject());
        Assert.False(root.TryGetProperty("timing", out _));
    }

    [Fact]
    public void Insufficient_data_names_the_missing_facts_in_the_compact_layout()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("missing-metastasis-date.json"), Compact));
        var timing = document.RootElement.GetProperty("recommendations").GetProperty("2.1");
        Assert.Equal("insufficient-data", timing.GetProperty("st").GetString());
        var facts = Strings(document.RootElement, "facts");
        Assert.Contains("metastases.detectedOn", timing.GetProperty("mi").EnumerateArray().Select(i => facts[i.GetInt32()]));
        Assert.False(document.RootElement.GetProperty("timing").TryGetProperty("timing", out _));
    }

    [Fact]
    public void Compact_schema_is_closed_everywhere()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.CompactReportSchemaPath));
        foreach (var (path, node) in SchemaDriftTests.ObjectSchemas(schema.RootElement, "#"))
        {
            Assert.True(node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False, path + " is not closed");
            var declared = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(node.GetProperty("required").EnumerateArray(), r => Assert.Contains(r.GetString()!, declared));
        }
    }

    [Fact]
    public void Every_property_the_compact_schema_declares_is_written_for_some_patient()
    {
        // The schema is closed, so validation catches a property the writer adds; this catches one it no longer writes.
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.CompactReportSchemaPath));
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        CollectDeclaredPaths(schema.RootElement, schema.RootElement, string.Empty, declared, 0);

        var written = new SortedSet<string>(StringComparer.Ordinal);
        var reports = RepositoryFiles.SampleFiles.Select(f => PatientJson.ParseDocument(File.ReadAllText(f)))
            .Select(d => ReportJson.Serialize(ConsensusEngine.Default.Evaluate(d.Patient, AsOf), Compact.For(d) with { LineNumber = 1 }))
            .Append(ReportJson.Serialize(ConsensusEngine.Default.Evaluate(PatientJsonWriteTests.Complete(), AsOf), Compact))
            .Concat(DriftVignettes.Patients().Select(p => ReportJson.Serialize(ConsensusEngine.Default.Evaluate(p, AsOf), Compact)));
        foreach (var report in reports)
        {
            using var document = JsonDocument.Parse(report);
            CollectWrittenPaths(document.RootElement, string.Empty, written);
        }

        // A finding that differs from the catalogue in every field (no sample needs that) is written on its own, where a
        // report would hold it.
        using (var finding = JsonDocument.Parse(Json(w => CompactReportWriter.WriteFinding(w, FullFinding))))
        {
            CollectWrittenPaths(finding.RootElement, "findings[]", written);
        }

        Assert.True(
            declared.SetEquals(written),
            "Declared but never written: " + string.Join(", ", declared.Except(written)) + "; written but not declared: " + string.Join(", ", written.Except(declared)));
    }

    // The named properties a schema declares: "properties" (path.name), "patternProperties" (path.*), "items" and
    // "prefixItems" (path[]), "anyOf" and local "$ref"s; a message's arguments are free-form by name and not walked.
    private static void CollectDeclaredPaths(JsonElement root, JsonElement node, string path, ISet<string> paths, int depth)
    {
        Assert.True(depth < 20, "The compact schema nests deeper than expected at " + path);
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("$ref", out var reference))
        {
            if (reference.GetString() == "#/$defs/arguments")
            {
                return;
            }

            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            CollectDeclaredPaths(root, target, path, paths, depth + 1);
        }

        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : path + "." + property.Name;
                paths.Add(child);
                CollectDeclaredPaths(root, property.Value, child, paths, depth + 1);
            }
        }

        if (node.TryGetProperty("patternProperties", out var patterns))
        {
            foreach (var pattern in patterns.EnumerateObject())
            {
                paths.Add(path + ".*");
                CollectDeclaredPaths(root, pattern.Value, path + ".*", paths, depth + 1);
            }
        }

        if (node.TryGetProperty("items", out var items))
        {
            CollectDeclaredPaths(root, items, path + "[]", paths, depth + 1);
        }

        foreach (var name in new[] { "prefixItems", "anyOf" })
        {
            if (node.TryGetProperty(name, out var list))
            {
                foreach (var item in list.EnumerateArray())
                {
                    CollectDeclaredPaths(root, item, name == "anyOf" ? path : path + "[]", paths, depth + 1);
                }
            }
        }
    }

    // The named properties written: recommendations by id as recommendations.*, array items as path[], and a message's
    // arguments object (the second item of a message tuple) not walked.
    private static void CollectWrittenPaths(JsonElement element, string path, ISet<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path == "recommendations" ? path + ".*" : path.Length == 0 ? property.Name : path + "." + property.Name;
                paths.Add(child);
                CollectWrittenPaths(property.Value, child, paths);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var isMessage = element.GetArrayLength() > 0
                && (element[0].ValueKind == JsonValueKind.Number || (element[0].ValueKind == JsonValueKind.String && element.GetArrayLength() > 1 && element[1].ValueKind == JsonValueKind.Object));
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (!(isMessage && i++ == 1))
                {
                    CollectWrittenPaths(item, path + "[]", paths);
                }
            }
        }
    }

    private static readonly Finding FullFinding = new(
        "liverSurgery.futureLiverRemnantPercent", "25.5", Message.Of("test.flr", ("percent", 25.5m)), "≥", "25 %", "7.1");

    [Fact]
    public void A_finding_whose_code_has_no_defaults_is_written_with_its_fact_value_comparison_threshold_and_source()
    {
        Assert.Equal(
            """["test.flr",{"percent":25.5},{"fact":"liverSurgery.futureLiverRemnantPercent","value":"25.5","comparison":"≥","threshold":"25 %","source":"7.1"}]""",
            Json(w => CompactReportWriter.WriteFinding(w, FullFinding)));
    }

    private static string Json(Message message) => Json(w => CompactReportWriter.WriteMessage(w, message));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Options(JsonLayout.SingleLine)))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string?[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()).ToArray() : Array.Empty<string?>();

    private static ConsensusReport Evaluate(string name) =>
        ConsensusEngine.Default.Evaluate(PatientJson.Parse(RepositoryFiles.Sample(name)), AsOf);
}
