using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Cli.Tests;

public sealed class CatalogCommandTests
{
    private static readonly string[] NoConsensusIds = { "3.2", "5.5", "10.2" };

    [Fact]
    public void Catalog_exits_0_and_writes_nothing_to_stderr()
    {
        var run = CliRun.Of("catalog");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.NotEmpty(run.Stdout);
    }

    [Fact]
    public void Catalog_table_has_one_row_for_each_of_the_34_ids()
    {
        var rows = TableRows(CliRun.Of("catalog").Stdout);

        Assert.Equal(34, rows.Count);
        Assert.Equal(RecommendationCatalog.All.Select(r => r.Id), rows.Select(row => row.Id));
    }

    [Fact]
    public void Catalog_table_labels_3_2_5_5_and_10_2_as_no_consensus_and_nothing_else()
    {
        var rows = TableRows(CliRun.Of("catalog").Stdout);

        Assert.Equal(NoConsensusIds, rows.Where(row => row.Line.EndsWith("NO CONSENSUS", StringComparison.Ordinal)).Select(row => row.Id));
    }

    [Theory]
    [InlineData("1.1", "(V,B)", "33/36", "91.7%", "strong")]
    [InlineData("3.2", "(V,B)", "23/37", "62.2%", "NO CONSENSUS")]
    [InlineData("3.3", "(IV,A)", "32/36", "88.9%", "weak")]
    [InlineData("5.5", "(V,D)", "20/35", "57.1%", "NO CONSENSUS")]
    [InlineData("13.2", "(V,B)", "36/36", "100.0%", "unanimous")]
    public void Catalog_table_row_shows_grade_votes_agreement_and_consensus(
        string id, string grade, string votes, string agreement, string consensus)
    {
        var row = TableRows(CliRun.Of("catalog").Stdout).Single(r => r.Id == id);
        var cells = row.Line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(new[] { id, RecommendationCatalog.Get(id).ShortTitle, grade, votes, agreement, consensus }, cells);
    }

    [Fact]
    public void Catalog_table_columns_line_up_under_their_headers()
    {
        var lines = CliRun.Of("catalog").Stdout.Split('\n');
        string header = lines.Single(line => line.StartsWith("ID ", StringComparison.Ordinal));
        var rows = TableRows(CliRun.Of("catalog").Stdout);

        int gradeColumn = header.IndexOf("Grade", StringComparison.Ordinal);
        int consensusColumn = header.IndexOf("Consensus", StringComparison.Ordinal);
        int agreementEnd = header.IndexOf("Agreement", StringComparison.Ordinal) + "Agreement".Length;
        Assert.All(rows, row =>
        {
            Assert.Equal('(', row.Line[gradeColumn]);
            Assert.NotEqual(' ', row.Line[consensusColumn]);
            Assert.Equal(' ', row.Line[consensusColumn - 1]);
            Assert.Equal('%', row.Line[agreementEnd - 1]);
        });
    }

    [Fact]
    public void Catalog_table_summarises_the_categories_and_says_what_no_consensus_means()
    {
        string output = CliRun.Of("catalog").Stdout;

        Assert.Contains("34 recommendations: 12 unanimous, 12 strong, 7 weak, 3 NO CONSENSUS (3.2, 5.5, 10.2).", output, StringComparison.Ordinal);
        Assert.Contains("not recommendations", output, StringComparison.Ordinal);
        Assert.Contains("not a substitute for the multidisciplinary tumour board", output, StringComparison.Ordinal);
        Assert.Contains("doi:10.3390/cancers17081295", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_output_is_the_same_on_every_run()
    {
        Assert.Equal(CliRun.Of("catalog").Stdout, CliRun.Of("catalog").Stdout);
        Assert.Equal(CliRun.Of("catalog", "--json").Stdout, CliRun.Of("catalog", "--json").Stdout);
    }

    [Fact]
    public void Catalog_json_exits_0_with_an_array_of_34_objects_in_catalog_order()
    {
        var run = CliRun.Of("catalog", "--json");
        using var document = JsonDocument.Parse(run.Stdout);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal(34, document.RootElement.GetArrayLength());
        Assert.Equal(
            RecommendationCatalog.All.Select(r => r.Id),
            document.RootElement.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public void Catalog_json_for_1_1_has_the_votes_agreement_consensus_and_grade_of_table_5()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);
        var item = document.RootElement.EnumerateArray().Single(o => o.GetProperty("id").GetString() == "1.1");

        Assert.Equal(1, item.GetProperty("section").GetInt32());
        Assert.Equal(36, item.GetProperty("votes").GetProperty("total").GetInt32());
        Assert.Equal(33, item.GetProperty("votes").GetProperty("yes").GetInt32());
        Assert.Equal(3, item.GetProperty("votes").GetProperty("no").GetInt32());
        Assert.Equal(91.7m, item.GetProperty("agreementPercent").GetDecimal());
        Assert.Equal("strong", item.GetProperty("consensus").GetString());
        Assert.Equal("V", item.GetProperty("evidenceLevel").GetString());
        Assert.Equal("B", item.GetProperty("strength").GetString());
        Assert.Equal("definition", item.GetProperty("kind").GetString());
        Assert.Equal("for", item.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("gradeDiscrepancy").ValueKind);
        Assert.Equal(92, item.GetProperty("printed").GetProperty("agreementPercent").GetInt32());
        var requirements = item.GetProperty("dataRequirements").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.Contains("metastases.lesions[].resectable", requirements);
        Assert.Contains("staging.fdgPetCt", requirements);
    }

    [Fact]
    public void Catalog_json_fields_match_the_catalog_for_every_recommendation()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);
        var items = document.RootElement.EnumerateArray().ToList();

        for (int i = 0; i < RecommendationCatalog.All.Count; i++)
        {
            var r = RecommendationCatalog.All[i];
            var item = items[i];
            Assert.Equal(r.Id, item.GetProperty("id").GetString());
            Assert.Equal(r.Section.Number, item.GetProperty("section").GetInt32());
            Assert.Equal(r.Section.Question, item.GetProperty("question").GetString());
            Assert.Equal(r.ShortTitle, item.GetProperty("shortTitle").GetString());
            Assert.Equal(r.Text, item.GetProperty("text").GetString());
            Assert.Equal(r.TableText, item.GetProperty("tableText").GetString());
            Assert.Equal(r.TableTextDiffers, item.GetProperty("tableTextDiffers").GetBoolean());
            Assert.Equal(r.Grade.Level.ToString(), item.GetProperty("evidenceLevel").GetString());
            Assert.Equal(r.Grade.Strength.ToString(), item.GetProperty("strength").GetString());
            Assert.Equal(r.Votes.Total, item.GetProperty("votes").GetProperty("total").GetInt32());
            Assert.Equal(r.Votes.Yes, item.GetProperty("votes").GetProperty("yes").GetInt32());
            Assert.Equal(r.Votes.No, item.GetProperty("votes").GetProperty("no").GetInt32());
            Assert.Equal(r.Votes.AgreementPercent, item.GetProperty("agreementPercent").GetDecimal());
            Assert.Equal(r.Consensus.ToCode(), item.GetProperty("consensus").GetString());
            Assert.Equal(r.ReachedConsensus, item.GetProperty("reachedConsensus").GetBoolean());
            Assert.Equal(r.Printed.AgreementPercent, item.GetProperty("printed").GetProperty("agreementPercent").GetInt32());
            Assert.Equal(r.Printed.Category.ToCode(), item.GetProperty("printed").GetProperty("consensus").GetString());
        }
    }

