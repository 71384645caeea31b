using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.DataRequirements;

/// <summary>
/// One FHIR R4 search that fetches resources a recommendation reads, as a CDS Hooks prefetch template
/// (<c>Condition?patient={{context.patientId}}&amp;category=…</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FhirQuery
{
    internal FhirQuery(string key, string template, string description, IReadOnlyList<string> facts)
    {
        Key = key;
        Template = template;
        Description = description;
        Facts = facts;
    }

    /// <summary>Gets the prefetch key, stable and unique (<c>cancerConditions</c>), usable as a CDS Hooks <c>prefetch</c> key.</summary>
    public string Key { get; }

    /// <summary>Gets the search, relative to the FHIR server base, with the CDS Hooks token <c>{{context.patientId}}</c>.</summary>
    public string Template { get; }

    /// <summary>Gets what the search fetches, in the standard's names (mCODE profiles, LOINC codes).</summary>
    public string Description { get; }

    /// <summary>Gets the patient facts (<see cref="FactNames"/>) read from its results.</summary>
    public IReadOnlyList<string> Facts { get; }
}

/// <summary>A recommendation's data requirements: the FHIR searches that fetch what a record can hold, and the facts no FHIR resource holds (asked by the Questionnaire).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecommendationDataRequirements
{
    internal RecommendationDataRequirements(string recommendationId, IReadOnlyList<FhirQuery> queries, IReadOnlyList<string> factsNotInFhir)
    {
        RecommendationId = recommendationId;
        Queries = queries;
        FactsNotInFhir = factsNotInFhir;
    }

    /// <summary>Gets the recommendation's id (<c>5.3</c>).</summary>
    public string RecommendationId { get; }

    /// <summary>Gets the FHIR searches, in a fixed order.</summary>
    public IReadOnlyList<FhirQuery> Queries { get; }

    /// <summary>Gets the facts the evaluator reads that mCODE cannot hold (resectability, staging examinations done, fitness, plans …): the <see cref="Questionnaires.MissingFactsQuestionnaire"/> asks for them.</summary>
    public IReadOnlyList<string> FactsNotInFhir { get; }
}

/// <summary>
/// Each recommendation's data requirements as FHIR R4 searches (CDS Hooks prefetch templates), derived from the
/// facts its evaluator reads (<see cref="RecommendationEvaluatorInfo.DataRequirements"/>) and the resources the
/// <see cref="Mapping.McodeMapper"/> reads each fact from.
/// </summary>
/// <remarks>
/// A CDS Hooks service declares <see cref="Prefetch"/> in its discovery document and passes the prefetched Bundles to
/// <see cref="Mapping.McodeMapper.Map(System.Collections.Generic.IEnumerable{Hl7.Fhir.Model.Resource})"/>. The searches
/// are deliberately broad (no status filter): a refuted SecondaryCancerCondition or a stopped medication is evidence
/// too. Static and thread-safe.
/// </remarks>
public static class FhirDataRequirements
{
    private const string Patient = "patient={{context.patientId}}";

    private static readonly FhirQuery CancerConditions = new(
        "cancerConditions",
        "Condition?" + Patient + "&category=problem-list-item,encounter-diagnosis",
        "PrimaryCancerCondition and SecondaryCancerCondition (including refuted ones)",
        new[] { FactNames.PrimaryHistology, FactNames.PrimarySite, FactNames.PrimaryDiagnosedOn, FactNames.Metastases, FactNames.MetastasesDetectedOn, FactNames.Lesions, FactNames.LesionSite, FactNames.DiffusePleural, FactNames.DiffusePericardial, FactNames.DiffusePeritoneal, FactNames.DiffuseLeptomeningeal, FactNames.OtherCancerHistory });

    private static readonly FhirQuery Grade = new(
        "histologicGrade",
        "Observation?" + Patient + "&code=http://loinc.org|21858-6,http://loinc.org|33732-9",
        "Histologic grade Observation (LOINC 21858-6, 33732-9)",
        new[] { FactNames.PrimaryGrade });

    private static readonly FhirQuery Tumors = new(
        "tumors",
        "BodyStructure?" + Patient,
        "Tumor BodyStructure (site, Couinaud segment)",
        new[] { FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSegments, FactNames.LesionLobe });

    private static readonly FhirQuery TumorSize = new(
        "tumorSize",
        "Observation?" + Patient + "&code=http://loinc.org|21889-1,http://loinc.org|33728-7",
        "TumorSize Observation (LOINC 21889-1, 33728-7)",
        new[] { FactNames.LesionSizeMm });

