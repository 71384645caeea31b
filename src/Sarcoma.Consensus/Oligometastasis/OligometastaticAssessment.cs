using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

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

    /// <summary>The code of the failing criterion "more than 5 metastatic lesions".</summary>
    internal const string TooManyLesionsCode = "omd.failing.too-many-lesions";

    /// <summary>The code of the failing criterion "more than 2 organ sites".</summary>
    internal const string TooManySitesCode = "omd.failing.too-many-sites";

    /// <summary>The code of the failing criterion "diffuse-organ sarcomatosis" (1.2).</summary>
    internal const string DiffuseCode = "omd.failing.diffuse";

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

    private OligometastaticAssessment(TriState status, int? lesionCount, int? siteCount, IReadOnlyList<Message> failing, bool diffusePresent, IReadOnlyList<string> missing, IReadOnlyList<Finding> findings)
    {
        Status = status;
        LesionCount = lesionCount;
        SiteCount = siteCount;
        FailingCriteriaMessages = failing.ToReadOnlyList();
        DiffuseInvolvementPresent = diffusePresent;
        Missing = missing.ToReadOnlyList();
        Findings = findings.ToReadOnlyList();
    }

    /// <summary>Gets the answer.</summary>
    public TriState Status { get; }

    /// <summary>Gets the number of metastatic lesions, when metastases are recorded.</summary>
    public int? LesionCount { get; }

    /// <summary>Gets the number of distinct organ sites, when metastases are recorded.</summary>
    public int? SiteCount { get; }

    /// <summary>Gets every criterion the patient fails, in English (non-empty when <see cref="Status"/> is <see cref="TriState.No"/>).</summary>
    public IReadOnlyList<string> FailingCriteria => failingCriteria ??= FailingCriteriaMessages.Select(f => f.Text).ToReadOnlyList();

    // Rendered on first read only (wording is deferred to rendering).
    private IReadOnlyList<string>? failingCriteria;

    /// <summary>Gets every criterion the patient fails, as messages (codes <c>omd.failing.*</c>).</summary>
    public IReadOnlyList<Message> FailingCriteriaMessages { get; }

    /// <summary>Gets every fact that was missing.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the findings: one sentence per criterion checked.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets a value indicating whether diffuse-organ sarcomatosis (1.2) is present.</summary>
    public bool DiffuseInvolvementPresent { get; }

    /// <summary>Assesses a patient.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The assessment.</returns>
    public static OligometastaticAssessment Assess(Patient patient)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        var failing = new List<Message>(4);
        var diffuseFound = false;
        var missing = new List<string>(8);
        var findings = new List<Finding>(8);
        void Found(string fact, string value, Message message, string? comparison = null, string? threshold = null) =>
            findings.Add(new Finding(fact, value, message, comparison, threshold, "1.1"));

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
                failing.Add(NoCurrentDiseaseFailing);
                Found(FactNames.NoEvidenceOfDisease, "yes", NoCurrentDiseaseMessage);
            }
            else if (lesions.Count == 0)
            {
                missing.Add(FactNames.Lesions);
            }
            else
            {
                lesionCount = lesions.Count;
                var sites = Codes.DistinctSites(lesions);
                siteCount = sites.Length;
                var siteCodeArray = new string[sites.Length];
                var siteTerms = new string[sites.Length];
                for (var i = 0; i < sites.Length; i++)
                {
                    siteCodeArray[i] = SiteCode(sites[i]);
                    siteTerms[i] = MessageCatalog.English.Term("site", siteCodeArray[i]);
                }

                var siteCodes = ReadOnlyValueList<string>.Wrap(siteCodeArray);
                var siteList = string.Join(", ", siteTerms);
                var count = lesions.Count.ToString(CultureInfo.InvariantCulture);
                // Sarcomatosis is not a countable lesion or site (1.2 excludes it outright): say so beside the counts.
                var diffusePresent = metastases.Diffuse.Pleural == true || metastases.Diffuse.Pericardial == true
                    || metastases.Diffuse.Peritoneal == true || metastases.Diffuse.Leptomeningeal == true;
                var lesionThreshold = LesionThreshold;
                if (lesions.Count > MaximumLesions)
                {
                    failing.Add(Message.Of(TooManyLesionsCode, ("maximum", MaximumLesions)));
                    Found(FactNames.Lesions, count, Message.Of("omd.lesions.too-many", ("count", lesions.Count), ("maximum", MaximumLesions)), ">", lesionThreshold);
                }
                else
                {
                    Found(FactNames.Lesions, count, Message.Of("omd.lesions.within", ("count", lesions.Count), ("diffuse", diffusePresent), ("maximum", MaximumLesions)), "≤", lesionThreshold);
                }

                var siteThreshold = SiteThreshold;
                if (siteCount > MaximumSites)
                {
                    failing.Add(Message.Of(TooManySitesCode, ("maximum", MaximumSites)));
                    Found(FactNames.LesionSite, siteList, Message.Of("omd.sites.too-many", ("count", siteCount.Value), ("sites", siteCodes), ("maximum", MaximumSites)), ">", siteThreshold);
                }
                else
                {
                    Found(FactNames.LesionSite, siteList, Message.Of("omd.sites.within", ("count", siteCount.Value), ("diffuse", diffusePresent), ("sites", siteCodes), ("maximum", MaximumSites)), "≤", siteThreshold);
                }

                // Every metastatic site must be amenable to radical treatment (surgery and/or ablation).
                var untreatable = 0;
                var undecided = 0;
                for (var i = 0; i < lesions.Count; i++)
                {
                    var l = lesions[i];
                    if (l.Resectable == false && l.Ablatable == false)
                    {
                        untreatable++;
                    }
                    else if (l.Resectable != true && l.Ablatable != true)
                    {
                        undecided++;
                    }
                }

                if (untreatable > 0)
                {
                    failing.Add(UntreatableLesionFailing);
                    Found(FactNames.LesionResectable, "no", Message.Of("omd.untreatable-lesions", ("count", untreatable)));
                }
                else if (undecided > 0)
                {
                    missing.Add(FactNames.LesionResectable);
                    missing.Add(FactNames.LesionAblatable);
                }
                else
                {
                    Found(RadicallyTreatableName, "yes", Message.Of("omd.every-lesion-treatable", ("diffuse", diffusePresent)));
                }
            }

            // 1.2: diffuse-organ involvement excludes OMD.
            var diffuse = metastases.Diffuse;
            for (var i = 0; i < DiffuseOrgans.Length; i++)
            {
                if (DiffuseValue(diffuse, i) == true)
                {
                    diffuseFound = true;
                    failing.Add(DiffuseOrgans[i].Failing);
                    findings.Add(DiffuseOrgans[i].Present);
                }
            }

            if (diffuse.Pleural == false && diffuse.Pericardial == false && diffuse.Peritoneal == false && diffuse.Leptomeningeal == false)
            {
                findings.Add(NoDiffuseFinding);
            }
            else if (!diffuseFound)
            {
                for (var i = 0; i < DiffuseOrgans.Length; i++)
                {
                    if (DiffuseValue(diffuse, i) is null)
                    {
                        missing.Add(DiffuseOrgans[i].Fact);
                    }
                }
            }
        }

        // The primary must be amenable to radical treatment (already resected, or resectable).
        var primary = patient.Primary;
        if (primary?.Resected == true)
        {
            Found(FactNames.PrimaryResected, "yes", PrimaryResectedMessage);
        }
        else if (primary?.Resected == false && primary.Resectable == false)
        {
            failing.Add(PrimaryUntreatableFailing);
            Found(FactNames.PrimaryResectable, "no", PrimaryUnresectableMessage);
        }
        else if (primary?.Resected == false && primary.Resectable == true)
        {
            Found(FactNames.PrimaryResectable, "yes", PrimaryResectableMessage);
        }
        else
        {
            missing.Add(primary?.Resected is null ? FactNames.PrimaryResected : FactNames.PrimaryResectable);
        }

        // Staging: morphologic (contrast CT) plus additional imaging and/or nuclear medicine (liver MRI or FDG-PET/CT).
        var staging = patient.Staging;
        if (staging.ContrastCt == true && (staging.LiverMri == true || staging.FdgPetCt == true))
        {
            Found(FactNames.StagingContrastCt, "yes", Message.Of("omd.staging-confirmed", ("additional", staging.FdgPetCt == true ? "fdg-pet-ct" : "liver-mri")));
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
                Found(FactNames.StagingContrastCt, "incomplete", StagingIncompleteMessage);
            }
        }

        // The missing facts distinct and in ordinal order (as a sorted set would keep them).
        missing.Sort(StringComparer.Ordinal);
        var missingFacts = new List<string>(missing.Count);
        foreach (var fact in missing)
        {
            if (missingFacts.Count == 0 || !string.Equals(missingFacts[missingFacts.Count - 1], fact, StringComparison.Ordinal))
            {
                missingFacts.Add(fact);
            }
        }

        var missingList = ReadOnlyValueList<string>.CopyOf(missingFacts);
        var failingList = ReadOnlyValueList<Message>.CopyOf(failing);
        TriState status = failing.Count > 0 ? TriState.No : missingList.Count > 0 ? TriState.Unknown : TriState.Yes;
        var verdict = status switch
        {
            TriState.Yes => VerdictYesMessage,
            // No current disease is not a verdict on the disease that was treated (issue #7, third read: "Not oligometastatic:
            // no current metastatic disease" was misread after a complete resection): 1.1 does not arise.
            TriState.No when metastases?.NoEvidenceOfDisease == true => VerdictNoCurrentDiseaseMessage,
            TriState.No => Message.Of("omd.verdict.no", ("failing", failingList)),
            _ => Message.Of("omd.verdict.unknown", ("missing", StagingWorkUp.NotRecordedMessage(missingList, patient.Staging))),
        };
        var allFindings = new Finding[findings.Count + 1];
        allFindings[0] = new Finding(ConceptName, status.Code(), verdict, source: "1.1");
        findings.CopyTo(allFindings, 1);
        return new OligometastaticAssessment(status, lesionCount, siteCount, failingList, diffuseFound, missingList, ReadOnlyValueList<Finding>.Wrap(allFindings));
    }

    /// <summary>Gets the code of a metastatic site: a term of <c>site</c> in the message catalogue.</summary>
    // Wording and thresholds that carry no patient value, shared by every assessment (messages and findings are immutable).
    private static readonly string LesionThreshold = MaximumLesions.ToString(CultureInfo.InvariantCulture) + " lesions";
    private static readonly string SiteThreshold = MaximumSites.ToString(CultureInfo.InvariantCulture) + " sites";
    private static readonly Message NoCurrentDiseaseFailing = new("omd.failing.no-current-disease");
    private static readonly Message NoCurrentDiseaseMessage = new("omd.no-current-disease");
    private static readonly Message UntreatableLesionFailing = new("omd.failing.untreatable-lesion");
    private static readonly Finding NoDiffuseFinding = new(FactNames.DiffusePeritoneal, "no", new Message("omd.no-diffuse"), source: "1.2");
    private static readonly Message PrimaryResectedMessage = new("omd.primary-resected");
    private static readonly Message PrimaryUntreatableFailing = new("omd.failing.primary-untreatable");
    private static readonly Message PrimaryUnresectableMessage = new("omd.primary-unresectable");
    private static readonly Message PrimaryResectableMessage = new("omd.primary-resectable");
    private static readonly Message StagingIncompleteMessage = new("omd.staging-incomplete");

    // The four organs of 1.2 in the order they are checked: the fact, and the failing criterion and finding when present
    // (no patient value in either, so built once per process).
    private static readonly (string Fact, Message Failing, Finding Present)[] DiffuseOrgans =
    {
        DiffuseOrgan(FactNames.DiffusePleural, "pleural"),
        DiffuseOrgan(FactNames.DiffusePericardial, "pericardial"),
        DiffuseOrgan(FactNames.DiffusePeritoneal, "peritoneal"),
        DiffuseOrgan(FactNames.DiffuseLeptomeningeal, "leptomeningeal"),
    };

    private static (string Fact, Message Failing, Finding Present) DiffuseOrgan(string fact, string organ) =>
        (fact, Message.Of(DiffuseCode, ("organ", organ)), new Finding(fact, "yes", Message.Of("omd.diffuse-present", ("organ", organ)), source: "1.2"));

    // The recorded value of organ i of DiffuseOrgans.
    private static bool? DiffuseValue(DiffuseInvolvement diffuse, int organ) => organ switch
    {
        0 => diffuse.Pleural,
        1 => diffuse.Pericardial,
        2 => diffuse.Peritoneal,
        _ => diffuse.Leptomeningeal,
    };
    private static readonly Message VerdictYesMessage = new("omd.verdict.yes");
    private static readonly Message VerdictNoCurrentDiseaseMessage = new("omd.verdict.no-current-disease");

    internal static string SiteCode(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph-node",
        MetastaticSite.SoftTissue => "soft-tissue",
        _ => site.LowerName(),
    };
}
