using System.Collections.Generic;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Imaging;

/// <summary>
/// One examination of the <see cref="ImagingPlan"/>: whether it is indicated for this patient, why, on what basis in
/// the guideline, and whether it has already been done.
/// </summary>
/// <remarks>Immutable and thread-safe. Instances come only from <see cref="ImagingPlan.Assess"/>.</remarks>
public sealed class ImagingItem
{
    /// <summary>The basis of the examinations that rest on the narrative of section 3.4 rather than on a voted recommendation.</summary>
    public const string NarrativeBasis = "section 3.4 narrative (not voted)";

    internal ImagingItem(
        ImagingModality modality,
        string name,
        TriState indicated,
        string reason,
        bool? alreadyDone,
        string doneFact,
        string? recommendationId,
        string basis,
        string? caveat,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<string> missing)
    {
        Modality = modality;
        Name = name;
        Indicated = indicated;
        Reason = reason;
        AlreadyDone = alreadyDone;
        DoneFact = doneFact;
        RecommendationId = recommendationId;
        Basis = basis;
        Caveat = caveat;
        Findings = findings.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets the examination.</summary>
    public ImagingModality Modality { get; }

    /// <summary>Gets the examination's name as the guideline writes it, for example <c>18F-FDG-PET/CT</c>.</summary>
    public string Name { get; }

    /// <summary>Gets whether the examination is indicated for this patient; <see cref="TriState.Unknown"/> names its <see cref="Missing"/> facts.</summary>
    public TriState Indicated { get; }

    /// <summary>Gets one sentence explaining <see cref="Indicated"/>.</summary>
    public string Reason { get; }

    /// <summary>Gets whether the examination has already been done (from <c>staging.*</c>); <see langword="null"/> when not recorded.</summary>
    public bool? AlreadyDone { get; }

    /// <summary>Gets the name of the staging fact that records whether the examination was done, for example <c>staging.liverMri</c>.</summary>
    public string DoneFact { get; }

    /// <summary>Gets the id of the voted recommendation behind the examination (4.1, 4.2 or 4.3), or <see langword="null"/> when it rests on the narrative only (brain and total-spine MRI).</summary>
    public string? RecommendationId { get; }

    /// <summary>Gets a value indicating whether the examination rests on a voted recommendation.</summary>
    public bool IsVoted => RecommendationId is not null;

    /// <summary>
    /// Gets the basis in the guideline: <c>recommendation 4.1</c> (4.2, 4.3), possibly extended by the narrative, or
    /// <see cref="NarrativeBasis"/>.
    /// </summary>
    public string Basis { get; }

    /// <summary>Gets a caveat the guideline attaches to the examination for this patient (for example FDG-PET/CT in a subtype of low FDG avidity), or <see langword="null"/>.</summary>
    public string? Caveat { get; }

    /// <summary>Gets the patient facts that decided <see cref="Indicated"/>.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the facts whose absence left <see cref="Indicated"/> unknown (empty otherwise).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets a short phrase for <see cref="AlreadyDone"/>: "already done", "not done yet" or "not recorded whether it was done".</summary>
    public string DoneStatus => AlreadyDone switch
    {
        true => "already done",
        false => "not done yet",
        _ => "not recorded whether it was done",
    };

    /// <summary>Gets the done status as a finding on <see cref="DoneFact"/>.</summary>
    /// <returns>The finding.</returns>
    public Finding DoneFinding() => new(DoneFact, ResultBuilder.Format(AlreadyDone), $"{Name}: {DoneStatus}.");

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Indicated.ToString().ToLowerInvariant()} ({Basis}); {DoneStatus}";
}