    private static readonly FhirQuery PerformanceStatus = new(
        "performanceStatus",
        "Observation?" + Patient + "&code=http://loinc.org|89247-1,http://loinc.org|89243-0",
        "ECOGPerformanceStatus and KarnofskyPerformanceStatus Observations (LOINC 89247-1, 89243-0)",
        new[] { FactNames.Ecog });

    private static readonly FhirQuery DiseaseStatus = new(
        "diseaseStatus",
        "Observation?" + Patient + "&code=http://loinc.org|97509-4,http://loinc.org|88040-1",
        "CancerDiseaseStatus Observations (LOINC 97509-4; 88040-1 in mCODE STU1)",
        new[] { FactNames.NoEvidenceOfDisease, FactNames.SystemicTherapyResponse });

    private static readonly FhirQuery Procedures = new(
        "procedures",
        "Procedure?" + Patient + "&status=completed",
        "CancerRelatedSurgicalProcedure (primary resection, hepatectomy) and RadiotherapyCourseSummary",
        new[] { FactNames.PrimaryResected, FactNames.PrimaryResectedOn, FactNames.LiverResections, FactNames.LiverResectionPerformedOn, FactNames.PreviousLiverResection, FactNames.LastTreatmentEndedOn });

    private static readonly FhirQuery MedicationAdministrations = new(
        "medicationAdministrations",
        "MedicationAdministration?" + Patient,
        "CancerRelatedMedicationAdministration",
        new[] { FactNames.SystemicTherapyReceived, FactNames.OnSystemicTherapy, FactNames.LastTreatmentEndedOn });

    private static readonly FhirQuery MedicationRequests = new(
        "medicationRequests",
        "MedicationRequest?" + Patient,
        "CancerRelatedMedicationRequest",
        new[] { FactNames.SystemicTherapyReceived, FactNames.OnSystemicTherapy, FactNames.LastTreatmentEndedOn });

    private static readonly FhirQuery MedicationStatements = new(
        "medicationStatements",
        "MedicationStatement?" + Patient,
        "CancerRelatedMedicationStatement (mCODE STU1)",
        new[] { FactNames.SystemicTherapyReceived, FactNames.OnSystemicTherapy, FactNames.LastTreatmentEndedOn });

    /// <summary>Gets every search, in a fixed order: the CDS Hooks prefetch of a service that evaluates all recommendations.</summary>
    public static IReadOnlyList<FhirQuery> Prefetch { get; } = new[]
    {
        CancerConditions, Grade, Tumors, TumorSize, PerformanceStatus, DiseaseStatus, Procedures, MedicationAdministrations, MedicationRequests, MedicationStatements,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, RecommendationDataRequirements>> ById = new(Build);

    /// <summary>Gets every recommendation's requirements, in catalog (Table 5) order.</summary>
    public static IReadOnlyList<RecommendationDataRequirements> All =>
        RecommendationCatalog.All.Select(r => ById.Value[r.Id]).ToArray();

    /// <summary>Gets one recommendation's requirements.</summary>
    /// <param name="recommendationId">The id, for example <c>5.3</c>.</param>
    /// <returns>The requirements.</returns>
    /// <exception cref="KeyNotFoundException">No recommendation has that id.</exception>
    public static RecommendationDataRequirements For(string recommendationId) =>
        recommendationId is not null && ById.Value.TryGetValue(recommendationId, out var found)
            ? found
            : throw new KeyNotFoundException("No recommendation has that id.");

    /// <summary>Gets the searches that fetch a fact (<see cref="FactNames"/>), or none when no FHIR resource holds it.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The searches.</returns>
    public static IReadOnlyList<FhirQuery> ForFact(string fact) =>
        Prefetch.Where(q => q.Facts.Contains(fact, StringComparer.Ordinal)).ToArray();

    private static IReadOnlyDictionary<string, RecommendationDataRequirements> Build()
    {
        var result = new Dictionary<string, RecommendationDataRequirements>(StringComparer.Ordinal);
        foreach (var evaluator in ConsensusEngine.Default.Evaluators)
        {
            var facts = evaluator.DataRequirements;
            var queries = Prefetch.Where(q => facts.Any(f => q.Facts.Contains(f, StringComparer.Ordinal))).ToArray();
            var notInFhir = facts.Where(f => ForFact(f).Count == 0).ToArray();
            result[evaluator.Recommendation.Id] = new RecommendationDataRequirements(evaluator.Recommendation.Id, queries, notInFhir);
        }

        return result;
    }
}
