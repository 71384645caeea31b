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

        // Working lists reused per thread (the assessment keeps exact copies).
        var failing = ScratchList<Message>.Rent();
        var diffuseFound = false;
        var missing = ScratchList<string>.Rent();
        var findings = ScratchList<Finding>.Rent();

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
                findings.Add(NoCurrentDiseaseFinding);
            }
            else if (lesions.Count == 0)
            {
                missing.Add(FactNames.Lesions);
            }
            else
            {
                lesionCount = lesions.Count;
                // Sarcomatosis is not a countable lesion or site (1.2 excludes it outright): say so beside the counts.
                var diffusePresent = metastases.Diffuse.Pleural == true || metastases.Diffuse.Pericardial == true
                    || metastases.Diffuse.Peritoneal == true || metastases.Diffuse.Leptomeningeal == true;
                if (lesions.Count > MaximumLesions)
                {
                    failing.Add(TooManyLesionsFailing);
                }

                // The count and site findings depend on the count, the set of sites and the diffuse flag only: made once
                // per process for each (the sets of the ten known sites), and shared.
                findings.Add(lesions.Count < LesionFindings.Size / 2
                    ? LesionFindings[(lesions.Count * 2) + (diffusePresent ? 1 : 0)]
                    : LesionFinding(lesions.Count, diffusePresent));
                var siteMask = SiteMask(lesions);
                Finding siteFinding;
                if (siteMask >= 0)
                {
                    siteFinding = SiteFindings[(siteMask * 2) + (diffusePresent ? 1 : 0)];
                    siteCount = PopCount(siteMask);
                }
                else
                {
                    var sites = Codes.DistinctSites(lesions);
                    siteCount = sites.Length;
                    siteFinding = SiteFinding(sites, diffusePresent);
                }

                if (siteCount > MaximumSites)
                {
                    failing.Add(TooManySitesFailing);
                }

                findings.Add(siteFinding);

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
                    findings.Add(untreatable < UntreatableFindings.Size ? UntreatableFindings[untreatable] : UntreatableFinding(untreatable));
                }
                else if (undecided > 0)
                {
                    missing.Add(FactNames.LesionResectable);
                    missing.Add(FactNames.LesionAblatable);
                }
                else
                {
                    findings.Add(diffusePresent ? EveryLesionTreatableDiffuseFinding : EveryLesionTreatableFinding);
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
            findings.Add(PrimaryResectedFinding);
        }
        else if (primary?.Resected == false && primary.Resectable == false)
        {
            failing.Add(PrimaryUntreatableFailing);
            findings.Add(PrimaryUnresectableFinding);
        }
        else if (primary?.Resected == false && primary.Resectable == true)
        {
            findings.Add(PrimaryResectableFinding);
        }
        else
        {
            missing.Add(primary?.Resected is null ? FactNames.PrimaryResected : FactNames.PrimaryResectable);
        }

        // Staging: morphologic (contrast CT) plus additional imaging and/or nuclear medicine (liver MRI or FDG-PET/CT).
        var staging = patient.Staging;
        if (staging.ContrastCt == true && (staging.LiverMri == true || staging.FdgPetCt == true))
        {
            findings.Add(staging.FdgPetCt == true ? StagingConfirmedPetFinding : StagingConfirmedMriFinding);
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
                findings.Add(StagingIncompleteFinding);
            }
        }

        // The missing facts distinct and in ordinal order (as a sorted set would keep them).
        missing.Sort(StringComparer.Ordinal);
        var distinct = 0;
        for (var i = 0; i < missing.Count; i++)
        {
            if (distinct == 0 || !string.Equals(missing[distinct - 1], missing[i], StringComparison.Ordinal))
            {
                missing[distinct++] = missing[i];
            }
        }

        missing.RemoveRange(distinct, missing.Count - distinct);
        var missingList = ReadOnlyValueList<string>.CopyOf(missing);
        var failingList = ReadOnlyValueList<Message>.CopyOf(failing);
        ScratchList<string>.Return(missing);
        ScratchList<Message>.Return(failing);
        TriState status = failingList.Count > 0 ? TriState.No : missingList.Count > 0 ? TriState.Unknown : TriState.Yes;
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
        allFindings[0] = status == TriState.Yes ? VerdictYesFinding
            : ReferenceEquals(verdict, VerdictNoCurrentDiseaseMessage) ? VerdictNoCurrentDiseaseFinding
            : new Finding(ConceptName, status.Code(), verdict, source: "1.1");
        findings.CopyTo(allFindings, 1);
        ScratchList<Finding>.Return(findings);
        return new OligometastaticAssessment(status, lesionCount, siteCount, failingList, diffuseFound, missingList, ReadOnlyValueList<Finding>.Wrap(allFindings));
    }

    // Wording and thresholds that carry no patient value, shared by every assessment (messages and findings are immutable).
    private static readonly string LesionThreshold = MaximumLesions.ToString(CultureInfo.InvariantCulture) + " lesions";
    private static readonly string SiteThreshold = MaximumSites.ToString(CultureInfo.InvariantCulture) + " sites";
    private static readonly Message NoCurrentDiseaseFailing = new("omd.failing.no-current-disease");
    private static readonly Finding NoCurrentDiseaseFinding = new(FactNames.NoEvidenceOfDisease, "yes", new Message("omd.no-current-disease"), source: "1.1");
    private static readonly Message UntreatableLesionFailing = new("omd.failing.untreatable-lesion");
    private static readonly Finding NoDiffuseFinding = new(FactNames.DiffusePeritoneal, "no", new Message("omd.no-diffuse"), source: "1.2");
    private static readonly Finding PrimaryResectedFinding = new(FactNames.PrimaryResected, "yes", new Message("omd.primary-resected"), source: "1.1");
    private static readonly Message PrimaryUntreatableFailing = new("omd.failing.primary-untreatable");
    private static readonly Finding PrimaryUnresectableFinding = new(FactNames.PrimaryResectable, "no", new Message("omd.primary-unresectable"), source: "1.1");
    private static readonly Finding PrimaryResectableFinding = new(FactNames.PrimaryResectable, "yes", new Message("omd.primary-resectable"), source: "1.1");
    private static readonly Finding StagingIncompleteFinding = new(FactNames.StagingContrastCt, "incomplete", new Message("omd.staging-incomplete"), source: "1.1");

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
    private static readonly Finding VerdictYesFinding = new(ConceptName, TriState.Yes.Code(), VerdictYesMessage, source: "1.1");
    private static readonly Finding VerdictNoCurrentDiseaseFinding = new(ConceptName, TriState.No.Code(), VerdictNoCurrentDiseaseMessage, source: "1.1");
    private static readonly Message TooManyLesionsFailing = Message.Of(TooManyLesionsCode, ("maximum", MaximumLesions));
    private static readonly Message TooManySitesFailing = Message.Of(TooManySitesCode, ("maximum", MaximumSites));
    private static readonly Finding EveryLesionTreatableFinding = EveryLesionTreatable(false);
    private static readonly Finding EveryLesionTreatableDiffuseFinding = EveryLesionTreatable(true);
    private static readonly Finding StagingConfirmedPetFinding = StagingConfirmed("fdg-pet-ct");
    private static readonly Finding StagingConfirmedMriFinding = StagingConfirmed("liver-mri");

    // Keyed by lesion count × 2 + diffuse (counts up to 16; larger ones are made per assessment).
    private static readonly MemoTable<Finding> LesionFindings = new(34, static key => LesionFinding(key / 2, key % 2 == 1));

    // Keyed by the set of sites (bit i for MetastaticSite i, the ten known sites) × 2 + diffuse.
    private static readonly MemoTable<Finding> SiteFindings = new(2 << KnownSites, static key => SiteFinding(SitesOf(key / 2), key % 2 == 1));

    // Keyed by the number of lesions neither resectable nor ablatable.
    private static readonly MemoTable<Finding> UntreatableFindings = new(17, static count => UntreatableFinding(count));

    // The sites with a bit in SiteMask: MetastaticSite.Liver to MetastaticSite.Other.
    private const int KnownSites = (int)MetastaticSite.Other + 1;

    private static Finding LesionFinding(int count, bool diffusePresent) =>
        count > MaximumLesions
            ? new Finding(FactNames.Lesions, count.ToString(CultureInfo.InvariantCulture), Message.Of("omd.lesions.too-many", ("count", count), ("maximum", MaximumLesions)), ">", LesionThreshold, "1.1")
            : new Finding(FactNames.Lesions, count.ToString(CultureInfo.InvariantCulture), Message.Of("omd.lesions.within", ("count", count), ("diffuse", diffusePresent), ("maximum", MaximumLesions)), "≤", LesionThreshold, "1.1");

    private static Finding SiteFinding(MetastaticSite[] sites, bool diffusePresent)
    {
        var siteCodeArray = new string[sites.Length];
        var siteTerms = new string[sites.Length];
        for (var i = 0; i < sites.Length; i++)
        {
            siteCodeArray[i] = SiteCode(sites[i]);
            siteTerms[i] = MessageCatalog.English.Term("site", siteCodeArray[i]);
        }

        var siteCodes = ReadOnlyValueList<string>.Wrap(siteCodeArray);
        var siteList = string.Join(", ", siteTerms);
        return sites.Length > MaximumSites
            ? new Finding(FactNames.LesionSite, siteList, Message.Of("omd.sites.too-many", ("count", sites.Length), ("sites", siteCodes), ("maximum", MaximumSites)), ">", SiteThreshold, "1.1")
            : new Finding(FactNames.LesionSite, siteList, Message.Of("omd.sites.within", ("count", sites.Length), ("diffuse", diffusePresent), ("sites", siteCodes), ("maximum", MaximumSites)), "≤", SiteThreshold, "1.1");
    }

    private static Finding UntreatableFinding(int count) =>
        new(FactNames.LesionResectable, "no", Message.Of("omd.untreatable-lesions", ("count", count)), source: "1.1");

    private static Finding EveryLesionTreatable(bool diffusePresent) =>
        new(RadicallyTreatableName, "yes", Message.Of("omd.every-lesion-treatable", ("diffuse", diffusePresent)), source: "1.1");

    private static Finding StagingConfirmed(string additional) =>
        new(FactNames.StagingContrastCt, "yes", Message.Of("omd.staging-confirmed", ("additional", additional)), source: "1.1");

    // The set of the lesions' sites as bits (MetastaticSite i as bit i), or −1 when a site is not one of the known ones.
    private static int SiteMask(IReadOnlyList<Lesion> lesions)
    {
        var mask = 0;
        for (var i = 0; i < lesions.Count; i++)
        {
            var site = (int)lesions[i].Site;
            if (site < 0 || site >= KnownSites)
            {
                return -1;
            }

            mask |= 1 << site;
        }

        return mask;
    }

    private static int PopCount(int mask)
    {
        var count = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            count++;
        }

        return count;
    }

    // The sites of a mask in enumeration order, as Codes.DistinctSites lists them.
    private static MetastaticSite[] SitesOf(int mask)
    {
        var sites = new List<MetastaticSite>(KnownSites);
        for (var site = 0; site < KnownSites; site++)
        {
            if ((mask & (1 << site)) != 0)
            {
                sites.Add((MetastaticSite)site);
            }
        }

        return sites.ToArray();
    }

    internal static string SiteCode(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph-node",
        MetastaticSite.SoftTissue => "soft-tissue",
        _ => site.LowerName(),
    };
}
