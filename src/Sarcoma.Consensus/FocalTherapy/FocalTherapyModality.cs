using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>The families of non-surgical local (focal) therapy for liver metastases named in section 3.10.</summary>
public enum FocalTherapyModalityGroup
{
    /// <summary>Catheter-based intra-arterial therapies: TAE, TACE and TARE.</summary>
    CatheterBasedIntraArterial,

    /// <summary>Thermal ablation, by hypothermia (cryoablation) or hyperthermia (radiofrequency, microwave, laser, HIFU).</summary>
    ThermalAblation,

    /// <summary>Non-thermal ablation: irreversible electroporation.</summary>
    NonThermalAblation,

    /// <summary>Stereotactic body radiation therapy.</summary>
    StereotacticBodyRadiotherapy,
}

/// <summary>
/// One local-therapy modality the guideline names for liver metastases (section 3.10), with the group it belongs to and
/// what the section says of it. "Several local therapy modalities are available, each requiring specific expertise."
/// </summary>
/// <remarks>Immutable and thread-safe; the instances are fixed reference data.</remarks>
public sealed class FocalTherapyModality
{
    /// <summary>Transarterial embolization (TAE).</summary>
    public static readonly FocalTherapyModality TransarterialEmbolization = new(
        "tae", "Transarterial embolization", "TAE", FocalTherapyModalityGroup.CatheterBasedIntraArterial, null,
        "Catheter-based intra-arterial therapies have been shown to be safe for progressive disease, with high rates of local disease control and overall survival.");

    /// <summary>Transarterial chemoembolization (TACE).</summary>
    public static readonly FocalTherapyModality TransarterialChemoembolization = new(
        "tace", "Transarterial chemoembolization", "TACE", FocalTherapyModalityGroup.CatheterBasedIntraArterial, null,
        "TACE has been shown to increase overall survival in sarcoma patients with liver metastases.");

    /// <summary>Transarterial radioembolization (TARE).</summary>
    public static readonly FocalTherapyModality TransarterialRadioembolization = new(
        "tare", "Transarterial radioembolization", "TARE", FocalTherapyModalityGroup.CatheterBasedIntraArterial, null,
        "There is evidence to support TARE with yttrium-90 microspheres in liver metastases from sarcoma.");

    /// <summary>Cryoablation (thermal ablation by hypothermia).</summary>
    public static readonly FocalTherapyModality Cryoablation = new(
        "cryoablation", "Cryoablation", null, FocalTherapyModalityGroup.ThermalAblation, "hypothermia",
        "Cryoablation has been shown to improve overall survival in patients with oligometastatic disease.");

    /// <summary>Radiofrequency ablation (RFA; thermal ablation by hyperthermia).</summary>
    public static readonly FocalTherapyModality RadiofrequencyAblation = new(
        "rfa", "Radiofrequency ablation", "RFA", FocalTherapyModalityGroup.ThermalAblation, "hyperthermia",
        "RFA has been shown to improve overall survival in patients with oligometastatic disease.");

    /// <summary>Microwave ablation (MWA; thermal ablation by hyperthermia).</summary>
    public static readonly FocalTherapyModality MicrowaveAblation = new(
        "mwa", "Microwave ablation", "MWA", FocalTherapyModalityGroup.ThermalAblation, "hyperthermia", null);

    /// <summary>Laser ablation (thermal ablation by hyperthermia).</summary>
    public static readonly FocalTherapyModality LaserAblation = new(
        "laser-ablation", "Laser ablation", null, FocalTherapyModalityGroup.ThermalAblation, "hyperthermia", null);

    /// <summary>High-intensity focused ultrasound (HIFU; thermal ablation by hyperthermia).</summary>
    public static readonly FocalTherapyModality HighIntensityFocusedUltrasound = new(
        "hifu", "High-intensity focused ultrasound", "HIFU", FocalTherapyModalityGroup.ThermalAblation, "hyperthermia", null);

    /// <summary>Irreversible electroporation (IRE; non-thermal ablation).</summary>
    public static readonly FocalTherapyModality IrreversibleElectroporation = new(
        "ire", "Irreversible electroporation", "IRE", FocalTherapyModalityGroup.NonThermalAblation, "permanent cell-membrane damage", null);

    /// <summary>Stereotactic body radiation therapy (SBRT).</summary>
    public static readonly FocalTherapyModality StereotacticBodyRadiationTherapy = new(
        "sbrt", "Stereotactic body radiation therapy", "SBRT", FocalTherapyModalityGroup.StereotacticBodyRadiotherapy, null,
        "Recent reviews and case series support SBRT for local control, with potential survival benefit in selected patients with liver metastases from sarcoma.");

    private static readonly ReadOnlyCollection<FocalTherapyModality> AllList = Array.AsReadOnly(new[]
    {
        TransarterialEmbolization, TransarterialChemoembolization, TransarterialRadioembolization,
        Cryoablation, RadiofrequencyAblation, MicrowaveAblation, LaserAblation, HighIntensityFocusedUltrasound,
        IrreversibleElectroporation, StereotacticBodyRadiationTherapy,
    });

    private FocalTherapyModality(string code, string name, string? abbreviation, FocalTherapyModalityGroup group, string? mechanism, string? evidence)
    {
        Code = code;
        Name = name;
        Abbreviation = abbreviation;
        Group = group;
        Mechanism = mechanism;
        Evidence = evidence;
    }

    /// <summary>Gets every modality named in section 3.10, grouped in the section's order.</summary>
    public static IReadOnlyList<FocalTherapyModality> All => AllList;

    /// <summary>Gets a stable kebab-case code, for example <c>tace</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the abbreviation the guideline uses, or <see langword="null"/> when it uses none.</summary>
    public string? Abbreviation { get; }

    /// <summary>Gets the group.</summary>
    public FocalTherapyModalityGroup Group { get; }

    /// <summary>Gets how the modality kills tumour cells, where section 3.10 says (for example <c>hyperthermia</c>), else <see langword="null"/>.</summary>
    public string? Mechanism { get; }

    /// <summary>Gets what section 3.10 says of the modality's evidence, or <see langword="null"/> when it says nothing specific.</summary>
    public string? Evidence { get; }

    /// <summary>Gets the short label: the abbreviation when there is one, else the name in lower case.</summary>
    public string Label => Abbreviation ?? Name.ToLowerInvariant();

    /// <summary>Gets the short label as a message of the catalogue (<c>focal-therapy.modality.&lt;code&gt;</c>).</summary>
    public Message LabelMessage => new("focal-therapy.modality." + Code);

    /// <summary>Describes a group as section 3.10 names it.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The description.</returns>
    public static string Describe(FocalTherapyModalityGroup group) => group switch
    {
        FocalTherapyModalityGroup.CatheterBasedIntraArterial => "catheter-based intra-arterial therapy",
        FocalTherapyModalityGroup.ThermalAblation => "thermal ablation",
        FocalTherapyModalityGroup.NonThermalAblation => "non-thermal ablation",
        _ => "stereotactic body radiation therapy",
    };

    /// <inheritdoc />
    public override string ToString() => Abbreviation is null ? Name : $"{Name} ({Abbreviation})";
}
