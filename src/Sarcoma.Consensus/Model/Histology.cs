using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Sarcoma.Consensus.Model;

/// <summary>Whether a histology is within the guideline's scope.</summary>
public enum HistologyScope
{
    /// <summary>A soft-tissue sarcoma: in scope.</summary>
    SoftTissueSarcoma,

    /// <summary>Gastrointestinal stromal tumour: excluded by the guideline (section 1: tyrosine kinase inhibitors changed its management).</summary>
    GastrointestinalStromalTumor,

    /// <summary>A bone sarcoma (or Ewing-family tumour): not a soft-tissue sarcoma, out of scope.</summary>
    BoneSarcoma,
}

/// <summary>
/// A histological type from a closed, documented set, with its ICD-O-3 morphology codes and the
/// properties the guideline uses (FDG avidity or nodal spread, CNS and spine spread).
/// </summary>
/// <remarks>
/// Instances are static and compared by reference; the set is listed in <see cref="All"/> and in
/// <c>docs/clinical-decisions.md</c>. Immutable and thread-safe.
/// </remarks>
public sealed class Histology
{
    private static readonly List<Histology> Registry = new();

    private Histology(
        string code,
        string name,
        HistologyScope scope,
        string[] icdO3,
        bool fdgAvidOrNodeProne = false,
        bool brainMriSuggested = false,
        bool spineMriSuggested = false,
        bool namedChemosensitive = false)
    {
        Code = code;
        Name = name;
        Scope = scope;
        IcdO3Codes = Array.AsReadOnly(icdO3);
        FdgAvidOrNodeProne = fdgAvidOrNodeProne;
        BrainMriSuggested = brainMriSuggested;
        SpineMriSuggested = spineMriSuggested;
        NamedChemosensitive = namedChemosensitive;
        Registry.Add(this);
    }

