using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// Nothing is lost by the compact layout: from a compact report and the compact catalogue alone, every recommendation's
/// summary, findings (fact, value, comparison, threshold, source, sentence), cautions, rationale, flags and missing
/// facts are rebuilt exactly as the full layout writes them, for every sample and vignette.
/// </summary>
public sealed class CompactReconstructionTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in CompactCatalogue.Patients())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_sentence_and_finding_of_the_full_report_is_rebuilt_from_the_compact_report_and_the_catalogue(string name)
    {
        var (_, patient, label) = CompactCatalogue.Patients().Single(p => p.Name == name);
        var report = ConsensusEngine.Default.Evaluate(patient, CompactCatalogue.AsOf);
        using var full = JsonDocument.Parse(ReportJson.Serialize(report, new ReportJsonOptions { Label = label }));
        using var compact = JsonDocument.Parse(ReportJson.SerializeToUtf8Bytes(report, ReportJsonOptions.CompactLine with { Label = label }));

        var expected = CompactCatalogue.Select(full.RootElement);
        var rebuilt = CompactCatalogue.English.Rebuild(compact.RootElement);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], rebuilt[i]), name + ": result " + i + " differs.\nfull:    " + expected[i]!.ToJsonString() + "\nrebuilt: " + rebuilt[i]!.ToJsonString());
        }

        Assert.Equal(expected.Count, rebuilt.Count);
    }

    [Fact]
    public void The_compact_catalogue_words_every_message_code_of_the_library()
    {
        Assert.Equal(MessageCatalog.English.Codes.OrderBy(c => c, System.StringComparer.Ordinal), CompactCatalogue.English.MessageCodes.OrderBy(c => c, System.StringComparer.Ordinal));
        using var catalogue = JsonDocument.Parse(ReportJson.CompactCatalog());
        Assert.Equal("en", catalogue.RootElement.GetProperty("language").GetString());
        Assert.Equal(ConsensusEngine.Default.Evaluate(new Model.Patient(), CompactCatalogue.AsOf).Provenance.CatalogHash, catalogue.RootElement.GetProperty("catalogHash").GetString());
        Assert.NotEmpty(catalogue.RootElement.GetProperty("findings").EnumerateObject());
    }

    [Fact]
    public void A_language_without_wording_is_refused() =>
        Assert.Throws<System.ArgumentException>(() => ReportJson.CompactCatalog("xx"));
}
