using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Oligometastasis;

/// <summary>A three-state answer for a derived clinical concept.</summary>
public enum TriState
{
    /// <summary>Yes.</summary>
    Yes,

    /// <summary>No.</summary>
    No,

    /// <summary>Unknown: facts are missing.</summary>
    Unknown,
}

/// <summary>
/// Whether the patient has oligometastatic disease (OMD) in the guideline's sense (recommendations 1.1 and 1.2,
/// section 3.1): at most 5 metastatic lesions in at most 2 organ sites, confirmed by staging, with the primary and
/// every metastatic site amenable to radical treatment (surgery and/or ablation), and no diffuse-organ sarcomatosis.
/// </summary>
/// <remarks>
/// "No" lists every failing criterion; "Unknown" lists every missing fact. Immutable and thread-safe.
/// </remarks>
public sealed class OligometastaticAssessment
{
    /// <summary>The largest number of metastatic lesions in OMD (1.1: "≤ 5").</summary>
    public const int MaximumLesions = 5;

    /// <summary>The largest number of organ sites in OMD (1.1: "≤ 2 different metastatic sites").</summary>
    public const int MaximumSites = 2;

    /// <summary>Gets the facts the assessment reads.</summary>
    public static IReadOnlyList<string> Requirements { get; } = new[]
    {
        FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.Lesions, FactNames.LesionSite,
        FactNames.LesionResectable, FactNames.LesionAblatable, FactNames.PrimaryResected, FactNames.PrimaryResectable,
        FactNames.StagingContrastCt, FactNames.StagingLiverMri, FactNames.StagingFdgPetCt, FactNames.DiffusePleural,
        FactNames.DiffusePericardial, FactNames.DiffusePeritoneal, FactNames.DiffuseLeptomeningeal,
    }.ToReadOnlyList();

    /// <summary>The name under which OMD appears in findings.</summary>
    public const string ConceptName = "derived.oligometastatic";

    /// <summary>The fact name of the finding that every metastatic lesion is resectable or ablatable (derived from <c>metastases.lesions[].resectable</c> and <c>.ablatable</c>).</summary>
    public const string RadicallyTreatableName = "derived.everyLesionResectableOrAblatable";

    private OligometastaticAssessment(TriState status, int? lesionCount, int? siteCount, IReadOnlyList<string> failing, IReadOnlyList<string> missing, IReadOnlyList<Finding> findings)
    {
        Status = status;
        LesionCount = lesionCount;
        SiteCount = siteCount;
        FailingCriteria = failing.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
        Findings = findings.ToReadOnlyList();
    }

    /// <summary>Gets the answer.</summary>
    public TriState Status { get; }

    /// <summary>Gets the number of metastatic lesions, when metastases are recorded.</summary>
    public int? LesionCount { get; }

    /// <summary>Gets the number of distinct organ sites, when metastases are recorded.</summary>
    public int? SiteCount { get; }

    /// <summary>Gets every criterion the patient fails (non-empty when <see cref="Status"/> is <see cref="TriState.No"/>).</summary>
    public IReadOnlyList<string> FailingCriteria { get; }

    /// <summary>Gets every fact that was missing.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the findings: one sentence per criterion checked.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets a value indicating whether diffuse-organ sarcomatosis (1.2) is present.</summary>
    public bool DiffuseInvolvementPresent => FailingCriteria.Any(c => c.StartsWith("diffuse", StringComparison.Ordinal));

    /// <summary>Assesses a patient.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The assessment.</returns>
    public static OligometastaticAssessment Assess(Patient patient)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        var failing = new List<string>();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        void Found(string fact, string value, string sentence) => findings.Add(new Finding(fact, value, sentence));

