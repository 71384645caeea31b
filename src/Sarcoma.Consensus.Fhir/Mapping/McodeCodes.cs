using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>
/// The code systems, codes, profiles and value sets the mapper reads, in one place. Each table is documented, with its
/// source, in <c>docs/fhir.md</c>.
/// </summary>
public static class McodeCodes
{
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>ICD-O-3.</summary>
    public const string IcdO3 = HistologyMap.IcdO3System;

    /// <summary>ICD-O-3 by its OID (<c>urn:oid:2.16.840.1.113883.6.43.1</c>), read like <see cref="IcdO3"/> (<see cref="HistologyMap.IsIcdO3System"/>).</summary>
    public const string IcdO3Oid = HistologyMap.IcdO3Oid;

    /// <summary>ICD-10-CM.</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>ICD-10 (WHO).</summary>
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";

    /// <summary>CPT.</summary>
    public const string Cpt = "http://www.ama-assn.org/go/cpt";

    /// <summary>ICD-10-PCS.</summary>
    public const string Icd10Pcs = "http://www.cms.gov/Medicare/Coding/ICD10";

    /// <summary>UCUM.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>The condition verification status code system (<c>refuted</c>, <c>entered-in-error</c>).</summary>
    public const string ConditionVerificationStatus = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /// <summary>The condition clinical status code system (<c>active</c>, <c>recurrence</c>, <c>relapse</c>, <c>inactive</c>, <c>remission</c>, <c>resolved</c>).</summary>
    public const string ConditionClinicalStatus = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    /// <summary>The canonical base of the mCODE profiles and extensions.</summary>
    public const string McodeBase = "http://hl7.org/fhir/us/mcode/StructureDefinition/";

    /// <summary>The HistologyMorphologyBehavior extension.</summary>
    public const string HistologyMorphologyBehaviorExtension = McodeBase + "mcode-histology-morphology-behavior";

    /// <summary>The RelatedCondition extension (Tumor BodyStructure → its Condition).</summary>
    public const string RelatedConditionExtension = McodeBase + "mcode-related-condition";

    /// <summary>The RelatedPrimaryCancerCondition extension (SecondaryCancerCondition → its primary).</summary>
    public const string RelatedPrimaryCancerConditionExtension = McodeBase + "mcode-related-primary-cancer-condition";

    /// <summary>The BodyLocationQualifier extension.</summary>
    public const string BodyLocationQualifierExtension = McodeBase + "mcode-body-location-qualifier";

    /// <summary>The generic metastasis code 128462008 |Metastatic malignant neoplasm (disorder)| (site in <c>Condition.bodySite</c>).</summary>
    public const string MetastaticNeoplasm = "128462008";

    /// <summary>ECOG performance status (LOINC 89247-1).</summary>
    public const string EcogLoinc = "89247-1";

    /// <summary>Karnofsky performance status (LOINC 89243-0).</summary>
    public const string KarnofskyLoinc = "89243-0";

    /// <summary>Cancer disease status: LOINC 97509-4 (mCODE STU2 and later) and 88040-1 (mCODE STU1).</summary>
    public static readonly IReadOnlyList<string> DiseaseStatusLoinc = new[] { "97509-4", "88040-1" };

    /// <summary>Tumor size: LOINC 21889-1 (Size Tumor) and 33728-7 (longest dimension).</summary>
    public static readonly IReadOnlyList<string> TumorSizeLoinc = new[] { "21889-1", "33728-7" };

    /// <summary>The longest-dimension component of TumorSize (LOINC 33728-7).</summary>
    public const string LongestDimensionLoinc = "33728-7";

    /// <summary>Histologic grade: LOINC 21858-6 (Grade Cancer) and 33732-9 (Histology grade [Identifier] in Cancer specimen).</summary>
    public static readonly IReadOnlyList<string> GradeLoinc = new[] { "21858-6", "33732-9" };

