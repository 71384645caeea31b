using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Imaging;

/// <summary>
/// The radiological evaluation of the liver metastases (section 3.4, recommendations 4.1–4.3): which examinations are
/// indicated for this patient, why, on what basis, and which are already done.
/// </summary>
/// <remarks>
/// <para>Every examination concerns patients with liver metastases: with no liver lesion among recorded lesions, none is
/// indicated; with no lesion recorded at all, each is unknown.</para>
/// <list type="bullet">
/// <item><description>Contrast-enhanced CT (4.1): every patient with liver metastases, "especially in RPS" (noted when
/// <c>primary.site</c> is retroperitoneal).</description></item>
/// <item><description>Hepatic MRI (4.2): any liver lesion smaller than 1 cm (largest diameter under 10 mm; 10 mm is not
/// smaller than 1 cm), or liver lesions of uncertain origin (<see cref="OriginUncertaintyAssessment"/>).</description></item>
/// <item><description>18F-FDG-PET/CT (4.3): subtypes the guideline names as FDG-avid or prone to lymph-node spread
/// (by default <see cref="Histology.FdgAvidOrNodeProne"/>; <see cref="ConsensusOptions.FdgPetCtSubtypes"/>); and, per the section 3.4 narrative, every candidate for metastatic
/// resection, to confirm the oligometastatic stage (<see cref="Indication.LiverResectionCandidacy"/> yes).</description></item>
/// <item><description>Brain MRI (section 3.4 narrative, not voted): <see cref="Histology.BrainMriSuggested"/>.</description></item>
/// <item><description>Total-spine MRI (section 3.4 narrative, not voted): <see cref="Histology.SpineMriSuggested"/>.</description></item>
/// </list>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ImagingPlan
{
    // Recommendation 4.2: "lesions smaller than 1 cm". Fixed by the voted text (not a threshold the guideline leaves
    // open); a lesion of exactly 10 mm is not smaller than 1 cm.
    internal const decimal SmallLesionThresholdMm = 10m;

    // Wording that carries no patient value, shared by every plan (messages and findings are immutable).
    private static readonly Message RetroperitonealMessage = new("imaging.contrast-ct.retroperitoneal");
    private static readonly Message LiverMriNotIndicatedMessage = new("imaging.liver-mri.not-indicated");
    private static readonly Message AblationInViewMessage = new("imaging.reason.ablation-in-view");
    private static readonly Message LowAvidityCaveatMessage = new("imaging.fdg-pet-ct.caveat.low-avidity");
    private static readonly Message AfterSystemicTreatmentMessage = new("imaging.reason.after-systemic-treatment");
    private static readonly Message NoLesionRecordedMessage = new("imaging.no-lesion-recorded");
    private static readonly Message NoLiverMetastasisMessage = new("imaging.no-liver-metastasis");
    private static readonly Finding HistologyUnknownFinding = new(FactNames.PrimaryHistology, "unknown", new Message("imaging.histology-unknown"));
    private static readonly string SmallLesionThreshold = ResultBuilder.Format(SmallLesionThresholdMm) + " mm";

    // The subtype lists of the narrative examinations and of 4.3 with the default options: fixed by the histology
    // catalogue, so built once per process (read-only value lists, handed to messages without a copy).
    private static readonly IReadOnlyList<string> BrainMriSubtypes = SubtypeList(h => h.BrainMriSuggested);
    private static readonly IReadOnlyList<string> SpineMriSubtypes = SubtypeList(h => h.SpineMriSuggested);
    private static readonly IReadOnlyList<string> DefaultFdgPetCtSubtypes = SubtypeList(h => h.FdgAvidOrNodeProne);

    private readonly ImagingItem[] items;

    private ImagingPlan(ImagingItem[] items)
    {
        this.items = items;
        Items = ReadOnlyValueList<ImagingItem>.Wrap(items);
    }

    /// <summary>Gets every examination, in the order of section 3.4: CT, hepatic MRI, FDG-PET/CT, brain MRI, total-spine MRI.</summary>
    public IReadOnlyList<ImagingItem> Items { get; }

    /// <summary>Gets the contrast-enhanced CT item (4.1).</summary>
    public ImagingItem ContrastCt => Get(ImagingModality.ContrastCt);

    /// <summary>Gets the hepatic MRI item (4.2).</summary>
    public ImagingItem LiverMri => Get(ImagingModality.LiverMri);

    /// <summary>Gets the FDG-PET/CT item (4.3).</summary>
    public ImagingItem FdgPetCt => Get(ImagingModality.FdgPetCt);

    /// <summary>Gets the brain MRI item (section 3.4 narrative).</summary>
    public ImagingItem BrainMri => Get(ImagingModality.BrainMri);

    /// <summary>Gets the total-spine MRI item (section 3.4 narrative).</summary>
    public ImagingItem SpineMri => Get(ImagingModality.SpineMri);

    /// <summary>Gets the examinations that are indicated and not recorded as done.</summary>
    public IReadOnlyList<ImagingItem> Outstanding
    {
        get
        {
            var outstanding = new List<ImagingItem>(items.Length);
            foreach (var item in items)
            {
                if (item.Indicated == TriState.Yes && item.AlreadyDone != true)
                {
                    outstanding.Add(item);
                }
            }

            return ReadOnlyValueList<ImagingItem>.CopyOf(outstanding);
        }
    }

    /// <summary>Gets the item for an examination.</summary>
    /// <param name="modality">The examination.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="modality"/> is not a defined value.</exception>
    public ImagingItem Get(ImagingModality modality)
    {
        foreach (var item in items)
        {
            if (item.Modality == modality)
            {
                return item;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(modality), "Not a known imaging modality.");
    }

    /// <summary>Assesses the imaging plan for the patient in <paramref name="context"/>.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static ImagingPlan Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return new ImagingPlan(new[]
        {
            ContrastCtItem(context),
            LiverMriItem(context),
            FdgPetCtItem(context),
            HistologyDrivenItem(context, ImagingModality.BrainMri, context.Patient.Staging.BrainMri, FactNames.StagingBrainMri, BrainMriSubtypes, static h => h.BrainMriSuggested),
            HistologyDrivenItem(context, ImagingModality.SpineMri, context.Patient.Staging.SpineMri, FactNames.StagingSpineMri, SpineMriSubtypes, static h => h.SpineMriSuggested),
        });
    }

    private static ImagingItem ContrastCtItem(EvaluationContext context)
    {
        var item = new Item(context, ImagingModality.ContrastCt, context.Patient.Staging.ContrastCt, FactNames.StagingContrastCt, "4.1", "recommendation 4.1");
        if (item.Gated(out var gated))
        {
            return gated;
        }

        item.Findings.Add(LiverLesionCount(context));
        var rps = context.Patient.Primary?.Site == PrimarySite.Retroperitoneal;
        if (rps)
        {
            item.Findings.Add(new Finding(FactNames.PrimarySite, "retroperitoneal", RetroperitonealMessage, source: "4.1"));
        }

        return item.Indicated(Message.Of("imaging.contrast-ct.indicated", ("rps", rps)));
    }

    private static ImagingItem LiverMriItem(EvaluationContext context)
    {
        var item = new Item(context, ImagingModality.LiverMri, context.Patient.Staging.LiverMri, FactNames.StagingLiverMri, "4.2", "recommendation 4.2");
        if (item.Gated(out var gated))
        {
            return gated;
        }

        var liver = context.LiverLesions;
        var smallCount = 0;
        var unsized = 0;
        decimal? smallestSize = null;
        for (var i = 0; i < liver.Count; i++)
        {
            if (liver[i].SizeMm is not { } size)
            {
                unsized++;
                continue;
            }

            if (size < SmallLesionThresholdMm)
            {
                smallCount++;
            }

            if (smallestSize is null || size < smallestSize)
            {
                smallestSize = size;
            }
        }

        var threshold = SmallLesionThreshold;
        var reasons = new List<Message>(2);
        if (smallCount > 0)
        {
            var small = new decimal[smallCount];
            var filled = 0;
            for (var i = 0; i < liver.Count; i++)
            {
                if (liver[i].SizeMm is { } size && size < SmallLesionThresholdMm)
                {
                    small[filled++] = size;
                }
            }

            Array.Sort(small);
            var sizes = new string[small.Length];
            for (var i = 0; i < small.Length; i++)
            {
                sizes[i] = ResultBuilder.Format(small[i]);
            }

            // Handed to the message without a copy (the array is not written to again).
            var lesions = Message.Of("imaging.small-lesions", ("count", small.Length), ("sizes", ReadOnlyValueList<string>.Wrap(sizes)));
            reasons.Add(Message.Of("imaging.reason.small-lesions", ("lesions", lesions)));
            item.Findings.Add(new Finding(FactNames.LesionSizeMm, string.Join(", ", sizes), Message.Of("imaging.small-lesions.finding", ("lesions", lesions)), "<", threshold, "4.2"));
        }
        else if (unsized == 0)
        {
            var smallest = smallestSize!.Value;
            item.Findings.Add(new Finding(FactNames.LesionSizeMm, ResultBuilder.Format(smallest), Message.Of("imaging.no-small-lesion", ("smallestMm", smallest)), "≥", threshold, "4.2"));
        }
        else
        {
            item.Findings.Add(new Finding(FactNames.LesionSizeMm, "unknown", Message.Of("imaging.size-not-recorded", ("all", unsized == liver.Count), ("unsized", unsized), ("count", liver.Count))));
            item.Missing.Add(FactNames.LesionSizeMm);
        }

        var origin = OriginUncertaintyAssessment.Assess(context);
        item.Findings.AddRange(origin.Findings);
        if (origin.Status == TriState.Yes)
        {
            reasons.Add(Message.Of("imaging.reason.uncertain-origin", ("reasons", origin.ReasonMessages)));
        }

        if (reasons.Count > 0)
        {
            item.Missing.Clear();
            return item.Indicated(Message.Of("imaging.liver-mri.indicated", ("reasons", BiopsyPlan.JoinAlso("imaging.and-also", reasons))));
        }

        if (unsized == 0 && origin.Status == TriState.No)
        {
            return item.Finish(TriState.No, LiverMriNotIndicatedMessage);
        }

        item.Missing.AddRange(origin.Missing);
        if (context.Patient.Staging.LiverMri == true)
        {
            // The MRI is done: whether a trigger of 4.2 is present can no longer change what to do, so its facts are not
            // asked for. Not "not indicated" (an unknown fact never decides "no"): 4.2 applies, already answered.
            var moot = FactProse.DistinctFacts(item.Missing);
            item.Missing.Clear();
            return item.Indicated(Message.Of("imaging.liver-mri.done-undetermined", ("notRecorded", FactProse.NotRecordedMessage(moot))));
        }

        return item.Finish(TriState.Unknown, Message.Of("imaging.liver-mri.undetermined", ("notRecorded", FactProse.NotRecordedMessage(item.Missing))));
    }

    private static ImagingItem FdgPetCtItem(EvaluationContext context)
    {
        var item = new Item(context, ImagingModality.FdgPetCt, context.Patient.Staging.FdgPetCt, FactNames.StagingFdgPetCt, "4.3", "recommendation 4.3");
        if (item.Gated(out var gated))
        {
            return gated;
        }

        var histology = context.Patient.Primary?.Histology;
        bool? appropriateSubtype = histology is null ? null : context.Options.IsFdgPetCtSubtype(histology);
        var subtypes = context.Options.FdgPetCtSubtypes is null ? DefaultFdgPetCtSubtypes : SubtypeList(context.Options.IsFdgPetCtSubtype);
        if (histology is null)
        {
            item.Findings.Add(HistologyUnknownFinding);
        }
        else
        {
            item.Findings.Add(new Finding(
                FactNames.PrimaryHistology,
                histology.Code,
                Message.Of("imaging.fdg-pet-ct.subtype", ("histology", histology.Name), ("appropriate", appropriateSubtype == true), ("subtypes", subtypes)),
                source: "section 3.4"));
        }

        var candidacy = context.LiverResection;
        item.Findings.Add(candidacy.Findings[0]);
        var reasons = new List<Message>(4);
        if (appropriateSubtype == true)
        {
            reasons.Add(Message.Of("imaging.reason.appropriate-subtype", ("subtype", histology!.LowerCaseName)));
        }

        if (candidacy.Status == TriState.Yes)
        {
            reasons.Add(Message.Of("imaging.reason.resection-candidate", ("candidate", candidacy.Candidate.Code())));
        }

        // Section 3.1: "Confirmation of oligometastatic state should include ... 18F-FDG PET-CT" — OMD (1.1) includes sites
        // amenable to non-surgical ablative procedures, so radical ablation of liver lesions is in view as well.
        var ablationInView = candidacy.Status != TriState.Yes
            && context.Oligometastatic.Status != TriState.No
            && AnyAblatable(context.LiverLesions, true);
        if (ablationInView)
        {
            reasons.Add(AblationInViewMessage);
        }

        if (reasons.Count > 0)
        {
            item.Basis = appropriateSubtype == true
                ? "recommendation 4.3"
                : ImagingItem.NarrativeBasis + (ablationInView
                    ? " and section 3.1 (not voted), for radical local treatment of oligometastatic disease"
                    : ", for every candidate for metastatic resection; not recommendation 4.3, whose appropriate subtypes exclude this one");
            if (appropriateSubtype != true)
            {
                item.Caveat = LowAvidityCaveatMessage;

                // Indicated by unvoted text only (section 3.4 or 3.1 narrative): context, never recommendation 4.3's advice.
                item.Unvoted();
            }

            // Section 3.4 (narrative, not voted): PET/CT "should be considered ... after upfront/induction systemic treatment to
            // evaluate response and rule out extra-hepatic progression". Only where the examination rests on the narrative
            // anyway does that unvoted text mark a baseline scan as not done; beside 4.3 it is a labelled reason only.
            var treatment = context.Patient.Treatment;
            if ((treatment.SystemicTherapyReceived == true || treatment.OnSystemicTherapy == true) && candidacy.Status == TriState.Yes)
            {
                reasons.Add(AfterSystemicTreatmentMessage);
                if (appropriateSubtype != true)
                {
                    item.ToRepeat();
                }
            }

            return item.Indicated(Message.Of("imaging.fdg-pet-ct.indicated", ("reasons", BiopsyPlan.JoinAlso("imaging.and-also", reasons))));
        }

        if (appropriateSubtype == false && candidacy.Status == TriState.No && candidacy.Candidate == TriState.No
            && (context.Oligometastatic.Status == TriState.No || AllNotAblatable(context.LiverLesions)))
        {
            return item.Finish(TriState.No, Message.Of("imaging.fdg-pet-ct.not-indicated", ("histology", histology!.Name), ("candidateBasis", candidacy.CandidateBasisMessage)));
        }

        if (histology is null)
        {
            item.Missing.Add(FactNames.PrimaryHistology);
        }

        if (candidacy.Status == TriState.Unknown)
        {
            item.Missing.AddRange(candidacy.Missing);
        }

        if (candidacy.Candidate == TriState.No && AnyAblatable(context.LiverLesions, null))
        {
            item.Missing.Add(FactNames.LesionAblatable);
        }

        return item.Finish(TriState.Unknown, Message.Of("imaging.fdg-pet-ct.undetermined", ("notRecorded", FactProse.NotRecordedMessage(item.Missing))));
    }

    private static ImagingItem HistologyDrivenItem(EvaluationContext context, ImagingModality modality, bool? done, string doneFact, IReadOnlyList<string> subtypes, Func<Histology, bool> flagged)
    {
        // With liver metastases, the item depends on the modality, the histology of the catalogue and whether the
        // examination is done, nothing else: made once per process for each (the item is immutable) and shared.
        if (context.HasLiverMetastases == true
            && context.Patient.Primary?.Histology is { } known
            && CatalogueIndex.TryGetValue(known, out var index)
            && (modality == ImagingModality.BrainMri || modality == ImagingModality.SpineMri))
        {
            var key = (((index * 2) + (modality == ImagingModality.BrainMri ? 0 : 1)) * 3) + (done switch { true => 0, false => 1, _ => 2 });
            return HistologyDrivenItems[key];
        }

        return CreateHistologyDrivenItem(context, modality, done, doneFact, subtypes, flagged);
    }

    // The catalogue's histologies by reference (read-only after initialisation): their position, the key of the shared items.
    private static readonly Dictionary<Histology, int> CatalogueIndex = CreateCatalogueIndex();

    private static readonly MemoTable<ImagingItem> HistologyDrivenItems = new(Histology.All.Count * 2 * 3, static key => CreateSharedHistologyDrivenItem(key));

    private static Dictionary<Histology, int> CreateCatalogueIndex()
    {
        var index = new Dictionary<Histology, int>(ReferenceComparer.Instance);
        for (var i = 0; i < Histology.All.Count; i++)
        {
            index[Histology.All[i]] = i;
        }

        return index;
    }

    private static ImagingItem CreateSharedHistologyDrivenItem(int key)
    {
        var done = (key % 3) switch { 0 => true, 1 => false, _ => (bool?)null };
        var brain = (key / 3) % 2 == 0;
        var histology = Histology.All[key / 6];
        return brain
            ? CreateHistologyDrivenItem(null, ImagingModality.BrainMri, done, FactNames.StagingBrainMri, BrainMriSubtypes, static h => h.BrainMriSuggested, histology)
            : CreateHistologyDrivenItem(null, ImagingModality.SpineMri, done, FactNames.StagingSpineMri, SpineMriSubtypes, static h => h.SpineMriSuggested, histology);
    }

    // Without a context: the item of a patient with liver metastases and this histology.
    private static ImagingItem CreateHistologyDrivenItem(EvaluationContext? context, ImagingModality modality, bool? done, string doneFact, IReadOnlyList<string> subtypes, Func<Histology, bool> flagged, Histology? withLiverMetastases = null)
    {
        var item = new Item(context, modality, done, doneFact, null, ImagingItem.NarrativeBasis);
        if (context is not null && item.Gated(out var gated))
        {
            return gated;
        }

        var code = ImagingItem.ModalityCode(modality);
        if ((withLiverMetastases ?? context?.Patient.Primary?.Histology) is not { } histology)
        {
            item.Findings.Add(HistologyUnknownFinding);
            item.Missing.Add(FactNames.PrimaryHistology);
            return item.Finish(TriState.Unknown, Message.Of("imaging.narrative.undetermined", ("modality", code), ("subtypes", subtypes)));
        }

        if (flagged(histology))
        {
            item.Findings.Add(new Finding(FactNames.PrimaryHistology, histology.Code, Message.Of("imaging.narrative.subtype-flagged", ("modality", code), ("histology", histology.Name), ("subtypes", subtypes)), source: "section 3.4"));
            return item.Indicated(Message.Of("imaging.narrative.indicated", ("modality", code), ("subtype", histology.LowerCaseName), ("subtypes", subtypes)));
        }

        item.Findings.Add(new Finding(FactNames.PrimaryHistology, histology.Code, Message.Of("imaging.narrative.subtype-not-flagged", ("modality", code), ("histology", histology.Name), ("subtypes", subtypes)), source: "section 3.4"));
        return item.Finish(TriState.No, Message.Of("imaging.narrative.not-indicated", ("modality", code), ("subtype", histology.LowerCaseName), ("subtypes", subtypes)));
    }

    private static Finding LiverLesionCount(EvaluationContext context)
    {
        var count = context.LiverLesions.Count;
        return new Finding(FactNames.LesionSite, count.ToString(CultureInfo.InvariantCulture), Message.Of("imaging.liver-metastases-recorded", ("count", count)));
    }

    // The subtypes' names as the guideline's sentences use them (lower-case initial), in catalogue order.
    private static IReadOnlyList<string> SubtypeList(Func<Histology, bool> flag) =>
        Histology.All.Where(h => h.IsInScope && flag(h)).Select(h => h.LowerCaseName).ToReadOnlyList();

    // Whether any liver lesion's ablatability is the given value (loops: no closure per call).
    private static bool AnyAblatable(IReadOnlyList<Lesion> liver, bool? value)
    {
        for (var i = 0; i < liver.Count; i++)
        {
            if (liver[i].Ablatable == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllNotAblatable(IReadOnlyList<Lesion> liver)
    {
        for (var i = 0; i < liver.Count; i++)
        {
            if (liver[i].Ablatable != false)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Collects one item's findings and missing facts.</summary>
    private sealed class Item
    {
        private readonly EvaluationContext? context;
        private readonly ImagingModality modality;
        private bool? done;
        private readonly string doneFact;
        private string? recommendationId;

        public Item(EvaluationContext? context, ImagingModality modality, bool? done, string doneFact, string? recommendationId, string basis)
        {
            this.context = context;
            this.modality = modality;
            this.done = done;
            this.doneFact = doneFact;
            this.recommendationId = recommendationId;
            Basis = basis;
        }

        // Working lists reused per thread, given back when the item is finished (the item keeps exact copies).
        public List<Finding> Findings { get; } = ScratchList<Finding>.Rent();

        public List<string> Missing { get; } = ScratchList<string>.Rent();

        public string Basis { get; set; }

        public Message? Caveat { get; set; }

        /// <summary>Marks the examination as resting on unvoted text only (no recommendation id): context, not advice.</summary>
        public void Unvoted() => recommendationId = null;

        private bool repeat;
        private bool? baselineDone;

        /// <summary>Marks a baseline examination to be repeated after systemic treatment: the repeat is not recorded as done.</summary>
        public void ToRepeat()
        {
            baselineDone = done;
            done = false;
            repeat = true;
        }

        /// <summary>Answers for every examination when liver metastases are absent or unknown.</summary>
        public bool Gated(out ImagingItem item)
        {
            switch (context!.HasLiverMetastases)
            {
                case null:
                    Missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
                    item = Finish(TriState.Unknown, NoLesionRecordedMessage);
                    return true;
                case false:
                    Findings.Add(context.NoLiverMetastasisFinding);
                    item = Finish(TriState.No, NoLiverMetastasisMessage);
                    return true;
                default:
                    item = null!;
                    return false;
            }
        }

        /// <summary>Finishes an indicated examination; <paramref name="clause"/> says why, without the closing full stop.</summary>
        public ImagingItem Indicated(Message clause) => Finish(TriState.Yes, Message.Of("imaging.sentence", ("clause", clause)), clause);

        public ImagingItem Finish(TriState indicated, Message reason, Message? clause = null)
        {
            var finished = new ImagingItem(
                modality,
                indicated,
                reason,
                clause,
                done,
                doneFact,
                recommendationId,
                Basis,
                indicated == TriState.Yes ? Caveat : null,
                ReadOnlyValueList<Finding>.CopyOf(Findings),
                indicated == TriState.Unknown ? FactProse.DistinctFacts(Missing) : ReadOnlyValueList<string>.None,
                repeat,
                baselineDone);
            ScratchList<Finding>.Return(Findings);
            ScratchList<string>.Return(Missing);
            return finished;
        }
    }
}

/// <summary>Compares histologies by reference (the catalogue's instances).</summary>
internal sealed class ReferenceComparer : IEqualityComparer<Histology>
{
    /// <summary>Gets the comparer.</summary>
    public static ReferenceComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(Histology? x, Histology? y) => ReferenceEquals(x, y);

    /// <inheritdoc />
    public int GetHashCode(Histology obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