    /// <summary>Leiomyosarcoma (8890/3, 8891/3, 8896/3). Named chemosensitive in section 3.9.</summary>
    public static readonly Histology Leiomyosarcoma = new("leiomyosarcoma", "Leiomyosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8890/3", "8891/3", "8896/3" }, namedChemosensitive: true);

    /// <summary>Liposarcoma, not otherwise specified (8850/3).</summary>
    public static readonly Histology Liposarcoma = new("liposarcoma", "Liposarcoma, NOS", HistologyScope.SoftTissueSarcoma, new[] { "8850/3" });

    /// <summary>Well-differentiated liposarcoma (8851/3).</summary>
    public static readonly Histology WellDifferentiatedLiposarcoma = new("well-differentiated-liposarcoma", "Well-differentiated liposarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8851/3" });

    /// <summary>Myxoid liposarcoma (8852/3; round cell liposarcoma 8853/3 is its high-grade form). Total-spine MRI suggested (section 3.4).</summary>
    public static readonly Histology MyxoidLiposarcoma = new("myxoid-liposarcoma", "Myxoid liposarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8852/3", "8853/3" }, spineMriSuggested: true);

    /// <summary>Pleomorphic liposarcoma (8854/3).</summary>
    public static readonly Histology PleomorphicLiposarcoma = new("pleomorphic-liposarcoma", "Pleomorphic liposarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8854/3" });

    /// <summary>Mixed-type liposarcoma (8855/3).</summary>
    public static readonly Histology MixedLiposarcoma = new("mixed-liposarcoma", "Mixed-type liposarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8855/3" });

    /// <summary>Fibroblastic liposarcoma (8857/3).</summary>
    public static readonly Histology FibroblasticLiposarcoma = new("fibroblastic-liposarcoma", "Fibroblastic liposarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8857/3" });

    /// <summary>Dedifferentiated liposarcoma (8858/3).</summary>
    public static readonly Histology DedifferentiatedLiposarcoma = new("dedifferentiated-liposarcoma", "Dedifferentiated liposarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8858/3" });

    /// <summary>Angiosarcoma (9120/3). FDG-PET/CT (node-prone), brain MRI and total-spine MRI suggested (section 3.4).</summary>
    public static readonly Histology Angiosarcoma = new("angiosarcoma", "Angiosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9120/3" }, fdgAvidOrNodeProne: true, brainMriSuggested: true, spineMriSuggested: true);

    /// <summary>Synovial sarcoma (9040/3–9043/3). FDG-PET/CT suggested (node-prone, section 3.4).</summary>
    public static readonly Histology SynovialSarcoma = new("synovial-sarcoma", "Synovial sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9040/3", "9041/3", "9042/3", "9043/3" }, fdgAvidOrNodeProne: true);

    /// <summary>Alveolar soft part sarcoma (9581/3). Brain MRI and total-spine MRI suggested (section 3.4).</summary>
    public static readonly Histology AlveolarSoftPartSarcoma = new("alveolar-soft-part-sarcoma", "Alveolar soft part sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9581/3" }, brainMriSuggested: true, spineMriSuggested: true);

    /// <summary>Clear cell sarcoma of soft tissue (9044/3). FDG-PET/CT (node-prone) and brain MRI suggested (section 3.4).</summary>
    public static readonly Histology ClearCellSarcoma = new("clear-cell-sarcoma", "Clear cell sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9044/3" }, fdgAvidOrNodeProne: true, brainMriSuggested: true);

    /// <summary>Epithelioid sarcoma (8804/3). FDG-PET/CT suggested (node-prone, section 3.4).</summary>
    public static readonly Histology EpithelioidSarcoma = new("epithelioid-sarcoma", "Epithelioid sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8804/3" }, fdgAvidOrNodeProne: true);

    /// <summary>Rhabdomyosarcoma (8900/3, 8901/3, 8910/3, 8912/3, 8920/3). FDG-avid (section 3.4).</summary>
    public static readonly Histology Rhabdomyosarcoma = new("rhabdomyosarcoma", "Rhabdomyosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8900/3", "8901/3", "8910/3", "8912/3", "8920/3" }, fdgAvidOrNodeProne: true);

    /// <summary>Undifferentiated pleomorphic sarcoma (8802/3; legacy 8830/3).</summary>
    public static readonly Histology UndifferentiatedPleomorphicSarcoma = new("undifferentiated-pleomorphic-sarcoma", "Undifferentiated pleomorphic sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8802/3", "8830/3" });

    /// <summary>Myxofibrosarcoma (8811/3).</summary>
    public static readonly Histology Myxofibrosarcoma = new("myxofibrosarcoma", "Myxofibrosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8811/3" });

    /// <summary>Fibrosarcoma (8810/3).</summary>
    public static readonly Histology Fibrosarcoma = new("fibrosarcoma", "Fibrosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8810/3" });

    /// <summary>Malignant peripheral nerve sheath tumour (9540/3).</summary>
    public static readonly Histology MalignantPeripheralNerveSheathTumor = new("malignant-peripheral-nerve-sheath-tumor", "Malignant peripheral nerve sheath tumour", HistologyScope.SoftTissueSarcoma, new[] { "9540/3" });

    /// <summary>Malignant solitary fibrous tumour (8815/3).</summary>
    public static readonly Histology SolitaryFibrousTumor = new("solitary-fibrous-tumor", "Solitary fibrous tumour, malignant", HistologyScope.SoftTissueSarcoma, new[] { "8815/3" });

    /// <summary>Desmoplastic small round cell tumour (8806/3).</summary>
    public static readonly Histology DesmoplasticSmallRoundCellTumor = new("desmoplastic-small-round-cell-tumor", "Desmoplastic small round cell tumour", HistologyScope.SoftTissueSarcoma, new[] { "8806/3" });

    /// <summary>Extraskeletal myxoid chondrosarcoma (9231/3).</summary>
    public static readonly Histology ExtraskeletalMyxoidChondrosarcoma = new("extraskeletal-myxoid-chondrosarcoma", "Extraskeletal myxoid chondrosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9231/3" });

    /// <summary>Malignant perivascular epithelioid cell tumour, PEComa (8714/3).</summary>
    public static readonly Histology MalignantPecoma = new("malignant-pecoma", "Malignant PEComa", HistologyScope.SoftTissueSarcoma, new[] { "8714/3" });

    /// <summary>Sarcoma, not otherwise specified (8800/3; spindle cell sarcoma 8801/3).</summary>
    public static readonly Histology SarcomaNos = new("sarcoma-nos", "Sarcoma, NOS", HistologyScope.SoftTissueSarcoma, new[] { "8800/3", "8801/3" });

    /// <summary>Gastrointestinal stromal tumour (8936/x): out of scope.</summary>
    public static readonly Histology Gist = new("gist", "Gastrointestinal stromal tumour", HistologyScope.GastrointestinalStromalTumor, new[] { "8936/1", "8936/3" });

    /// <summary>Osteosarcoma (9180/3): bone sarcoma, out of scope.</summary>
    public static readonly Histology Osteosarcoma = new("osteosarcoma", "Osteosarcoma", HistologyScope.BoneSarcoma, new[] { "9180/3" });

    /// <summary>Chondrosarcoma of bone (9220/3): bone sarcoma, out of scope.</summary>
    public static readonly Histology Chondrosarcoma = new("chondrosarcoma", "Chondrosarcoma", HistologyScope.BoneSarcoma, new[] { "9220/3" });

    /// <summary>Ewing sarcoma (9260/3, 9364/3): bone/Ewing-family sarcoma, out of scope.</summary>
    public static readonly Histology EwingSarcoma = new("ewing-sarcoma", "Ewing sarcoma", HistologyScope.BoneSarcoma, new[] { "9260/3", "9364/3" });

    /// <summary>Chordoma (9370/3): bone tumour, out of scope.</summary>
    public static readonly Histology Chordoma = new("chordoma", "Chordoma", HistologyScope.BoneSarcoma, new[] { "9370/3" });

    private static readonly ReadOnlyCollection<Histology> AllList = Registry.AsReadOnly();

    /// <summary>Gets every known histology, soft-tissue and out-of-scope alike.</summary>
    public static IReadOnlyList<Histology> All => AllList;

    /// <summary>Gets the stable kebab-case code used in JSON, for example <c>myxoid-liposarcoma</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the histology is a soft-tissue sarcoma, a GIST or a bone sarcoma.</summary>
    public HistologyScope Scope { get; }

    /// <summary>Gets the ICD-O-3 morphology codes mapped to this histology; the first is the principal code.</summary>
    public IReadOnlyList<string> IcdO3Codes { get; }

    /// <summary>Gets a value indicating whether the guideline names the subtype as FDG-avid or prone to lymph-node spread (section 3.4), so FDG-PET/CT is appropriate.</summary>
    public bool FdgAvidOrNodeProne { get; }

    /// <summary>Gets a value indicating whether section 3.4 suggests brain MRI for this subtype.</summary>
    public bool BrainMriSuggested { get; }

    /// <summary>Gets a value indicating whether section 3.4 suggests total-spine MRI for this subtype.</summary>
    public bool SpineMriSuggested { get; }

    /// <summary>Gets a value indicating whether the guideline names the subtype as highly chemosensitive (section 3.9 names leiomyosarcoma).</summary>
    public bool NamedChemosensitive { get; }

    /// <summary>Gets a value indicating whether the histology is in the guideline's scope.</summary>
    public bool IsInScope => Scope == HistologyScope.SoftTissueSarcoma;

    /// <summary>Gets why the histology is out of scope, or <see langword="null"/> when it is in scope.</summary>
    public string? OutOfScopeReason => Scope switch
    {
        HistologyScope.GastrointestinalStromalTumor =>
            "Gastrointestinal stromal tumours are excluded from this consensus: tyrosine kinase inhibitors changed their management, course and prognosis (guideline section 1).",
        HistologyScope.BoneSarcoma =>
            $"{Name} is not a soft-tissue sarcoma; this consensus covers liver metastases of soft-tissue sarcoma only.",
        _ => null,
    };

    /// <summary>Finds a histology by its code (<c>leiomyosarcoma</c>) or an ICD-O-3 code (<c>8890/3</c>; for GIST any <c>8936/x</c>).</summary>
    /// <param name="codeOrIcdO3">The code.</param>
    /// <param name="histology">The histology when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryParse(string? codeOrIcdO3, out Histology histology)
    {
        histology = null!;
        if (string.IsNullOrWhiteSpace(codeOrIcdO3))
        {
            return false;
        }

        var text = codeOrIcdO3!.Trim();
        var found = AllList.FirstOrDefault(h =>
            string.Equals(h.Code, text, StringComparison.OrdinalIgnoreCase) ||
            h.IcdO3Codes.Contains(text, StringComparer.Ordinal));
        if (found is null && text.StartsWith("8936/", StringComparison.Ordinal))
        {
            found = Gist;
        }

        if (found is null)
        {
            return false;
        }

        histology = found;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({IcdO3Codes[0]})";
}
