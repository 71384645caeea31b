using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Sarcoma.Consensus.Model;

/// <summary>Whether a histology is within the guideline's scope, and if not, why.</summary>
public enum HistologyScope
{
    /// <summary>A soft-tissue sarcoma: in scope.</summary>
    SoftTissueSarcoma,

    /// <summary>Gastrointestinal stromal tumour: excluded by the guideline (section 1: tyrosine kinase inhibitors changed its management).</summary>
    GastrointestinalStromalTumor,

    /// <summary>A bone sarcoma (or Ewing-family tumour, or chordoma): not a soft-tissue sarcoma, out of scope.</summary>
    BoneSarcoma,

    /// <summary>A malignant tumour that is not a sarcoma (carcinoma, melanoma, lymphoma, mesothelioma, germ cell, CNS, …): out of scope.</summary>
    NotSoftTissueSarcoma,

    /// <summary>A morphology recorded as benign, borderline or in situ (ICD-O-3 behaviour /0, /1 or /2): out of scope.</summary>
    NotMalignant,

    /// <summary>
    /// A well-formed SNOMED CT code that the classification table does not hold: scope cannot be confirmed (neither in
    /// nor out). Add the code to a <see cref="HistologyMap"/> to classify it.
    /// </summary>
    Unclassified,
}

