using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// What is known about one patient with metastatic soft-tissue sarcoma. Every fact may be unknown
/// (<see langword="null"/>); unknown is never read as "no".
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. Build it with <see cref="PatientBuilder"/> (validated at <c>Build()</c>) or
/// with object initialisers; the engine validates every patient before it evaluates (see
/// <see cref="PatientValidator"/>) and reports every problem at once, naming the fields and never their values.
/// </para>
/// <para>
/// Every type of the model compares by value, lists included: two patients are equal when they hold equal facts, lesions
/// in the same order. Lists given to an <c>init</c> accessor are copied, so changing the array or list afterwards does
/// not change the patient, and the lists the model exposes cannot be cast back to something writable. Decimals are kept
/// without trailing zeros (<c>25.50</c> is held as <c>25.5</c>), so equal values read, compare and print the same.
/// A section set to <see langword="null"/> (for example <c>Staging = null!</c>, or a JSON serializer given
/// <c>{"Staging":null}</c>) is reported by the validator under the section's name.
/// </para>
/// </remarks>
public sealed record Patient
{
    /// <summary>Gets the primary tumour.</summary>
    public PrimaryTumor? Primary { get; init; }

    /// <summary>Gets the metastatic disease under consideration (the current presentation or recurrence).</summary>
    public MetastaticDisease? Metastases { get; init; }

    /// <summary>Gets which staging examinations were done.</summary>
    public Staging Staging { get; init; } = new();

    /// <summary>Gets the performance status, ASA class and comorbidities.</summary>
    public ClinicalStatus Clinical { get; init; } = new();

    /// <summary>Gets the treatment history.</summary>
    public TreatmentHistory Treatment { get; init; } = new();

    /// <summary>Gets the facts for planning liver surgery.</summary>
    public LiverSurgeryPlan LiverSurgery { get; init; } = new();

    /// <summary>Gets the contraindications to focal (ablative or catheter-directed) therapy.</summary>
    public FocalTherapyContraindications FocalTherapyContraindications { get; init; } = new();

    /// <summary>Gets the facts that make the origin of a liver lesion uncertain.</summary>
    public OriginUncertainty OriginUncertainty { get; init; } = new();

    /// <summary>Starts a fluent builder.</summary>
    /// <returns>A new builder.</returns>
    public static PatientBuilder Builder() => new();
}

/// <summary>The primary tumour.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PrimaryTumor
{
    /// <summary>Gets the histology, or <see langword="null"/> when unknown.</summary>
    public Histology? Histology { get; init; }

    /// <summary>Gets the primary site.</summary>
    public PrimarySite? Site { get; init; }

    /// <summary>Gets the histologic grade.</summary>
    public HistologicGrade? Grade { get; init; }

    /// <summary>Gets the date of initial diagnosis of the primary tumour.</summary>
    public LocalDate? DiagnosedOn { get; init; }

    /// <summary>Gets whether the primary tumour has been resected.</summary>
    public bool? Resected { get; init; }

    /// <summary>Gets the date of resection of the primary tumour.</summary>
    public LocalDate? ResectedOn { get; init; }

    /// <summary>Gets whether the primary tumour (if still in place) is resectable.</summary>
    public bool? Resectable { get; init; }
}

/// <summary>
/// The metastatic disease under consideration: when it was detected, its lesions and any diffuse involvement.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MetastaticDisease
{
    /// <summary>Gets the date the metastases (or the current recurrence) were detected.</summary>
    public LocalDate? DetectedOn { get; init; }

    /// <summary>
    /// Gets whether there is currently no evidence of metastatic disease (for example after a complete
    /// metastasectomy, during follow-up). When <see langword="true"/>, <see cref="Lesions"/> must be empty and
    /// <see cref="DetectedOn"/> may still hold the date the treated metastases were found.
    /// </summary>
    public bool? NoEvidenceOfDisease { get; init; }

    private readonly IReadOnlyList<Lesion> lesions = ReadOnlyValueList<Lesion>.None;

    /// <summary>Gets the current metastatic lesions found on staging (not lesions already removed or ablated). Copied when set.</summary>
    public IReadOnlyList<Lesion> Lesions { get => lesions; init => lesions = ReadOnlyValueList.CopyOrNull(value); }

    /// <summary>Gets diffuse-organ involvement (sarcomatosis).</summary>
    public DiffuseInvolvement Diffuse { get; init; } = new();
}

/// <summary>One metastatic lesion.</summary>
/// <remarks>Immutable and thread-safe. Liver-only facts (segments, lobe, central location) must be unset for other sites.</remarks>
public sealed record Lesion
{
    /// <summary>Gets the organ or site.</summary>
    public MetastaticSite Site { get; init; }

    private readonly decimal? sizeMm;
    private readonly IReadOnlyList<int> segments = ReadOnlyValueList<int>.None;

    /// <summary>Gets the largest diameter in millimetres (kept without trailing zeros).</summary>
    public decimal? SizeMm { get => sizeMm; init => sizeMm = Decimals.Normalize(value); }