    [Fact]
    public void Catalog_json_uses_the_documented_codes_for_kind_direction_and_consensus()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);
        var items = document.RootElement.EnumerateArray().ToList();

        Assert.All(items, item =>
        {
            Assert.Contains(item.GetProperty("kind").GetString(), new[] { "definition", "directive", "process-requirement" });
            Assert.Contains(item.GetProperty("direction").GetString(), new[] { "for", "against", "conditional" });
            Assert.Contains(item.GetProperty("consensus").GetString(), new[] { "unanimous", "strong", "weak", "not-reached" });
        });
        Assert.Equal(
            NoConsensusIds,
            items.Where(item => item.GetProperty("consensus").GetString() == "not-reached").Select(item => item.GetProperty("id").GetString()));
        Assert.Equal(
            "process-requirement",
            items.Single(item => item.GetProperty("id").GetString() == "5.1").GetProperty("kind").GetString());
        Assert.Equal(
            "against",
            items.Single(item => item.GetProperty("id").GetString() == "5.5").GetProperty("direction").GetString());
    }

    [Fact]
    public void Catalog_json_flags_the_grade_discrepancy_of_3_2_and_no_other()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);
        var flagged = document.RootElement.EnumerateArray()
            .Where(item => item.GetProperty("gradeDiscrepancy").ValueKind != JsonValueKind.Null)
            .ToList();

        var only = Assert.Single(flagged);
        Assert.Equal("3.2", only.GetProperty("id").GetString());
        var discrepancy = only.GetProperty("gradeDiscrepancy");
        Assert.Equal(JsonValueKind.Null, discrepancy.GetProperty("sectionGrade").ValueKind);
        Assert.Contains("Section 3.3 prints no grade", discrepancy.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("V", only.GetProperty("evidenceLevel").GetString());
        Assert.Equal("B", only.GetProperty("strength").GetString());
    }

    [Fact]
    public void Catalog_json_writes_symbols_as_characters_and_one_decimal_percentages()
    {
        string json = CliRun.Of("catalog", "--json").Stdout;

        Assert.Contains("lesions ≤5 in ≤2 different metastatic sites", json, StringComparison.Ordinal);
        Assert.Contains("(14–16 G)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("\"agreementPercent\": 100.0,", json, StringComparison.Ordinal);
        Assert.Contains("\"agreementPercent\": 91.7,", json, StringComparison.Ordinal);
        Assert.EndsWith("]\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_json_percentages_parse_as_numbers_with_one_decimal()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);

        Assert.All(document.RootElement.EnumerateArray(), item =>
        {
            var value = item.GetProperty("agreementPercent");
            Assert.Equal(JsonValueKind.Number, value.ValueKind);
            string raw = value.GetRawText();
            Assert.Equal(1, raw.Length - raw.IndexOf('.', StringComparison.Ordinal) - 1);
            Assert.InRange(decimal.Parse(raw, CultureInfo.InvariantCulture), 0m, 100m);
        });
    }

    private static List<(string Id, string Line)> TableRows(string output) =>
        output.Split('\n')
            .Select(line => (Id: line.Split(' ')[0], Line: line))
            .Where(row => RecommendationCatalog.TryGet(row.Id, out _))
            .ToList();
}
