using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Biopsy;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

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
/// (<see cref="Histology.FdgAvidOrNodeProne"/>); and, per the section 3.4 narrative, every candidate for metastatic
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

    private ImagingPlan(IReadOnlyList<ImagingItem> items)
    {
        Items = items.ToReadOnlyList();
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
    public IReadOnlyList<ImagingItem> Outstanding => Items.Where(i => i.Indicated == TriState.Yes && i.AlreadyDone != true).ToReadOnlyList();

    /// <summary>Gets the item for an examination.</summary>
    /// <param name="modality">The examination.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="modality"/> is not a defined value.</exception>
    public ImagingItem Get(ImagingModality modality) =>
        Items.FirstOrDefault(i => i.Modality == modality)
        ?? throw new ArgumentOutOfRangeException(nameof(modality), "Not a known imaging modality.");

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
            HistologyDrivenItem(
                context,
                ImagingModality.BrainMri,
                "Brain MRI",
                context.Patient.Staging.BrainMri,
                FactNames.StagingBrainMri,
                h => h.BrainMriSuggested,
                "suggested",
                ", to rule out brain metastases in a subtype that tends to metastasise concomitantly to the CNS"),
            HistologyDrivenItem(
                context,
                ImagingModality.SpineMri,
                "Total-spine MRI",
                context.Patient.Staging.SpineMri,
                FactNames.StagingSpineMri,
                h => h.SpineMriSuggested,
                "recommended",
                string.Empty),
        });
    }

    private static ImagingItem ContrastCtItem(EvaluationContext context)
    {
        const string name = "Iodinated contrast-enhanced CT";
        var item = new Item(context, ImagingModality.ContrastCt, name, context.Patient.Staging.ContrastCt, FactNames.StagingContrastCt, "4.1", "recommendation 4.1");
        if (item.Gated(out var gated))
        {
            return gated;
        }

        item.Findings.Add(LiverLesionCount(context));
        var rps = context.Patient.Primary?.Site == PrimarySite.Retroperitoneal;
        if (rps)
        {
            item.Findings.Add(new Finding(FactNames.PrimarySite, "retroperitoneal", "The primary is a retroperitoneal sarcoma (RPS), where 4.1 stresses contrast-enhanced CT of the abdominal cavity."));
        }

        return item.Finish(
            TriState.Yes,
            "Iodinated contrast-enhanced CT is recommended for every patient with liver metastases to evaluate vascular involvement and the abdominal cavity (4.1)" +
            (rps ? ", especially in retroperitoneal sarcoma (RPS) such as this one." : "."));
    }

    private static ImagingItem LiverMriItem(EvaluationContext context)
    {
        var item = new Item(context, ImagingModality.LiverMri, "Hepatic MRI", context.Patient.Staging.LiverMri, FactNames.StagingLiverMri, "4.2", "recommendation 4.2");
        if (item.Gated(out var gated))
        {
            return gated;
        }

        var liver = context.LiverLesions;
        var small = liver.Where(l => l.SizeMm < SmallLesionThresholdMm).Select(l => l.SizeMm!.Value).OrderBy(s => s).ToArray();
        var unsized = liver.Count(l => l.SizeMm is null);
        var reasons = new List<string>();
        if (small.Length > 0)
        {
            var sizes = string.Join(", ", small.Select(ResultBuilder.Format));
            var phrase = $"{Count(small.Length)} liver {(small.Length == 1 ? "lesion" : "lesions")} smaller than 1 cm ({sizes} mm)";
            reasons.Add(phrase + ", where CT is less sensitive than MRI");
            item.Findings.Add(new Finding(FactNames.LesionSizeMm, sizes, $"{Capitalise(phrase)}."));
        }
        else if (unsized == 0)
        {
            var smallest = ResultBuilder.Format(liver.Min(l => l.SizeMm!.Value));
            item.Findings.Add(new Finding(FactNames.LesionSizeMm, smallest, $"Every liver lesion measures at least 1 cm (smallest {smallest} mm)."));
        }
        else
        {
            item.Findings.Add(new Finding(FactNames.LesionSizeMm, "unknown", unsized == liver.Count
                ? (liver.Count == 1 ? "The size of the liver lesion is not recorded." : "No liver lesion size is recorded.")
                : $"The size of {Count(unsized)} of {Count(liver.Count)} liver lesions is not recorded; every recorded size is at least 1 cm."));
            item.Missing.Add(FactNames.LesionSizeMm);
        }

        var origin = OriginUncertaintyAssessment.Assess(context);
        item.Findings.AddRange(origin.Findings);
        if (origin.Status == TriState.Yes)
        {
            reasons.Add("the liver lesions are of uncertain origin, given " + OriginUncertaintyAssessment.JoinPhrases(origin.Reasons));
        }

        if (reasons.Count > 0)
        {
            item.Missing.Clear();
            return item.Finish(TriState.Yes, "Hepatic MRI is recommended (4.2): " + string.Join("; and ", reasons) + ".");
        }

        if (unsized == 0 && origin.Status == TriState.No)
        {
            return item.Finish(TriState.No, "Neither trigger of 4.2 is present: every liver lesion measures at least 1 cm and the origin of the lesions is not in doubt.");
        }

        item.Missing.AddRange(origin.Missing);
        return item.Finish(TriState.Unknown, "Whether hepatic MRI is indicated by 4.2 is undetermined: " + FactProse.NotRecorded(item.Missing) + ".");
    }

    private static ImagingItem FdgPetCtItem(EvaluationContext context)
    {
        var item = new Item(context, ImagingModality.FdgPetCt, "18F-FDG-PET/CT", context.Patient.Staging.FdgPetCt, FactNames.StagingFdgPetCt, "4.3", "recommendation 4.3");
        if (item.Gated(out var gated))
        {
            return gated;
        }

        var histology = context.Patient.Primary?.Histology;
        bool? appropriateSubtype = histology?.FdgAvidOrNodeProne;
        var subtypes = SubtypeList(h => h.FdgAvidOrNodeProne);
        if (histology is null)
        {
            item.Findings.Add(new Finding(FactNames.PrimaryHistology, "unknown", "The histology of the primary is not recorded."));
        }
        else
        {
            item.Findings.Add(new Finding(
                FactNames.PrimaryHistology,
                histology.Code,
                appropriateSubtype == true
                    ? $"{histology.Name} is among the subtypes section 3.4 names as FDG-avid or prone to lymph-node metastases ({subtypes})."
                    : $"{histology.Name} is not among the subtypes section 3.4 names as FDG-avid or prone to lymph-node metastases ({subtypes})."));
        }

        var candidacy = context.LiverResection;
        item.Findings.Add(candidacy.Findings[0]);
        var reasons = new List<string>();
        if (appropriateSubtype == true)
        {
            reasons.Add($"FDG-PET/CT is recommended to exclude extrahepatic metastases (e.g., lymph node metastases) in {Lower(histology!.Name)}, an appropriate subtype (4.3)");
        }

        if (candidacy.Status == TriState.Yes)
        {
            var who = candidacy.Candidate switch
            {
                TriState.Yes => "the patient is a candidate for metastatic resection",
                TriState.No => "a liver resection is planned",
                _ => "metastatic resection is being considered (candidacy not yet established)",
            };
            reasons.Add(who + ", and section 3.4 says FDG-PET/CT should be considered in all candidates to metastatic resection to confirm the oligometastatic stage (narrative, not voted)");
        }

        // Section 3.1: "Confirmation of oligometastatic state should include ... 18F-FDG PET-CT" — OMD (1.1) includes sites
        // amenable to non-surgical ablative procedures, so radical ablation of liver lesions is in view as well.
        var ablationInView = candidacy.Status != TriState.Yes
            && context.Oligometastatic.Status != TriState.No
            && context.LiverLesions.Any(l => l.Ablatable == true);
        if (ablationInView)
        {
            reasons.Add("radical non-surgical local treatment is in view (a liver lesion amenable to ablation, oligometastatic disease not excluded), and section 3.1 says confirmation of the oligometastatic state should include FDG-PET/CT (narrative, not voted)");
        }

        if (reasons.Count > 0)
        {
            item.Basis = appropriateSubtype == true
                ? "recommendation 4.3"
                : "recommendation 4.3 as extended by the " + ImagingItem.NarrativeBasis + (ablationInView
                    ? " and section 3.1 to radical local treatment of oligometastatic disease"
                    : " to every candidate for metastatic resection");
            if (appropriateSubtype != true)
            {
                item.Caveat = "Section 3.4: the sensitivity of FDG-PET/CT varies with the histological subtype, with lower detection rates in sarcomas of low FDG avidity.";
            }

            // Section 3.4: PET/CT "should be considered ... after upfront/induction systemic treatment to evaluate response and
            // rule out extra-hepatic progression": a baseline scan recorded as done is not that scan.
            var treatment = context.Patient.Treatment;
            if ((treatment.SystemicTherapyReceived == true || treatment.OnSystemicTherapy == true) && candidacy.Status == TriState.Yes)
            {
                reasons.Add("systemic treatment has been given, and section 3.4 says FDG-PET/CT should be considered after it to evaluate response and rule out extrahepatic progression (narrative, not voted; a baseline scan recorded as done does not answer this)");
                item.ToRepeat();
            }

            return item.Finish(TriState.Yes, Capitalise(string.Join("; and ", reasons)) + ".");
        }

        if (appropriateSubtype == false && candidacy.Status == TriState.No && candidacy.Candidate == TriState.No
            && (context.Oligometastatic.Status == TriState.No || context.LiverLesions.All(l => l.Ablatable == false)))
        {
            return item.Finish(TriState.No, $"{histology!.Name} is not among the subtypes for which 4.3 recommends FDG-PET/CT, the patient is not a candidate for metastatic resection ({candidacy.CandidateBasis}), and no radical ablation of oligometastatic disease is in view.");
        }

        if (histology is null)
        {
            item.Missing.Add(FactNames.PrimaryHistology);
        }

        if (candidacy.Status == TriState.Unknown)
        {
            item.Missing.AddRange(candidacy.Missing);
        }

        if (candidacy.Candidate == TriState.No && context.LiverLesions.Any(l => l.Ablatable is null))
        {
            item.Missing.Add(FactNames.LesionAblatable);
        }

        return item.Finish(TriState.Unknown, "Whether FDG-PET/CT is indicated is undetermined: " + FactProse.NotRecorded(item.Missing) + ".");
    }

    private static ImagingItem HistologyDrivenItem(EvaluationContext context, ImagingModality modality, string name, bool? done, string doneFact, Func<Histology, bool> flagged, string participle, string purpose)
    {
        var item = new Item(context, modality, name, done, doneFact, null, ImagingItem.NarrativeBasis);
        if (item.Gated(out var gated))
        {
            return gated;
        }

        var subtypes = SubtypeList(flagged);
        var named = $"section 3.4 names {subtypes}; {ImagingItem.NarrativeBasis}";
        if (context.Patient.Primary?.Histology is not { } histology)
        {
            item.Findings.Add(new Finding(FactNames.PrimaryHistology, "unknown", "The histology of the primary is not recorded."));
            item.Missing.Add(FactNames.PrimaryHistology);
            return item.Finish(TriState.Unknown, $"Whether {Lower(name)} is {participle} depends on the histology, which is not recorded ({named}).");
        }

        if (flagged(histology))
        {
            item.Findings.Add(new Finding(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: one of the subtypes for which {Lower(name)} is {participle} ({subtypes})."));
            return item.Finish(TriState.Yes, $"{name} is {participle} for {Lower(histology.Name)}{purpose} ({named}).");
        }

        item.Findings.Add(new Finding(FactNames.PrimaryHistology, histology.Code, $"{histology.Name} is not among the subtypes for which {Lower(name)} is {participle} ({subtypes})."));
        return item.Finish(TriState.No, $"{name} is not specifically indicated for {Lower(histology.Name)} ({named}).");
    }

    private static Finding LiverLesionCount(EvaluationContext context)
    {
        var count = context.LiverLesions.Count;
        return new Finding(FactNames.LesionSite, Count(count), $"{Count(count)} liver {(count == 1 ? "metastasis" : "metastases")} recorded.");
    }

    private static string SubtypeList(Func<Histology, bool> flag) =>
        string.Join(", ", Histology.All.Where(h => h.IsInScope && flag(h)).Select(h => Lower(h.Name)));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Lower(string text) =>
        text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>Collects one item's findings and missing facts.</summary>
    private sealed class Item
    {
        private readonly EvaluationContext context;
        private readonly ImagingModality modality;
        private readonly string name;
        private bool? done;
        private readonly string doneFact;
        private readonly string? recommendationId;

        public Item(EvaluationContext context, ImagingModality modality, string name, bool? done, string doneFact, string? recommendationId, string basis)
        {
            this.context = context;
            this.modality = modality;
            this.name = name;
            this.done = done;
            this.doneFact = doneFact;
            this.recommendationId = recommendationId;
            Basis = basis;
        }

        public List<Finding> Findings { get; } = new();

        public List<string> Missing { get; } = new();

        public string Basis { get; set; }

        public string? Caveat { get; set; }

        /// <summary>Marks a baseline examination to be repeated (for example after systemic treatment): not done yet.</summary>
        public void ToRepeat() => done = false;

        /// <summary>Answers for every examination when liver metastases are absent or unknown.</summary>
        public bool Gated(out ImagingItem item)
        {
            switch (context.HasLiverMetastases)
            {
                case null:
                    Missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
                    item = Finish(TriState.Unknown, "No metastatic lesion is recorded, so whether there are liver metastases to stage is unknown.");
                    return true;
                case false:
                    Findings.Add(context.NoLiverMetastasisFinding);
                    item = Finish(TriState.No, "No liver metastasis is recorded: section 3.4 concerns the radiological evaluation of liver metastases (follow-up imaging after a metastasectomy is 13.1's).");
                    return true;
                default:
                    item = null!;
                    return false;
            }
        }

        public ImagingItem Finish(TriState indicated, string reason) =>
            new(
                modality,
                name,
                indicated,
                reason,
                done,
                doneFact,
                recommendationId,
                Basis,
                indicated == TriState.Yes ? Caveat : null,
                Findings.ToArray(),
                indicated == TriState.Unknown ? Missing.Distinct(StringComparer.Ordinal).ToArray() : Array.Empty<string>());
    }
}
