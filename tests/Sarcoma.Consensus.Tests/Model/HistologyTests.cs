using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>The closed set of histologies, their ICD-O-3 codes and scope.</summary>
public sealed class HistologyTests
{
    [Theory]
    [InlineData("8890/3", "leiomyosarcoma")]
    [InlineData("8852/3", "myxoid-liposarcoma")]
    [InlineData("8853/3", "myxoid-liposarcoma")]
    [InlineData("9120/3", "angiosarcoma")]
    [InlineData("9042/3", "synovial-sarcoma")]
    [InlineData("9581/3", "alveolar-soft-part-sarcoma")]
    [InlineData("9044/3", "clear-cell-sarcoma")]
    [InlineData("8804/3", "epithelioid-sarcoma")]
    [InlineData("8800/3", "sarcoma-nos")]
    [InlineData("8936/1", "gist")]
    [InlineData("8936/0", "gist")]
    [InlineData("Leiomyosarcoma", "leiomyosarcoma")]
    public void Histology_is_found_by_code_or_ICD_O_3(string text, string code)
    {
        Assert.True(Histology.TryParse(text, out var histology));
        Assert.Equal(code, histology.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("carcinoma")]
    [InlineData("8140/3")]
    [InlineData(null)]
    public void Unknown_histology_is_not_guessed(string? text) => Assert.False(Histology.TryParse(text, out _));

    [Fact]
    public void GIST_and_bone_sarcomas_are_out_of_scope_with_a_reason()
    {
        foreach (var histology in new[] { Histology.Gist, Histology.Osteosarcoma, Histology.Chondrosarcoma, Histology.EwingSarcoma, Histology.Chordoma })
        {
            Assert.False(histology.IsInScope);
            Assert.False(string.IsNullOrWhiteSpace(histology.OutOfScopeReason));
        }

        Assert.Contains("tyrosine kinase", Histology.Gist.OutOfScopeReason!, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_and_ICD_O_3_codes_are_unique()
    {
        Assert.Equal(Histology.All.Count, Histology.All.Select(h => h.Code).Distinct().Count());
        var icd = Histology.All.SelectMany(h => h.IcdO3Codes).ToArray();
        Assert.Equal(icd.Length, icd.Distinct().Count());
    }

    [Fact]
    public void Section_3_4_subtype_properties_are_encoded()
    {
        Assert.Equal(
            new[] { "angiosarcoma", "synovial-sarcoma", "clear-cell-sarcoma", "epithelioid-sarcoma", "rhabdomyosarcoma" },
            Histology.All.Where(h => h.FdgAvidOrNodeProne).Select(h => h.Code).ToArray());
        Assert.Equal(
            new[] { "angiosarcoma", "alveolar-soft-part-sarcoma", "clear-cell-sarcoma" },
            Histology.All.Where(h => h.BrainMriSuggested).Select(h => h.Code).ToArray());
        Assert.Equal(
            new[] { "myxoid-liposarcoma", "angiosarcoma", "alveolar-soft-part-sarcoma" },
            Histology.All.Where(h => h.SpineMriSuggested).Select(h => h.Code).ToArray());
    }
}
