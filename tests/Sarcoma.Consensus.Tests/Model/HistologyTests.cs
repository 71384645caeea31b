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
    [InlineData("LEIOMYOSARCOMA", "leiomyosarcoma")]
    [InlineData("Undifferentiated pleomorphic sarcoma", "undifferentiated-pleomorphic-sarcoma")]
    [InlineData("8890/6", "leiomyosarcoma")]
    [InlineData("8852/9", "myxoid-liposarcoma")]
    [InlineData("51549004", "leiomyosarcoma")]
    [InlineData("1163022006", "leiomyosarcoma")]
    [InlineData("88195001", "alveolar-soft-part-sarcoma")]
    [InlineData("76909002", "ewing-sarcoma")]
    public void Histology_is_found_by_code_name_ICD_O_3_or_SNOMED_CT(string text, string code)
    {
        Assert.True(Histology.TryParse(text, out var histology));
        Assert.Equal(code, histology.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("carcinoma")]
    [InlineData(" leiomyosarcoma")]
    [InlineData("7999/3")]
    [InlineData("8890/4")]
    [InlineData("8890-3")]
    [InlineData("12345")]
    [InlineData("51549014")]
    [InlineData(null)]
    public void Text_that_is_neither_a_name_nor_a_code_is_not_guessed(string? text) => Assert.False(Histology.TryParse(text, out _));

    [Theory]
    [InlineData("8930/3", "Endometrial stromal sarcoma, morphology 8930/3")]
    [InlineData("9133/3", "Epithelioid haemangioendothelioma, morphology 9133/3")]
    [InlineData("8832/3", "Dermatofibrosarcoma protuberans, morphology 8832/3")]
    [InlineData("9137/3", "Soft-tissue sarcoma, morphology 9137/3")]
    [InlineData("9231/6", "Extraskeletal myxoid chondrosarcoma")]
    public void Other_soft_tissue_sarcoma_morphologies_are_in_scope(string code, string name)
    {
        Assert.True(Histology.TryParse(code, out var histology));
        Assert.True(histology.IsInScope);
        Assert.Equal(name, histology.Name);
        Assert.False(histology.FdgAvidOrNodeProne || histology.BrainMriSuggested || histology.SpineMriSuggested || histology.NamedChemosensitive && !histology.IsNamed);
    }

    [Theory]
    [InlineData("8046/3", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("8140/6", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("8720/3", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("9680/3", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("9050/3", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("8980/3", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("413448000", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("1187332001", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("8500/2", HistologyScope.NotMalignant)]
    [InlineData("8821/1", HistologyScope.NotMalignant)]
    [InlineData("77284006", HistologyScope.NotMalignant)]
    [InlineData("9240/3", HistologyScope.BoneSarcoma)]
    [InlineData("9181/3", HistologyScope.BoneSarcoma)]
    [InlineData("9370/3", HistologyScope.BoneSarcoma)]
    [InlineData("8936/3", HistologyScope.GastrointestinalStromalTumor)]
    [InlineData("128755003", HistologyScope.GastrointestinalStromalTumor)]
    public void Non_sarcoma_bone_and_non_malignant_codes_are_out_of_scope_with_a_reason(string code, HistologyScope scope)
    {
        Assert.True(Histology.TryParse(code, out var histology));
        Assert.Equal(scope, histology.Scope);
        Assert.False(histology.IsInScope);
        Assert.False(string.IsNullOrWhiteSpace(histology.OutOfScopeReason));
    }

    [Fact]
    public void An_unmapped_snomed_ct_code_is_unclassified_and_leaves_scope_unconfirmed()
    {
        Assert.True(Histology.TryParse("123456000", out var histology));
        Assert.Equal(HistologyScope.Unclassified, histology.Scope);
        Assert.Null(histology.OutOfScopeReason);
        var scope = ScopeAssessment.Assess(new Patient { Primary = new PrimaryTumor { Histology = histology } });
        Assert.Null(scope.InScope);
        Assert.Contains("HistologyMap", scope.Note, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Histologies_made_from_the_same_code_are_equal_by_value()
    {
        Histology.TryParse("8930/3", out var first);
        Histology.TryParse("8930/3", out var second);
        Histology.TryParse("8931/3", out var other);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, other);
        Assert.Equal(new PrimaryTumor { Histology = first }, new PrimaryTumor { Histology = second });
        Assert.Equal(Histology.Leiomyosarcoma, Histology.FromIcdO3("8890/6"));
    }

    [Fact]
    public void A_histology_map_extends_and_overrides_the_built_in_rules()
    {
        var map = HistologyMap.Default
            .WithSnomedCt("123456000", Histology.SynovialSarcoma)
            .WithIcdO3("9140/3", Histology.ForClass(HistologyScope.NotSoftTissueSarcoma, "9140/3", "Kaposi sarcoma (local decision)", "9140/3"))
            .WithName("LMS", Histology.Leiomyosarcoma);

        Assert.True(map.TryResolve(HistologyMap.SnomedCtSystem, "123456000", out var synovial));
        Assert.Equal(Histology.SynovialSarcoma, synovial);
        Assert.True(map.TryResolve("9140/3", out var kaposi));
        Assert.False(kaposi.IsInScope);
        Assert.True(map.TryResolve("lms", out var lms));
        Assert.Equal(Histology.Leiomyosarcoma, lms);
        Assert.Equal(3, map.ExtensionCount);
        Assert.Equal(0, HistologyMap.Default.ExtensionCount);
        Assert.True(Histology.TryParse("9140/3", out var builtIn));
        Assert.True(builtIn.IsInScope);
        Assert.False(map.TryResolve("http://loinc.org", "8890/3", out _));
    }

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
    public void Codes_ICD_O_3_and_SNOMED_CT_codes_are_unique_and_classified_by_the_ranges()
    {
        var snomed = Histology.All.SelectMany(h => h.SnomedCtCodes).ToArray();
        Assert.Equal(snomed.Length, snomed.Distinct().Count());
        Assert.All(Histology.All, h => Assert.All(h.IcdO3Codes.Where(c => !c.StartsWith("8936/", System.StringComparison.Ordinal)), c => Assert.Equal(h.Scope, Histology.FromIcdO3(c).Scope)));
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