    /// <summary>ECOG answers (LOINC answer list LL529-9): LA code → ECOG grade.</summary>
    public static readonly IReadOnlyDictionary<string, int> EcogAnswers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["LA9622-7"] = 0,
        ["LA9623-5"] = 1,
        ["LA9624-3"] = 2,
        ["LA9625-0"] = 3,
        ["LA9626-8"] = 4,
        ["LA9627-6"] = 5,
    };

    /// <summary>
    /// Karnofsky → ECOG where the two published conversions agree (ECOG-ACRIN table after Oken et al., Am J Clin
    /// Oncol 1982;5:649-655, and Buccheri et al., Eur J Cancer 1996;32A:1135-1141). Karnofsky 90, 70, 50 and 30 fall
    /// on different ECOG grades in the two and are left unknown (ambiguous).
    /// </summary>
    public static readonly IReadOnlyDictionary<int, int> KarnofskyToEcog = new Dictionary<int, int>
    {
        [100] = 0,
        [80] = 1,
        [60] = 2,
        [40] = 3,
        [20] = 4,
        [10] = 4,
        [0] = 5,
    };

    /// <summary>Histologic grade answers: SNOMED CT 54102005 |G1|, 1663004 |G2|, 61026006 |G3|.</summary>
    public static readonly IReadOnlyDictionary<string, HistologicGrade> GradeAnswers = new Dictionary<string, HistologicGrade>(StringComparer.Ordinal)
    {
        ["54102005"] = HistologicGrade.G1,
        ["1663004"] = HistologicGrade.G2,
        ["61026006"] = HistologicGrade.G3,
    };

    /// <summary>CancerDiseaseStatus values (mCODE ConditionStatusTrendVS, SNOMED CT) → best response.</summary>
    public static readonly IReadOnlyDictionary<string, TreatmentResponse> DiseaseStatusResponse = new Dictionary<string, TreatmentResponse>(StringComparer.Ordinal)
    {
        ["260415000"] = TreatmentResponse.CompleteResponse,   // Not detected
        ["268910001"] = TreatmentResponse.PartialResponse,    // Patient's condition improved
        ["359746009"] = TreatmentResponse.StableDisease,      // Patient's condition stable
        ["271299001"] = TreatmentResponse.ProgressiveDisease, // Patient's condition worse
    };

    /// <summary>The CancerDiseaseStatus value 260415000 |Not detected| (no evidence of disease).</summary>
    public const string NotDetected = "260415000";

    /// <summary>The CancerDiseaseStatus value 709137006 |Patient condition undetermined|.</summary>
    public const string Undetermined = "709137006";

    /// <summary>
    /// SNOMED CT disorders in <c>Condition.code</c> of a PrimaryCancerCondition that name the morphology → ICD-O-3
    /// (DICOM PS3.16 CID 639; the mCODE examples; 420120006 |Gastrointestinal stromal tumor (disorder)|, docs/histology.md).
    /// Without the HistologyMorphologyBehavior extension they give the histology; beside it, a code of another scope
    /// class (a GIST code beside a sarcoma morphology) makes the histology unknown, never guessed (docs/fhir.md).
    /// Keyed by code: the mapper reads them only from codings whose system is SNOMED CT (<see cref="Snomed"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> MorphologyByDisorder = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["424952003"] = "8800/3",  // Sarcoma of soft tissue
        ["408643008"] = "8500/3",  // Infiltrating ductal carcinoma of breast
        ["254637007"] = "8046/3",  // Non-small cell lung cancer
        ["254626006"] = "8140/3",  // Adenocarcinoma of lung
        ["408645001"] = "8140/3",  // Adenocarcinoma of large intestine
        ["700423003"] = "8140/3",  // Adenocarcinoma of pancreas
        ["254582000"] = "8140/3",  // Adenocarcinoma of rectum
        ["702391001"] = "8312/3",  // Renal cell carcinoma
        ["255029007"] = "8260/3",  // Papillary thyroid carcinoma
        ["92814006"] = "9823/3",   // Chronic lymphoid leukemia
        ["420120006"] = "8936/3",  // Gastrointestinal stromal tumor (GIST: out of scope with any behaviour)
    };

    /// <summary>
    /// ICD-10-CM category C49.A |Gastrointestinal stromal tumor| and its codes C49.A0 (unspecified site), C49.A1
    /// (esophagus), C49.A2 (stomach), C49.A3 (small intestine), C49.A4 (large intestine), C49.A5 (rectum), C49.A9 (other
    /// sites), in ICD-10-CM since FY2019 (docs/histology.md, source h): read from <c>Condition.code</c> as GIST (ICD-O-3
    /// 8936, out of scope), like <see cref="MorphologyByDisorder"/>. Only from ICD-10-CM codings (<see cref="Icd10Cm"/>):
    /// the WHO ICD-10 has no C49.A.
    /// </summary>
    internal static readonly IReadOnlyList<string> GistIcd10Cm = new[] { "C49.A", "C49.A0", "C49.A1", "C49.A2", "C49.A3", "C49.A4", "C49.A5", "C49.A9" };

    /// <summary>
    /// The ICD-O-3 morphology a <c>Condition.code</c> coding of a PrimaryCancerCondition names: a SNOMED CT disorder of
    /// <see cref="MorphologyByDisorder"/>, or an ICD-10-CM GIST code of <see cref="GistIcd10Cm"/>; otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="coding">The coding.</param>
    /// <returns>The code as the report names it (<c>SNOMED CT 420120006</c>, <c>ICD-10-CM C49.A0</c>) and its ICD-O-3 morphology, or <see langword="null"/>.</returns>
    internal static (string Code, string Morphology)? MorphologyOfConditionCode(Hl7.Fhir.Model.Coding coding)
    {
        if (coding.Code is null)
        {
            return null;
        }

        if (coding.System == Snomed && MorphologyByDisorder.TryGetValue(coding.Code, out var morphology))
        {
            return ("SNOMED CT " + coding.Code, morphology);
        }

        return coding.System == Icd10Cm && GistIcd10Cm.Contains(coding.Code, StringComparer.Ordinal) ? ("ICD-10-CM " + coding.Code, "8936/3") : null;
    }

    /// <summary>
    /// Code systems that hold no diagnosis or morphology (LOINC, UCUM, CPT, ICD-10-PCS, RxNorm, NDC, CVX, and HL7's own
    /// code systems other than ICD-O-3): a histology coded under one of them is an input error naming the coding's
    /// system, and the text beside it is not read instead (docs/fhir.md), as for a malformed ICD-O-3 code.
    /// </summary>
    /// <param name="system">The coding's system.</param>
    /// <returns>Whether the system cannot hold a histology.</returns>
    internal static bool CannotHoldHistology(string? system) =>
        system is Loinc or Ucum or Cpt or Icd10Pcs or "http://www.nlm.nih.gov/research/umls/rxnorm" or "http://hl7.org/fhir/sid/ndc" or "http://hl7.org/fhir/sid/cvx" ||
        (system is not null && system.StartsWith("http://terminology.hl7.org/CodeSystem/", StringComparison.Ordinal) && !HistologyMap.IsIcdO3System(system));

    /// <summary>SNOMED CT body structures → primary site category (<c>Condition.bodySite</c> of the PrimaryCancerCondition).</summary>
    public static readonly IReadOnlyDictionary<string, PrimarySite> PrimarySiteBySnomed = new Dictionary<string, PrimarySite>(StringComparer.Ordinal)
    {
        ["82849001"] = PrimarySite.Retroperitoneal,         // Retroperitoneal structure
        ["35039007"] = PrimarySite.IntraAbdominalVisceral,  // Uterine structure
        ["69695003"] = PrimarySite.IntraAbdominalVisceral,  // Stomach structure
        ["30315005"] = PrimarySite.IntraAbdominalVisceral,  // Small intestine structure
        ["71854001"] = PrimarySite.IntraAbdominalVisceral,  // Colon structure
        ["66019005"] = PrimarySite.Extremity,               // Limb structure
        ["53120007"] = PrimarySite.Extremity,               // Upper limb structure
        ["61685007"] = PrimarySite.Extremity,               // Lower limb structure
        ["68367000"] = PrimarySite.Extremity,               // Thigh structure
        ["30021000"] = PrimarySite.Extremity,               // Lower leg structure
        ["40983000"] = PrimarySite.Extremity,               // Upper arm structure
        ["14975008"] = PrimarySite.Extremity,               // Forearm structure
        ["22943007"] = PrimarySite.Trunk,                   // Trunk structure
        ["78904004"] = PrimarySite.Trunk,                   // Chest wall structure
        ["774007"] = PrimarySite.Other,                     // Head and neck structure
        ["76752008"] = PrimarySite.Other,                   // Breast structure
        ["80248007"] = PrimarySite.Other,                   // Left breast structure
        ["73056007"] = PrimarySite.Other,                   // Right breast structure
        ["39607008"] = PrimarySite.Other,                   // Lung structure
    };

    /// <summary>Where a metastasis is: a lesion site, or a diffuse (sarcomatosis) site.</summary>
    internal enum SiteKind
    {
        Lesion,
        DiffusePleural,
        DiffusePericardial,
        DiffusePeritoneal,
        DiffuseLeptomeningeal,
    }

    /// <summary>SNOMED CT body structures → metastatic site (<c>Condition.bodySite</c> with the generic code, Tumor <c>BodyStructure.location</c>).</summary>
    internal static readonly IReadOnlyDictionary<string, (SiteKind Kind, MetastaticSite Site)> MetastaticSiteBySnomedBodySite =
        new Dictionary<string, (SiteKind, MetastaticSite)>(StringComparer.Ordinal)
        {
            ["10200004"] = (SiteKind.Lesion, MetastaticSite.Liver),          // Liver structure
            ["39607008"] = (SiteKind.Lesion, MetastaticSite.Lung),           // Lung structure
            ["31094006"] = (SiteKind.Lesion, MetastaticSite.Lung),           // Structure of lobe of lung
            ["3341006"] = (SiteKind.Lesion, MetastaticSite.Lung),            // Right lung structure
            ["44029006"] = (SiteKind.Lesion, MetastaticSite.Lung),           // Left lung structure
            ["41224006"] = (SiteKind.Lesion, MetastaticSite.Lung),           // Structure of lower lobe of left lung
            ["272673000"] = (SiteKind.Lesion, MetastaticSite.Bone),          // Bone structure
            ["12738006"] = (SiteKind.Lesion, MetastaticSite.Brain),          // Brain structure
            ["59441001"] = (SiteKind.Lesion, MetastaticSite.LymphNode),      // Structure of lymph node
            ["62683002"] = (SiteKind.Lesion, MetastaticSite.LymphNode),      // Mediastinal lymph node structure
            ["23451007"] = (SiteKind.Lesion, MetastaticSite.Adrenal),        // Adrenal gland structure
            ["87784001"] = (SiteKind.Lesion, MetastaticSite.SoftTissue),     // Soft tissues
            ["15425007"] = (SiteKind.DiffusePeritoneal, MetastaticSite.Peritoneum),   // Peritoneum (serous membrane) structure
            ["3120008"] = (SiteKind.DiffusePleural, MetastaticSite.Pleura),           // Pleural membrane structure
            ["25489000"] = (SiteKind.DiffusePericardial, MetastaticSite.Other),       // Pericardial structure
            ["1231004"] = (SiteKind.DiffuseLeptomeningeal, MetastaticSite.Brain),     // Meninges structure
        };

    /// <summary>Site-specific secondary-neoplasm codes in <c>Condition.code</c> (SNOMED CT disorders, ICD-10 C77–C79).</summary>
    internal static readonly IReadOnlyDictionary<(string System, string Code), (SiteKind Kind, MetastaticSite Site)> MetastaticSiteByConditionCode =
        new Dictionary<(string, string), (SiteKind, MetastaticSite)>
        {
            [(Snomed, "94381002")] = (SiteKind.Lesion, MetastaticSite.Liver),  // Secondary malignant neoplasm of liver
            [(Snomed, "94391008")] = (SiteKind.Lesion, MetastaticSite.Lung),   // Secondary malignant neoplasm of lung
            [(Snomed, "94222008")] = (SiteKind.Lesion, MetastaticSite.Bone),   // Secondary malignant neoplasm of bone
            [(Snomed, "94225005")] = (SiteKind.Lesion, MetastaticSite.Brain),  // Secondary malignant neoplasm of brain
            [(Icd10Cm, "C78.7")] = (SiteKind.Lesion, MetastaticSite.Liver),
            [(Icd10, "C78.7")] = (SiteKind.Lesion, MetastaticSite.Liver),
            [(Icd10Cm, "C78.00")] = (SiteKind.Lesion, MetastaticSite.Lung),
            [(Icd10Cm, "C78.01")] = (SiteKind.Lesion, MetastaticSite.Lung),
            [(Icd10Cm, "C78.02")] = (SiteKind.Lesion, MetastaticSite.Lung),
            [(Icd10, "C78.0")] = (SiteKind.Lesion, MetastaticSite.Lung),
            [(Icd10Cm, "C78.2")] = (SiteKind.DiffusePleural, MetastaticSite.Pleura),
            [(Icd10, "C78.2")] = (SiteKind.DiffusePleural, MetastaticSite.Pleura),
            [(Icd10Cm, "C79.51")] = (SiteKind.Lesion, MetastaticSite.Bone),
            [(Icd10, "C79.5")] = (SiteKind.Lesion, MetastaticSite.Bone),
            [(Icd10Cm, "C79.31")] = (SiteKind.Lesion, MetastaticSite.Brain),
            [(Icd10, "C79.3")] = (SiteKind.Lesion, MetastaticSite.Brain),
            [(Icd10Cm, "C79.32")] = (SiteKind.DiffuseLeptomeningeal, MetastaticSite.Brain),
            [(Icd10Cm, "C79.70")] = (SiteKind.Lesion, MetastaticSite.Adrenal),
            [(Icd10Cm, "C79.71")] = (SiteKind.Lesion, MetastaticSite.Adrenal),
            [(Icd10Cm, "C79.72")] = (SiteKind.Lesion, MetastaticSite.Adrenal),
            [(Icd10, "C79.7")] = (SiteKind.Lesion, MetastaticSite.Adrenal),
        };

    /// <summary>Hepatectomy codes (liver resection): CPT 47120–47130, ICD-10-PCS excision or resection of the liver (0FB/0FT, body part 0–2, open or percutaneous endoscopic, non-diagnostic).</summary>
    public static readonly IReadOnlyList<(string System, string Code)> HepatectomyCodes = new (string, string)[]
    {
        (Cpt, "47120"), (Cpt, "47122"), (Cpt, "47125"), (Cpt, "47130"),
        (Icd10Pcs, "0FB00ZZ"), (Icd10Pcs, "0FB04ZZ"), (Icd10Pcs, "0FB10ZZ"), (Icd10Pcs, "0FB14ZZ"), (Icd10Pcs, "0FB20ZZ"), (Icd10Pcs, "0FB24ZZ"),
        (Icd10Pcs, "0FT00ZZ"), (Icd10Pcs, "0FT04ZZ"), (Icd10Pcs, "0FT10ZZ"), (Icd10Pcs, "0FT14ZZ"), (Icd10Pcs, "0FT20ZZ"), (Icd10Pcs, "0FT24ZZ"),
    };

    /// <summary>The liver body structure, 10200004 |Liver structure|.</summary>
    public const string LiverStructure = "10200004";

    /// <summary>1217123003 |Radiotherapy course of treatment (regime/therapy)|, the code of RadiotherapyCourseSummary.</summary>
    public const string RadiotherapyCourse = "1217123003";

    /// <summary>The surgical-procedure category 387713003 |Surgical procedure|.</summary>
    public const string SurgicalProcedure = "387713003";

    /// <summary>The mCODE profile names the mapper recognises, with the canonical URL's last segment (current and earlier releases, and derived IGs whose profile ends the same way).</summary>
    internal static readonly IReadOnlyList<(string Name, string[] Segments)> Profiles = new (string, string[])[]
    {
        ("PrimaryCancerCondition", new[] { "primary-cancer-condition", "onco-core-PrimaryCancerCondition" }),
        ("SecondaryCancerCondition", new[] { "secondary-cancer-condition", "onco-core-SecondaryCancerCondition" }),
        ("Tumor", new[] { "mcode-tumor" }),
        ("TumorSize", new[] { "tumor-size", "onco-core-TumorSize" }),
        ("ECOGPerformanceStatus", new[] { "ecog-performance-status" }),
        ("KarnofskyPerformanceStatus", new[] { "karnofsky-performance-status" }),
        ("CancerRelatedSurgicalProcedure", new[] { "cancer-related-surgical-procedure" }),
        ("CancerRelatedMedicationAdministration", new[] { "cancer-related-medication-administration" }),
        ("CancerRelatedMedicationRequest", new[] { "cancer-related-medication-request" }),
        ("CancerRelatedMedicationStatement", new[] { "cancer-related-medication-statement" }),
        ("CancerDiseaseStatus", new[] { "cancer-disease-status" }),
        ("RadiotherapyCourseSummary", new[] { "radiotherapy-course-summary" }),
        ("HistologicGrade", new[] { "histologic-grade", "tumor-grade" }),
        ("TNMStageGroup", new[] { "tnm-stage-group", "tnm-clinical-stage-group", "tnm-pathological-stage-group" }),
        ("TNMDistantMetastasesCategory", new[] { "tnm-distant-metastases-category", "tnm-distant-metastasis-category", "tnm-clinical-distant-metastases-category" }),
    };

    /// <summary>The mCODE profile name a canonical URL names, or <see langword="null"/>.</summary>
    internal static string? ProfileName(string? canonical)
    {
        if (string.IsNullOrEmpty(canonical))
        {
            return null;
        }

        var last = canonical!.Split('|')[0].TrimEnd('/');
        last = last.Substring(last.LastIndexOf('/') + 1);
        return Profiles.FirstOrDefault(p => p.Segments.Any(s => last.EndsWith(s, StringComparison.OrdinalIgnoreCase))).Name;
    }
}