    /// <summary>Gets the Couinaud segments (1–8) the lesion occupies; empty when unknown or not a liver lesion. Copied when set.</summary>
    public IReadOnlyList<int> Segments { get => segments; init => segments = ReadOnlyValueList.CopyOrNull(value); }

    /// <summary>
    /// Gets the one liver lobe the lesion lies in, as recorded; recorded segments other than the caudate (1) must lie in it
    /// (a lesion reaching both hemilivers has no single lobe). See <see cref="EffectiveLobe"/> for the derived value.
    /// </summary>
    public LiverLobe? Lobe { get; init; }

    /// <summary>Gets whether the lesion involves major vessels.</summary>
    public bool? VascularInvolvement { get; init; }

    /// <summary>Gets whether a liver lesion is centrally located.</summary>
    public bool? CentralLocation { get; init; }

    /// <summary>Gets whether the lesion causes symptoms.</summary>
    public bool? Symptomatic { get; init; }

    /// <summary>Gets whether the lesion is amenable to complete surgical resection.</summary>
    public bool? Resectable { get; init; }

    /// <summary>Gets whether the lesion is amenable to non-surgical ablation (including SBRT or catheter-directed therapy).</summary>
    public bool? Ablatable { get; init; }

    /// <summary>
    /// Gets the lobe: <see cref="Lobe"/> when recorded, otherwise derived from <see cref="Segments"/> when all
    /// segments lie in one lobe (1 caudate; 2–4 left; 5–8 right); <see langword="null"/> when unknown or spanning lobes.
    /// </summary>
    public LiverLobe? EffectiveLobe
    {
        get
        {
            if (Lobe is not null || Segments is null || Segments.Count == 0)
            {
                return Lobe;
            }

            LiverLobe? lobe = null;
            foreach (var segment in Segments)
            {
                LiverLobe current = segment == 1 ? LiverLobe.Caudate : segment <= 4 ? LiverLobe.Left : LiverLobe.Right;
                if (lobe is not null && lobe != current)
                {
                    return null;
                }

                lobe = current;
            }

            return lobe;
        }
    }

    /// <summary>Gets the lobes the lesion touches, from its segments or recorded lobe, in the order of <see cref="LiverLobe"/>.</summary>
    public IReadOnlyCollection<LiverLobe> LobesTouched
    {
        get
        {
            // A bit per lobe (by enum value); the lists for the eight combinations are shared and read-only.
            if (Segments is null)
            {
                return Lobe is { } only ? LobeSets[1 << (int)only] : ReadOnlyValueList<LiverLobe>.None;
            }

            var mask = Lobe is { } recorded ? 1 << (int)recorded : 0;
            for (var i = 0; i < Segments.Count; i++)
            {
                var segment = Segments[i];
                mask |= 1 << (int)(segment == 1 ? LiverLobe.Caudate : segment <= 4 ? LiverLobe.Left : LiverLobe.Right);
            }

            return LobeSets[mask];
        }
    }

    // LobeSets[mask]: the lobes whose bit is set, in the order of LiverLobe.
    private static readonly ReadOnlyValueList<LiverLobe>[] LobeSets = Enumerable.Range(0, 8)
        .Select(mask => new[] { LiverLobe.Left, LiverLobe.Right, LiverLobe.Caudate }.Where(l => (mask & (1 << (int)l)) != 0).ToArray())
        .Select(ReadOnlyValueList<LiverLobe>.Wrap)
        .ToArray();
}

/// <summary>Diffuse-organ involvement (recommendation 1.2): malignant pleural, pericardial, peritoneal or leptomeningeal sarcomatosis.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DiffuseInvolvement
{
    /// <summary>Gets whether there is malignant pleural sarcomatosis.</summary>
    public bool? Pleural { get; init; }

    /// <summary>Gets whether there is malignant pericardial sarcomatosis.</summary>
    public bool? Pericardial { get; init; }

    /// <summary>Gets whether there is peritoneal sarcomatosis.</summary>
    public bool? Peritoneal { get; init; }

    /// <summary>Gets whether there is leptomeningeal sarcomatosis.</summary>
    public bool? Leptomeningeal { get; init; }
}

/// <summary>Which staging examinations have been done (section 3.4).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Staging
{
    /// <summary>Gets whether an iodinated contrast-enhanced CT was done.</summary>
    public bool? ContrastCt { get; init; }

    /// <summary>Gets whether a liver MRI was done.</summary>
    public bool? LiverMri { get; init; }

    /// <summary>Gets whether an 18F-FDG-PET/CT was done.</summary>
    public bool? FdgPetCt { get; init; }

    /// <summary>Gets whether a brain MRI was done.</summary>
    public bool? BrainMri { get; init; }

    /// <summary>Gets whether a total-spine MRI was done.</summary>
    public bool? SpineMri { get; init; }
}