        var metastases = patient.Metastases;
        int? lesionCount = null;
        int? siteCount = null;
        if (metastases is null)
        {
            missing.Add(FactNames.Metastases);
        }
        else
        {
            var lesions = metastases.Lesions;
            if (metastases.NoEvidenceOfDisease == true)
            {
                failing.Add("no current metastatic disease");
                Found(FactNames.NoEvidenceOfDisease, "yes", "No current evidence of metastatic disease: the OMD definition concerns current metastases, so it is not met now (whatever the disease that was resected).");
            }
            else if (lesions.Count == 0)
            {
                missing.Add(FactNames.Lesions);
            }
            else
            {
                lesionCount = lesions.Count;
                var sites = lesions.Select(l => l.Site).Distinct().OrderBy(s => s).ToArray();
                siteCount = sites.Length;
                var siteList = string.Join(", ", sites.Select(Describe));
                var count = lesions.Count.ToString(CultureInfo.InvariantCulture);
                // Sarcomatosis is not a countable lesion or site (1.2 excludes it outright): say so beside the counts.
                var diffusePresent = metastases.Diffuse.Pleural == true || metastases.Diffuse.Pericardial == true
                    || metastases.Diffuse.Peritoneal == true || metastases.Diffuse.Leptomeningeal == true;
                var besides = diffusePresent ? ", besides the diffuse sarcomatosis" : string.Empty;
                if (lesions.Count > MaximumLesions)
                {
                    failing.Add($"more than {MaximumLesions} metastatic lesions");
                    Found(FactNames.Lesions, count, $"{count} metastatic lesions (more than {MaximumLesions}): not oligometastatic.");
                }
                else
                {
                    Found(FactNames.Lesions, count, $"{count} metastatic {(lesions.Count == 1 ? "lesion" : "lesions")}{besides} (at most {MaximumLesions}).");
                }

                var sitesText = siteCount.Value.ToString(CultureInfo.InvariantCulture);

                if (siteCount > MaximumSites)
                {
                    failing.Add($"more than {MaximumSites} metastatic sites");
                    Found(FactNames.LesionSite, siteList, $"Metastases in {sitesText} organ sites ({siteList}; more than {MaximumSites}): not oligometastatic.");
                }
                else
                {
                    Found(FactNames.LesionSite, siteList, $"Metastases in {sitesText} organ {(siteCount == 1 ? "site" : "sites")}{besides} ({siteList}; at most {MaximumSites}).");
                }

                // Every metastatic site must be amenable to radical treatment (surgery and/or ablation).
                var untreatable = lesions.Count(l => l.Resectable == false && l.Ablatable == false);
                var undecided = lesions.Count(l => l.Resectable != true && l.Ablatable != true && !(l.Resectable == false && l.Ablatable == false));
                if (untreatable > 0)
                {
                    failing.Add("a metastatic lesion is neither resectable nor ablatable");
                    Found(FactNames.LesionResectable, "no", (untreatable == 1 ? "1 lesion is" : untreatable.ToString(CultureInfo.InvariantCulture) + " lesions are") + " neither resectable nor ablatable: not all sites amenable to radical treatment.");
                }
                else if (undecided > 0)
                {
                    missing.Add(FactNames.LesionResectable);
                    missing.Add(FactNames.LesionAblatable);
                }
                else
                {
                    Found(RadicallyTreatableName, "yes", diffusePresent
                        ? "Every listed metastatic lesion is resectable or ablatable (the diffuse sarcomatosis aside)."
                        : "Every metastatic lesion is resectable or ablatable.");
                }
            }

            // 1.2: diffuse-organ involvement excludes OMD.
            var diffuse = metastases.Diffuse;
            var diffuseFacts = new (bool? Value, string Fact, string Name)[]
            {
                (diffuse.Pleural, FactNames.DiffusePleural, "pleural"),
                (diffuse.Pericardial, FactNames.DiffusePericardial, "pericardial"),
                (diffuse.Peritoneal, FactNames.DiffusePeritoneal, "peritoneal"),
                (diffuse.Leptomeningeal, FactNames.DiffuseLeptomeningeal, "leptomeningeal"),
            };
            foreach (var (value, fact, name) in diffuseFacts)
            {
                if (value == true)
                {
                    failing.Add($"diffuse {name} sarcomatosis");
                    Found(fact, "yes", $"Malignant {name} sarcomatosis present: excludes oligometastatic disease (1.2).");
                }
            }

            if (diffuseFacts.All(d => d.Value == false))
            {
                Found(FactNames.DiffusePeritoneal, "no", "No pleural, pericardial, peritoneal or leptomeningeal sarcomatosis.");
            }
            else if (!diffuseFacts.Any(d => d.Value == true))
            {
                foreach (var (_, fact, _) in diffuseFacts.Where(d => d.Value is null))
                {
                    missing.Add(fact);
                }
            }
        }

        // The primary must be amenable to radical treatment (already resected, or resectable).
        var primary = patient.Primary;
        if (primary?.Resected == true)
        {
            Found(FactNames.PrimaryResected, "yes", "Primary tumour already resected.");
        }
        else if (primary?.Resected == false && primary.Resectable == false)
        {
            failing.Add("the primary tumour is not amenable to radical treatment");
            Found(FactNames.PrimaryResectable, "no", "Primary tumour in place and not resectable: not oligometastatic.");
        }
        else if (primary?.Resected == false && primary.Resectable == true)
        {
            Found(FactNames.PrimaryResectable, "yes", "Primary tumour in place and resectable.");
        }
        else
        {
            missing.Add(primary?.Resected is null ? FactNames.PrimaryResected : FactNames.PrimaryResectable);
        }

        // Staging: morphologic (contrast CT) plus additional imaging and/or nuclear medicine (liver MRI or FDG-PET/CT).
        var staging = patient.Staging;
        if (staging.ContrastCt == true && (staging.LiverMri == true || staging.FdgPetCt == true))
        {
            var extra = staging.FdgPetCt == true ? "FDG-PET/CT" : "liver MRI";
            Found(FactNames.StagingContrastCt, "yes", $"Staging confirmed by contrast-enhanced CT and {extra}.");
        }
        else
        {
            if (staging.ContrastCt != true)
            {
                missing.Add(FactNames.StagingContrastCt);
            }

            if (staging.LiverMri != true && staging.FdgPetCt != true)
            {
                missing.Add(FactNames.StagingFdgPetCt);
                missing.Add(FactNames.StagingLiverMri);
            }

            if (staging.ContrastCt == false || (staging.LiverMri == false && staging.FdgPetCt == false))
            {
                Found(FactNames.StagingContrastCt, "incomplete", "Staging not yet confirmed: 1.1 requires morphologic staging plus additional imaging and/or nuclear medicine.");
            }
        }

        TriState status = failing.Count > 0 ? TriState.No : missing.Count > 0 ? TriState.Unknown : TriState.Yes;
        var verdict = status switch
        {
            TriState.Yes => "Oligometastatic disease: all criteria of 1.1 and 1.2 met.",
            TriState.No => "Not oligometastatic: " + string.Join("; ", failing) + ".",
            _ => "Oligometastatic status undetermined: " + FactProse.NotRecorded(missing) + ".",
        };
        findings.Insert(0, new Finding(ConceptName, status.ToString().ToLowerInvariant(), verdict));
        return new OligometastaticAssessment(status, lesionCount, siteCount, failing.ToArray(), missing.ToArray(), findings.ToArray());
    }

    private static string Describe(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph node",
        MetastaticSite.SoftTissue => "soft tissue",
        _ => site.ToString().ToLowerInvariant(),
    };
}
