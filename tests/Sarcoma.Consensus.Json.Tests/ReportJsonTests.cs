using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

public sealed class ReportJsonTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    [Fact]
    public void Same_input_gives_byte_identical_output()
    {
        var text = RepositoryFiles.Sample("metachronous-liver-omd.json");
        var first = ReportJson.SerializeToUtf8Bytes(ConsensusEngine.Default.Evaluate(PatientJson.Parse(text), AsOf));
        var second = ReportJson.SerializeToUtf8Bytes(new ConsensusEngine().Evaluate(PatientJson.Parse(text), AsOf));
        Assert.Equal(first, second);
        Assert.Equal(first, Encoding.UTF8.GetBytes(ReportJson.Serialize(ConsensusEngine.Default.Evaluate(PatientJson.Parse(text), AsOf))));
    }

    [Fact]
    public void Output_is_utf8_without_bom_and_with_unescaped_guideline_text()
    {
        var bytes = ReportJson.SerializeToUtf8Bytes(Evaluate("metachronous-liver-omd.json"));
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("≤5", text, StringComparison.Ordinal);
        Assert.Contains("–", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u2264", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_line_layout_is_one_ndjson_line()
    {
        var text = ReportJson.Serialize(Evaluate("liver-and-lung-omd.json"), JsonLayout.SingleLine);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(34, document.RootElement.GetProperty("recommendations").GetArrayLength());
    }

    [Fact]
    public void Top_level_properties_come_in_a_fixed_order()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("metachronous-liver-omd.json")));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "layout", "label", "guideline" }, names.Take(3));
        Assert.Equal(
            new[] { "provenance", "asOf", "outOfScope", "scope", "timing", "oligometastatic", "treatmentFreeInterval", "liverResection", "imagingPlan", "focalTherapy", "followUp" },
            names.Skip(3).Take(11));
        Assert.Equal("recommendations", names[^1]);

        // The same order as the schema declares; line only in a batch.
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.ReportSchemaPath));
        Assert.Equal(schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "line"), names);
        using var batch = JsonDocument.Parse(ReportJson.Serialize(Evaluate("metachronous-liver-omd.json"), new ReportJsonOptions { LineNumber = 3 }));
        Assert.Equal(schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name), batch.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Every_public_property_of_the_report_is_written()
    {
        // Written under another name or inside another object.
        var elsewhere = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(ConsensusReport.Results)] = "recommendations",
            [nameof(ConsensusReport.DiseaseFreeInterval)] = "timing",
        };
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("metachronous-liver-omd.json")));
        var written = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in typeof(ConsensusReport).GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = elsewhere.TryGetValue(property.Name, out var other) ? other : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            Assert.True(written.Contains(name), "ConsensusReport." + property.Name + " is not written as \"" + name + "\"");
        }
    }

    [Fact]
    public void Guideline_block_cites_the_paper()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("metachronous-liver-omd.json")));
        var guideline = document.RootElement.GetProperty("guideline");
        Assert.Equal("10.3390/cancers17081295", guideline.GetProperty("doi").GetString());
        Assert.Equal("2025-04-11", guideline.GetProperty("publishedOn").GetString());
        Assert.Equal("2026-11-26", document.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Recommendation_carries_wording_grade_votes_and_result()
    {
        var report = Evaluate("metachronous-liver-omd.json");
        using var document = JsonDocument.Parse(ReportJson.Serialize(report));
        var first = document.RootElement.GetProperty("recommendations")[0];
        var catalog = RecommendationCatalog.Get("1.1");
        Assert.Equal("1.1", first.GetProperty("id").GetString());
        Assert.Equal("3.1", first.GetProperty("section").GetString());
        Assert.Equal(catalog.Section.Question, first.GetProperty("question").GetString());
        Assert.Equal(catalog.Text, first.GetProperty("text").GetString());
        Assert.Equal("V", first.GetProperty("evidenceLevel").GetString());
        Assert.Equal("B", first.GetProperty("strength").GetString());
        Assert.Equal(36, first.GetProperty("votes").GetProperty("total").GetInt32());
        Assert.Equal(33, first.GetProperty("votes").GetProperty("yes").GetInt32());
        Assert.Equal("91.7", first.GetProperty("agreementPercent").GetRawText());
        Assert.Equal("strong", first.GetProperty("consensus").GetString());
        Assert.Equal("definition", first.GetProperty("kind").GetString());
        Assert.Equal("for", first.GetProperty("direction").GetString());
        Assert.Equal("applies", first.GetProperty("status").GetString());
        Assert.Equal(report["1.1"]!.Rationale, first.GetProperty("rationale").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(report["1.1"]!.Findings.Count, first.GetProperty("findings").GetArrayLength());
        Assert.False(first.TryGetProperty("dataRequirements", out _)); // static: listed by `catalog --json`, not repeated per patient
    }

    [Fact]
    public void Agreement_percent_always_has_one_decimal()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("metachronous-liver-omd.json")));
        foreach (var result in document.RootElement.GetProperty("recommendations").EnumerateArray())
        {
            var raw = result.GetProperty("agreementPercent").GetRawText();
            Assert.Matches("^[0-9]{1,3}\\.[0-9]$", raw);
            var votes = RecommendationCatalog.Get(result.GetProperty("id").GetString()!).Votes;
            Assert.Equal(votes.AgreementPercent, decimal.Parse(raw, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void No_consensus_items_are_flagged()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("metachronous-liver-omd.json")));
        var flagged = document.RootElement.GetProperty("recommendations").EnumerateArray()
            .Where(r => r.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "no-consensus"))
            .Select(r => r.GetProperty("id").GetString())
            .ToArray();
        Assert.Equal(new[] { "3.2", "5.5", "10.2" }, flagged);
    }

    [Fact]
    public void Insufficient_data_names_the_missing_facts()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("missing-metastasis-date.json")));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("timing").GetProperty("timing").ValueKind);
        Assert.Contains("metastases.detectedOn", root.GetProperty("timing").GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var timing = root.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "2.1");
        Assert.Equal("insufficient-data", timing.GetProperty("status").GetString());
        Assert.Contains("metastases.detectedOn", timing.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Intervals_are_written_with_their_dates_and_events()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("liver-remetastasectomy.json")));
        var tfi = document.RootElement.GetProperty("treatmentFreeInterval");
        Assert.Equal(20, tfi.GetProperty("months").GetInt32());
        Assert.Equal("2024-03-05", tfi.GetProperty("from").GetString());
        Assert.Equal("2025-11-10", tfi.GetProperty("to").GetString());
        var dfi = document.RootElement.GetProperty("timing").GetProperty("diseaseFreeInterval");
        Assert.Equal("2020-02-10", dfi.GetProperty("from").GetString());
    }

    [Fact]
    public void Unknown_histology_report_notes_unconfirmed_scope_and_matches_the_schema()
    {
        var report = ConsensusEngine.Default.Evaluate(new Patient(), AsOf);
        var json = ReportJson.Serialize(report);
        Schemas.AssertValid(Schemas.Report, json, "report for an empty patient");
        using var document = JsonDocument.Parse(json);
        var scope = document.RootElement.GetProperty("scope");
        Assert.Equal(JsonValueKind.Null, scope.GetProperty("inScope").ValueKind);
        Assert.Contains("primary.histology", scope.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("outOfScope").ValueKind);
    }

    [Fact]
    public void Complete_patient_report_matches_the_schema()
    {
        var report = ConsensusEngine.Default.Evaluate(PatientJsonWriteTests.Complete(), AsOf);
        Schemas.AssertValid(Schemas.Report, ReportJson.Serialize(report), "report for a complete patient");
    }

    [Fact]
    public void Writer_and_stream_overloads_give_the_same_document()
    {
        var report = Evaluate("synchronous-omd-induction.json");
        var expected = ReportJson.Serialize(report, JsonLayout.SingleLine);
        using var stream = new MemoryStream();
        ReportJson.Write(stream, report, JsonLayout.SingleLine);
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReportJson.Write(writer, report);
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Derived_concepts_are_written()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Evaluate("post-resection-follow-up.json")));
        var root = document.RootElement;
        var followUp = root.GetProperty("followUp");
        Assert.Equal("2026-08-20", followUp.GetProperty("metastasectomyOn").GetString());
        Assert.Equal("2026-11-20", followUp.GetProperty("visits")[0].GetProperty("dueOn").GetString());
        Assert.Equal("first-two-years", followUp.GetProperty("visits")[0].GetProperty("phase").GetString());
        Assert.Equal(5, root.GetProperty("imagingPlan").GetProperty("items").GetArrayLength());
        Assert.Equal("no", root.GetProperty("liverResection").GetProperty("status").GetString());

        using var focal = JsonDocument.Parse(ReportJson.Serialize(Evaluate("focal-therapy-candidate.json")));
        var therapy = focal.RootElement.GetProperty("focalTherapy");
        Assert.Equal("none", therapy.GetProperty("contraindicationStatus").GetString());
        Assert.Equal(1, therapy.GetProperty("liverLesions").GetProperty("ablatable").GetInt32());
        Assert.Equal(4, therapy.GetProperty("contraindications").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, focal.RootElement.GetProperty("followUp").ValueKind);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ReportJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => ReportJson.Write((Utf8JsonWriter)null!, Evaluate("gist-out-of-scope.json")));
    }

    [Theory]
    [InlineData(JsonLayout.Indented)]
    [InlineData(JsonLayout.SingleLine)]
    public void Writing_to_a_stream_gives_the_same_bytes_as_serialising(JsonLayout layout)
    {
        var report = Evaluate("liver-remetastasectomy.json");
        using var stream = new MemoryStream();

        ReportJson.Write(stream, report, layout);

        Assert.Equal(ReportJson.SerializeToUtf8Bytes(report, layout), stream.ToArray());
    }

    private static ConsensusReport Evaluate(string name) =>
        ConsensusEngine.Default.Evaluate(PatientJson.Parse(RepositoryFiles.Sample(name)), AsOf);
}