/// <summary>Performance status, anaesthetic risk and comorbidities (recommendation 7.2).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ClinicalStatus
{
    /// <summary>Gets the ECOG performance status, 0–5.</summary>
    public int? Ecog { get; init; }

    /// <summary>Gets the ASA physical status class, 1–6.</summary>
    public int? AsaClass { get; init; }

    /// <summary>Gets whether the patient has significant comorbidities.</summary>
    public bool? SignificantComorbidities { get; init; }

    /// <summary>Gets whether the patient is medically fit for major surgery, as judged by the treating team.</summary>
    public bool? FitForSurgery { get; init; }
}

/// <summary>One previous liver resection.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record LiverResection
{
    /// <summary>Gets the date of the resection.</summary>
    public LocalDate? PerformedOn { get; init; }

    /// <summary>Gets the margin achieved.</summary>
    public ResectionMargin? Margin { get; init; }
}

/// <summary>Treatment history for the metastatic disease.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TreatmentHistory
{
    /// <summary>Gets whether the patient has received systemic therapy for metastatic disease.</summary>
    public bool? SystemicTherapyReceived { get; init; }

    /// <summary>Gets the best response to that systemic therapy.</summary>
    public TreatmentResponse? SystemicTherapyResponse { get; init; }

    /// <summary>Gets whether the patient is currently on systemic therapy.</summary>
    public bool? OnSystemicTherapy { get; init; }

    /// <summary>Gets whether induction (preoperative) systemic therapy is planned or proposed.</summary>
    public bool? InductionTherapyPlanned { get; init; }

    /// <summary>Gets the date the last treatment (surgery, ablation or systemic therapy) ended; counts the treatment-free interval.</summary>
    public LocalDate? LastTreatmentEndedOn { get; init; }

    private readonly IReadOnlyList<LiverResection> liverResections = ReadOnlyValueList<LiverResection>.None;

    /// <summary>Gets previous liver resections (liver metastasectomies), in any order. Empty means none recorded. Copied when set.</summary>
    public IReadOnlyList<LiverResection> LiverResections { get => liverResections; init => liverResections = ReadOnlyValueList.CopyOrNull(value); }

    /// <summary>Gets whether any liver resection has ever been done; <see langword="null"/> when unknown. A non-empty <see cref="LiverResections"/> implies <see langword="true"/>.</summary>
    public bool? PreviousLiverResection { get; init; }

    /// <summary>Gets whether adjuvant systemic therapy was given after the first liver resection.</summary>
    public bool? AdjuvantTherapyAfterFirstLiverResection { get; init; }

    /// <summary>Gets the number of previous abdominal surgeries.</summary>
    public int? PreviousAbdominalSurgeries { get; init; }

    /// <summary>Gets whether the patient has had a previous liver resection: true when any is listed, otherwise <see cref="PreviousLiverResection"/>.</summary>
    public bool? HasPreviousLiverResection => LiverResections?.Count > 0 ? true : PreviousLiverResection;
}

/// <summary>Facts for planning liver surgery (section 3.7).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record LiverSurgeryPlan
{
    /// <summary>Gets whether a major hepatectomy (three or more segments) is planned.</summary>
    public bool? MajorHepatectomyPlanned { get; init; }

    private readonly decimal? futureLiverRemnantPercent;

    /// <summary>Gets the estimated standardised future liver remnant, in percent (0–100; kept without trailing zeros).</summary>
    public decimal? FutureLiverRemnantPercent { get => futureLiverRemnantPercent; init => futureLiverRemnantPercent = Decimals.Normalize(value); }

    /// <summary>Gets whether the patient has had extensive prior chemotherapy.</summary>
    public bool? ExtensivePriorChemotherapy { get; init; }
}

/// <summary>Contraindications to focal therapy (section 3.10).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FocalTherapyContraindications
{
    /// <summary>Gets whether there is an uncorrectable coagulopathy (absolute contraindication).</summary>
    public bool? UncorrectableCoagulopathy { get; init; }

    /// <summary>Gets whether there is active infection in the planned treatment area (absolute contraindication).</summary>
    public bool? ActiveInfectionInTreatmentArea { get; init; }

    /// <summary>Gets whether adjacent critical structures cannot be displaced or protected (relative contraindication).</summary>
    public bool? AdjacentStructuresNotProtectable { get; init; }

    /// <summary>Gets whether there is decompensated liver failure (relative contraindication).</summary>
    public bool? DecompensatedLiverFailure { get; init; }
}

/// <summary>Facts that make a liver lesion's origin uncertain (recommendations 3.1 and 4.2).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OriginUncertainty
{
    /// <summary>Gets whether the patient has risk factors for hepatocellular carcinoma.</summary>
    public bool? HccRiskFactors { get; init; }

    /// <summary>Gets whether the patient has a history of colorectal cancer.</summary>
    public bool? ColorectalCancerHistory { get; init; }

    /// <summary>Gets whether the patient has a history of another cancer.</summary>
    public bool? OtherCancerHistory { get; init; }
}
