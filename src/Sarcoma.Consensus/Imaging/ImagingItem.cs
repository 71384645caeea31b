using System.Collections.Generic;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

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
        TriState indicated,
        Message reason,
        Message? clause,
        bool? alreadyDone,
        string doneFact,
        string? recommendationId,
        string basis,
        Message? caveat,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<string> missing,
        bool repeatAfterSystemicTreatment = false,
        bool? baselineDone = null)
    {
        RepeatAfterSystemicTreatment = repeatAfterSystemicTreatment;
        baselineDoneForRepeat = baselineDone;
        Modality = modality;
        Indicated = indicated;
        ReasonMessage = reason;
        IndicationClause = clause;
        AlreadyDone = alreadyDone;
        DoneFact = doneFact;
        RecommendationId = recommendationId;
        Basis = basis;
        CaveatMessage = caveat;
        Findings = findings.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets the examination.</summary>
    public ImagingModality Modality { get; }

    /// <summary>Gets the examination's name as the guideline writes it, for example <c>18F-FDG-PET/CT</c>.</summary>
    public string Name => NameMessage.Text;

    /// <summary>Gets the examination's name as data (the term <c>imaging.modality.&lt;code&gt;</c>).</summary>
    public Message NameMessage => NameMessages[(int)Modality];

    // One name message per modality, in the enum's order (immutable, shared).
    private static readonly Message[] NameMessages =
    {
        new("imaging.modality." + ModalityCode(ImagingModality.ContrastCt)),
        new("imaging.modality." + ModalityCode(ImagingModality.LiverMri)),
        new("imaging.modality." + ModalityCode(ImagingModality.FdgPetCt)),
        new("imaging.modality." + ModalityCode(ImagingModality.BrainMri)),
        new("imaging.modality." + ModalityCode(ImagingModality.SpineMri)),
    };

    /// <summary>Gets whether the examination is indicated for this patient; <see cref="TriState.Unknown"/> names its <see cref="Missing"/> facts.</summary>
    public TriState Indicated { get; }

    /// <summary>Gets one sentence explaining <see cref="Indicated"/>, as data.</summary>
    public Message ReasonMessage { get; }

    /// <summary>Gets, when the examination is indicated, why, as a clause without the closing full stop (for summaries that go on); otherwise <see langword="null"/>.</summary>
    internal Message? IndicationClause { get; }

    /// <summary>Gets <see cref="ReasonMessage"/> rendered in English.</summary>
    public string Reason => ReasonMessage.Text;

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
    public string? Caveat => CaveatMessage?.Text;

    /// <summary>Gets <see cref="Caveat"/> as data, or <see langword="null"/>.</summary>
    public Message? CaveatMessage { get; }

    /// <summary>Gets the patient facts that decided <see cref="Indicated"/>.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the facts whose absence left <see cref="Indicated"/> unknown (empty otherwise).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>
    /// Gets whether the examination asked for is a repeat of a baseline examination after systemic treatment (section 3.4:
    /// FDG-PET/CT "after upfront/induction systemic treatment to evaluate response and rule out extra-hepatic
    /// progression"): <see cref="AlreadyDone"/> then says the repeat is not recorded, whatever the baseline staging.
    /// </summary>
    public bool RepeatAfterSystemicTreatment { get; }

    // For a repeat, whether the baseline examination is recorded as done.
    private readonly bool? baselineDoneForRepeat;

    /// <summary>
    /// Gets a short phrase for <see cref="AlreadyDone"/>: "already done", "not done yet" or "not recorded whether it was
    /// done"; for a repeat after systemic treatment (<see cref="RepeatAfterSystemicTreatment"/>), "post-induction scan not
    /// yet recorded" and whether the baseline scan is recorded.
    /// </summary>
    public string DoneStatus => DoneStatusMessage.Text;

    /// <summary>Gets <see cref="DoneStatus"/> as data.</summary>
    public Message DoneStatusMessage => RepeatAfterSystemicTreatment
        ? Message.Of("imaging.done-status.repeat", ("baseline", ResultBuilder.Format(baselineDoneForRepeat)))
        : Message.Of("imaging.done-status", ("done", ResultBuilder.Format(AlreadyDone)));

    /// <summary>Gets the done status as a finding on <see cref="DoneFact"/>.</summary>
    /// <returns>The finding.</returns>
    public Finding DoneFinding() =>
        (uint)Modality < DoneFindings.Length / 3
        && DoneFindings[((int)Modality * 3) + DoneIndex(AlreadyDone)] is { } shared && ReferenceEquals(shared.Fact, DoneFact)
            ? shared
            : CreateDoneFinding(Modality, DoneFact, AlreadyDone);

    // The done findings of the plan's examinations (each modality's own staging fact, done yes/no/unknown): no patient
    // value beyond those three states, so made once per process; a modality with another fact gets a new one.
    private static readonly Finding[] DoneFindings = CreateDoneFindings();

    private static Finding[] CreateDoneFindings()
    {
        (ImagingModality Modality, string Fact)[] facts =
        {
            (ImagingModality.ContrastCt, FactNames.StagingContrastCt),
            (ImagingModality.LiverMri, FactNames.StagingLiverMri),
            (ImagingModality.FdgPetCt, FactNames.StagingFdgPetCt),
            (ImagingModality.BrainMri, FactNames.StagingBrainMri),
            (ImagingModality.SpineMri, FactNames.StagingSpineMri),
        };
        var findings = new Finding[facts.Length * 3];
        foreach (var (modality, fact) in facts)
        {
            foreach (var done in new bool?[] { true, false, null })
            {
                findings[((int)modality * 3) + DoneIndex(done)] = CreateDoneFinding(modality, fact, done);
            }
        }

        return findings;
    }

    private static int DoneIndex(bool? done) => done switch { true => 0, false => 1, _ => 2 };

    private static Finding CreateDoneFinding(ImagingModality modality, string doneFact, bool? done) =>
        new(doneFact, ResultBuilder.Format(done), Message.Of("imaging.done", ("modality", ModalityCode(modality)), ("done", ResultBuilder.Format(done))));

    /// <summary>Gets the code of an examination, as in JSON (<c>contrast-ct</c>, <c>liver-mri</c>, <c>fdg-pet-ct</c>, <c>brain-mri</c>, <c>spine-mri</c>).</summary>
    internal static string ModalityCode(ImagingModality modality) => modality switch
    {
        ImagingModality.ContrastCt => "contrast-ct",
        ImagingModality.LiverMri => "liver-mri",
        ImagingModality.FdgPetCt => "fdg-pet-ct",
        ImagingModality.BrainMri => "brain-mri",
        _ => "spine-mri",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Indicated.ToString().ToLowerInvariant()} ({Basis}); {DoneStatus}";
}