/// <summary>
/// A histological type: one of the named subtypes the guideline's rules distinguish (<see cref="All"/>), or a
/// classified morphology code that is not one of them ("other soft-tissue sarcoma", "not a soft-tissue sarcoma", …),
/// with its ICD-O-3 and SNOMED CT codes and the properties the guideline uses (FDG avidity or nodal spread, CNS and
/// spine spread, chemosensitivity).
/// </summary>
/// <remarks>
/// <para>
/// Compared by value (<see cref="Equals(Histology)"/>): the named subtypes are static instances, and a histology made
/// from a code by <see cref="TryParse(string, out Histology)"/>, <see cref="FromIcdO3"/> or a <see cref="HistologyMap"/>
/// equals any other made from the same code. The classification rules (ICD-O-3 morphology ranges, the SNOMED CT →
/// ICD-O-3 table and their sources) are in <c>docs/histology.md</c>. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class Histology : IEquatable<Histology>
{
    /// <summary>The <see cref="Code"/> of a soft-tissue sarcoma morphology that is not one of the named subtypes.</summary>
    public const string OtherSoftTissueSarcomaCode = "other-soft-tissue-sarcoma";

    /// <summary>The <see cref="Code"/> of a malignant morphology that is not a sarcoma.</summary>
    public const string NotSoftTissueSarcomaCode = "not-soft-tissue-sarcoma";

    /// <summary>The <see cref="Code"/> of a morphology recorded as benign, borderline or in situ.</summary>
    public const string NotMalignantCode = "not-malignant";

    /// <summary>The <see cref="Code"/> of a SNOMED CT code the classification table does not hold.</summary>
    public const string UnclassifiedCode = "unclassified";

    /// <summary>The <see cref="Code"/> of another bone sarcoma morphology (ICD-O-3 ranges of bone sarcomas).</summary>
    public const string OtherBoneSarcomaCode = "other-bone-sarcoma";

    private static readonly List<Histology> Registry = new();

    private Histology(
        string code,
        string name,
        HistologyScope scope,
        string[] icdO3,
        string[]? snomedCt = null,
        bool fdgAvidOrNodeProne = false,
        bool brainMriSuggested = false,
        bool spineMriSuggested = false,
        bool namedChemosensitive = false,
        string? key = null)
    {
        Code = code;
        Name = name;
        Scope = scope;
        IcdO3Codes = Array.AsReadOnly(icdO3);
        SnomedCtCodes = Array.AsReadOnly(snomedCt ?? Array.Empty<string>());
        FdgAvidOrNodeProne = fdgAvidOrNodeProne;
        BrainMriSuggested = brainMriSuggested;
        SpineMriSuggested = spineMriSuggested;
        NamedChemosensitive = namedChemosensitive;
        Key = key ?? code;
        IsNamed = key is null;
        if (IsNamed)
        {
            Registry.Add(this);
        }
    }

    /// <summary>Leiomyosarcoma (8890/3, 8891/3, 8896/3). Named chemosensitive in section 3.9.</summary>
    public static readonly Histology Leiomyosarcoma = new("leiomyosarcoma", "Leiomyosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8890/3", "8891/3", "8896/3" }, snomedCt: new[] { "1163022006", "51549004" }, namedChemosensitive: true);

    /// <summary>Liposarcoma, not otherwise specified (8850/3).</summary>
    public static readonly Histology Liposarcoma = new("liposarcoma", "Liposarcoma, NOS", HistologyScope.SoftTissueSarcoma, new[] { "8850/3" }, snomedCt: new[] { "1162815008" });

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
    public static readonly Histology Angiosarcoma = new("angiosarcoma", "Angiosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9120/3" }, snomedCt: new[] { "863926008" }, fdgAvidOrNodeProne: true, brainMriSuggested: true, spineMriSuggested: true);

    /// <summary>Synovial sarcoma (9040/3–9043/3). FDG-PET/CT suggested (node-prone, section 3.4).</summary>
    public static readonly Histology SynovialSarcoma = new("synovial-sarcoma", "Synovial sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9040/3", "9041/3", "9042/3", "9043/3" }, fdgAvidOrNodeProne: true);

    /// <summary>Alveolar soft part sarcoma (9581/3). Brain MRI and total-spine MRI suggested (section 3.4).</summary>
    public static readonly Histology AlveolarSoftPartSarcoma = new("alveolar-soft-part-sarcoma", "Alveolar soft part sarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9581/3" }, snomedCt: new[] { "88195001" }, brainMriSuggested: true, spineMriSuggested: true);

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
    public static readonly Histology Fibrosarcoma = new("fibrosarcoma", "Fibrosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "8810/3" }, snomedCt: new[] { "53654007" });

    /// <summary>Malignant peripheral nerve sheath tumour (9540/3).</summary>
    public static readonly Histology MalignantPeripheralNerveSheathTumor = new("malignant-peripheral-nerve-sheath-tumor", "Malignant peripheral nerve sheath tumour", HistologyScope.SoftTissueSarcoma, new[] { "9540/3" }, snomedCt: new[] { "19897006" });

    /// <summary>Malignant solitary fibrous tumour (8815/3).</summary>
    public static readonly Histology SolitaryFibrousTumor = new("solitary-fibrous-tumor", "Solitary fibrous tumour, malignant", HistologyScope.SoftTissueSarcoma, new[] { "8815/3" });

    /// <summary>Desmoplastic small round cell tumour (8806/3).</summary>
    public static readonly Histology DesmoplasticSmallRoundCellTumor = new("desmoplastic-small-round-cell-tumor", "Desmoplastic small round cell tumour", HistologyScope.SoftTissueSarcoma, new[] { "8806/3" });

    /// <summary>Extraskeletal myxoid chondrosarcoma (9231/3).</summary>
    public static readonly Histology ExtraskeletalMyxoidChondrosarcoma = new("extraskeletal-myxoid-chondrosarcoma", "Extraskeletal myxoid chondrosarcoma", HistologyScope.SoftTissueSarcoma, new[] { "9231/3" });

    /// <summary>Malignant perivascular epithelioid cell tumour, PEComa (8714/3).</summary>
    public static readonly Histology MalignantPecoma = new("malignant-pecoma", "Malignant PEComa", HistologyScope.SoftTissueSarcoma, new[] { "8714/3" });

    /// <summary>Sarcoma, not otherwise specified (8800/3; spindle cell sarcoma 8801/3).</summary>
    public static readonly Histology SarcomaNos = new("sarcoma-nos", "Sarcoma, NOS", HistologyScope.SoftTissueSarcoma, new[] { "8800/3", "8801/3" }, snomedCt: new[] { "1187396000" });

    /// <summary>Gastrointestinal stromal tumour (8936/x): out of scope.</summary>
    public static readonly Histology Gist = new("gist", "Gastrointestinal stromal tumour", HistologyScope.GastrointestinalStromalTumor, new[] { "8936/1", "8936/3" });

    /// <summary>Osteosarcoma (9180/3): bone sarcoma, out of scope.</summary>
    public static readonly Histology Osteosarcoma = new("osteosarcoma", "Osteosarcoma", HistologyScope.BoneSarcoma, new[] { "9180/3" }, snomedCt: new[] { "1163405004" });

    /// <summary>Chondrosarcoma of bone (9220/3): bone sarcoma, out of scope.</summary>
    public static readonly Histology Chondrosarcoma = new("chondrosarcoma", "Chondrosarcoma", HistologyScope.BoneSarcoma, new[] { "9220/3" });

    /// <summary>Ewing sarcoma (9260/3, 9364/3): bone/Ewing-family sarcoma, out of scope.</summary>
    public static readonly Histology EwingSarcoma = new("ewing-sarcoma", "Ewing sarcoma", HistologyScope.BoneSarcoma, new[] { "9260/3", "9364/3" }, snomedCt: new[] { "76909002" });

    /// <summary>Chordoma (9370/3): bone tumour, out of scope.</summary>
    public static readonly Histology Chordoma = new("chordoma", "Chordoma", HistologyScope.BoneSarcoma, new[] { "9370/3" });

    private static readonly ReadOnlyCollection<Histology> AllList = Registry.AsReadOnly();

    /// <summary>Gets every named histology, soft-tissue and out-of-scope alike (not the "other" classes made from codes).</summary>
    public static IReadOnlyList<Histology> All => AllList;

    /// <summary>
    /// Gets the stable kebab-case code, for example <c>myxoid-liposarcoma</c>; for a morphology that is not a named
    /// subtype, its class: <see cref="OtherSoftTissueSarcomaCode"/>, <see cref="OtherBoneSarcomaCode"/>,
    /// <see cref="NotSoftTissueSarcomaCode"/>, <see cref="NotMalignantCode"/> or <see cref="UnclassifiedCode"/>.
    /// </summary>
    public string Code { get; }

    /// <summary>
    /// Gets the text that identifies this histology in a patient document and parses back to it: <see cref="Code"/>
    /// for a named subtype, otherwise the recorded morphology code (ICD-O-3 <c>8930/3</c> or SNOMED CT <c>51549004</c>).
    /// </summary>
    public string Key { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    private string? lowerCaseName;

    /// <summary>Gets <see cref="Name"/> with a lower-case initial, as the guideline's sentences use it ("myxoid liposarcoma"); computed once.</summary>
    internal string LowerCaseName => lowerCaseName ??= Name.Length == 0 ? Name : char.ToLowerInvariant(Name[0]) + Name.Substring(1);

    /// <summary>Gets whether the histology is a soft-tissue sarcoma, and if not, why it is out of scope.</summary>
    public HistologyScope Scope { get; }

    /// <summary>Gets the ICD-O-3 morphology codes mapped to this histology; the first is the principal code. Empty for an unclassified SNOMED CT code.</summary>
    public IReadOnlyList<string> IcdO3Codes { get; }

    /// <summary>Gets the SNOMED CT morphologic-abnormality codes the built-in table maps to this histology (see <c>docs/histology.md</c>); may be empty.</summary>
    public IReadOnlyList<string> SnomedCtCodes { get; }

    /// <summary>Gets a value indicating whether this is one of the named histologies in <see cref="All"/>.</summary>
    public bool IsNamed { get; }

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

    /// <summary>Gets why the histology is out of scope, or <see langword="null"/> when it is in scope or unclassified.</summary>
    public string? OutOfScopeReason => OutOfScopeReasonMessage?.Text;

    /// <summary>
    /// Gets <see cref="OutOfScopeReason"/> as a message (<c>scope.out.*</c>, with the histology's name as the argument
    /// <c>name</c>), or <see langword="null"/> when in scope or unclassified.
    /// </summary>
    public Sarcoma.Consensus.Wording.Message? OutOfScopeReasonMessage => Scope switch
    {
        HistologyScope.GastrointestinalStromalTumor => new Sarcoma.Consensus.Wording.Message("scope.out.gist"),
        HistologyScope.BoneSarcoma => Sarcoma.Consensus.Wording.Message.Of("scope.out.bone-sarcoma", ("name", Name)),
        HistologyScope.NotSoftTissueSarcoma => Sarcoma.Consensus.Wording.Message.Of("scope.out.not-soft-tissue-sarcoma", ("name", Name)),
        HistologyScope.NotMalignant => Sarcoma.Consensus.Wording.Message.Of("scope.out.not-malignant", ("name", Name)),
        _ => null,
    };

    /// <summary>
    /// Finds a histology by its code or name, case-insensitively (<c>leiomyosarcoma</c>, <c>Leiomyosarcoma</c>,
    /// <c>Myxoid liposarcoma</c>), by an ICD-O-3 morphology code (<c>8890/3</c>, <c>8930/3</c>, <c>8046/3</c>; any
    /// <c>8936/x</c> is GIST) or by a SNOMED CT concept id (<c>51549004</c>), with the built-in rules of
    /// <c>docs/histology.md</c>. Same as <see cref="HistologyMap.TryResolve(string?, out Histology)"/> on
    /// <see cref="HistologyMap.Default"/>.
    /// </summary>
    /// <param name="codeOrIcdO3">The text: no surrounding white space.</param>
    /// <param name="histology">The histology when the text is a name or a code; a non-sarcoma code gives an out-of-scope histology.</param>
    /// <returns><see langword="true"/> when the text is a known name or a well-formed code; <see langword="false"/> when it is neither.</returns>
    public static bool TryParse(string? codeOrIcdO3, out Histology histology) =>
        HistologyMap.Default.TryResolve(codeOrIcdO3, out histology);

    /// <summary>Classifies an ICD-O-3 morphology code (<c>NNNN/B</c>) by the rules of <c>docs/histology.md</c>.</summary>
    /// <param name="morphology">The code, for example <c>8930/3</c>.</param>
    /// <returns>The histology: a named subtype, or the code's class.</returns>
    /// <exception cref="ArgumentException">The text is not an ICD-O-3 morphology code (four digits 8000–9999, a slash, a behaviour digit 0, 1, 2, 3, 6 or 9).</exception>
    public static Histology FromIcdO3(string morphology) =>
        IcdO3Morphology.TryClassify(morphology, out var histology)
            ? histology
            : throw new ArgumentException("Not an ICD-O-3 morphology code (NNNN/B, behaviour 0, 1, 2, 3, 6 or 9).", nameof(morphology));

    /// <summary>Makes a histology for a morphology code of a given class, for a <see cref="HistologyMap"/> entry.</summary>
    /// <param name="scope">The class.</param>
    /// <param name="code">The recorded code (becomes <see cref="Key"/>), an ICD-O-3 or SNOMED CT code.</param>
    /// <param name="name">The display name, for example <c>Endometrial stromal sarcoma</c>.</param>
    /// <param name="icdO3">The ICD-O-3 morphology code it corresponds to, when known.</param>
    /// <returns>The histology.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="name"/> is empty.</exception>
    public static Histology ForClass(HistologyScope scope, string code, string name, string? icdO3 = null)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("A code is required.", nameof(code));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A name is required.", nameof(name));
        }

        string classCode = scope switch
        {
            HistologyScope.SoftTissueSarcoma => OtherSoftTissueSarcomaCode,
            HistologyScope.GastrointestinalStromalTumor => Gist.Code,
            HistologyScope.BoneSarcoma => OtherBoneSarcomaCode,
            HistologyScope.NotSoftTissueSarcoma => NotSoftTissueSarcomaCode,
            HistologyScope.NotMalignant => NotMalignantCode,
            HistologyScope.Unclassified => UnclassifiedCode,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), "Not a defined HistologyScope."),
        };

        return new Histology(classCode, name, scope, icdO3 is null ? Array.Empty<string>() : new[] { icdO3 }, key: code);
    }

    /// <inheritdoc />
    public bool Equals(Histology? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (string.Equals(Code, other.Code, StringComparison.Ordinal) &&
          string.Equals(Key, other.Key, StringComparison.Ordinal) &&
          string.Equals(Name, other.Name, StringComparison.Ordinal) &&
          Scope == other.Scope &&
          IsNamed == other.IsNamed &&
          IcdO3Codes.SequenceEqual(other.IcdO3Codes, StringComparer.Ordinal) &&
          FdgAvidOrNodeProne == other.FdgAvidOrNodeProne &&
          BrainMriSuggested == other.BrainMriSuggested &&
          SpineMriSuggested == other.SpineMriSuggested &&
          NamedChemosensitive == other.NamedChemosensitive));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Histology);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code) * 31 + StringComparer.Ordinal.GetHashCode(Key);

    /// <summary>Compares two histologies by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Histology? left, Histology? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two histologies by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Histology? left, Histology? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => IcdO3Codes.Count > 0 ? $"{Name} ({IcdO3Codes[0]})" : Name;
}
