namespace Sarcoma.Consensus.Model;

/// <summary>
/// Names of patient facts, as used in results ("missing", decisive facts), data requirements and the JSON
/// contract. They are the JSON paths of the patient document; <c>[]</c> means "of every lesion" or "of every item".
/// </summary>
public static class FactNames
{
#pragma warning disable CS1591 // The constant's value is its documentation: the JSON path.
    public const string PrimaryHistology = "primary.histology";
    public const string PrimarySite = "primary.site";
    public const string PrimaryGrade = "primary.grade";
    public const string PrimaryDiagnosedOn = "primary.diagnosedOn";
    public const string PrimaryResected = "primary.resected";
    public const string PrimaryResectedOn = "primary.resectedOn";
    public const string PrimaryResectable = "primary.resectable";

    public const string Metastases = "metastases";
    public const string MetastasesDetectedOn = "metastases.detectedOn";
    public const string NoEvidenceOfDisease = "metastases.noEvidenceOfDisease";
    public const string Lesions = "metastases.lesions";
    public const string LesionSite = "metastases.lesions[].site";
    public const string LesionSizeMm = "metastases.lesions[].sizeMm";
    public const string LesionSegments = "metastases.lesions[].segments";
    public const string LesionLobe = "metastases.lesions[].lobe";
    public const string LesionVascularInvolvement = "metastases.lesions[].vascularInvolvement";
    public const string LesionCentralLocation = "metastases.lesions[].centralLocation";
    public const string LesionSymptomatic = "metastases.lesions[].symptomatic";
    public const string LesionResectable = "metastases.lesions[].resectable";
    public const string LesionAblatable = "metastases.lesions[].ablatable";
    public const string DiffusePleural = "metastases.diffuse.pleural";
    public const string DiffusePericardial = "metastases.diffuse.pericardial";
    public const string DiffusePeritoneal = "metastases.diffuse.peritoneal";
    public const string DiffuseLeptomeningeal = "metastases.diffuse.leptomeningeal";

    public const string StagingContrastCt = "staging.contrastCt";
    public const string StagingLiverMri = "staging.liverMri";
    public const string StagingFdgPetCt = "staging.fdgPetCt";
    public const string StagingBrainMri = "staging.brainMri";
    public const string StagingSpineMri = "staging.spineMri";

    public const string Ecog = "clinical.ecog";
    public const string AsaClass = "clinical.asaClass";
    public const string SignificantComorbidities = "clinical.significantComorbidities";
    public const string FitForSurgery = "clinical.fitForSurgery";

    public const string SystemicTherapyReceived = "treatment.systemicTherapyReceived";
    public const string SystemicTherapyResponse = "treatment.systemicTherapyResponse";
    public const string OnSystemicTherapy = "treatment.onSystemicTherapy";
    public const string InductionTherapyPlanned = "treatment.inductionTherapyPlanned";
    public const string LastTreatmentEndedOn = "treatment.lastTreatmentEndedOn";
    public const string LiverResections = "treatment.liverResections";
    public const string LiverResectionPerformedOn = "treatment.liverResections[].performedOn";
    public const string LiverResectionMargin = "treatment.liverResections[].margin";
    public const string PreviousLiverResection = "treatment.previousLiverResection";
    public const string AdjuvantTherapyAfterFirstLiverResection = "treatment.adjuvantTherapyAfterFirstLiverResection";
    public const string PreviousAbdominalSurgeries = "treatment.previousAbdominalSurgeries";

    public const string MajorHepatectomyPlanned = "liverSurgery.majorHepatectomyPlanned";
    public const string FutureLiverRemnantPercent = "liverSurgery.futureLiverRemnantPercent";
    public const string ExtensivePriorChemotherapy = "liverSurgery.extensivePriorChemotherapy";

    public const string UncorrectableCoagulopathy = "focalTherapyContraindications.uncorrectableCoagulopathy";
    public const string ActiveInfectionInTreatmentArea = "focalTherapyContraindications.activeInfectionInTreatmentArea";
    public const string AdjacentStructuresNotProtectable = "focalTherapyContraindications.adjacentStructuresNotProtectable";
    public const string DecompensatedLiverFailure = "focalTherapyContraindications.decompensatedLiverFailure";

    public const string HccRiskFactors = "originUncertainty.hccRiskFactors";
    public const string ColorectalCancerHistory = "originUncertainty.colorectalCancerHistory";
    public const string OtherCancerHistory = "originUncertainty.otherCancerHistory";

    /// <summary>The evaluation date passed by the caller (not a patient fact, but validated like one).</summary>
    public const string AsOf = "asOf";
#pragma warning restore CS1591
}
