using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Questionnaires;

/// <summary>The answer type of a question.</summary>
internal enum AnswerKind
{
    Boolean,
    Integer,
    Decimal,
    Date,
    Choice,
    Histology,
    Segments,
}

/// <summary>One question: clinician wording, answer type, unit and range, and the choices with the model values they stand for.</summary>
internal sealed record FactQuestion(
    string Fact,
    string Text,
    AnswerKind Kind,
    string? Unit = null,
    decimal? Min = null,
    decimal? Max = null,
    IReadOnlyList<(string Label, object Value)>? Choices = null)
{
    /// <summary>The values probed to find follow-up questions (booleans, choices, small integer scales); empty for dates and measures.</summary>
    public IEnumerable<object> ProbeValues() => Kind switch
    {
        AnswerKind.Boolean => new object[] { true, false },
        AnswerKind.Choice => Choices!.Select(c => c.Value),
        AnswerKind.Integer when Min is { } min && Max is { } max && max - min <= 6 =>
            Enumerable.Range((int)min, (int)(max - min) + 1).Cast<object>(),
        _ => Enumerable.Empty<object>(),
    };

    public string? LabelOf(object value) => Choices?.FirstOrDefault(c => Equals(c.Value, value)).Label;
}

/// <summary>
/// Every question the Questionnaire can ask, in one place: the wording a clinician reads (never a JSON path), the
/// answer type, unit and range, and for choices the model value of each answer.
/// </summary>
internal static class FactQuestions
{
    private static readonly (string, object)[] PrimarySites =
    {
        ("Retroperitoneum", PrimarySite.Retroperitoneal),
        ("Intra-abdominal or visceral (for example uterine, gastrointestinal non-GIST)", PrimarySite.IntraAbdominalVisceral),
        ("Extremity", PrimarySite.Extremity),
        ("Trunk wall", PrimarySite.Trunk),
        ("Other site (head and neck, breast, …)", PrimarySite.Other),
    };

    private static readonly (string, object)[] Grades =
    {
        ("Grade 1 (FNCLCC G1)", HistologicGrade.G1),
        ("Grade 2 (FNCLCC G2)", HistologicGrade.G2),
        ("Grade 3 (FNCLCC G3)", HistologicGrade.G3),
    };

    private static readonly (string, object)[] Responses =
    {
        ("Complete response", TreatmentResponse.CompleteResponse),
        ("Partial response", TreatmentResponse.PartialResponse),
        ("Stable disease", TreatmentResponse.StableDisease),
        ("Progressive disease", TreatmentResponse.ProgressiveDisease),
    };

    private static readonly (string, object)[] Margins =
    {
        ("R0: microscopically negative margins", ResectionMargin.R0),
        ("R1: microscopically positive margins", ResectionMargin.R1),
        ("R2: macroscopic residual disease", ResectionMargin.R2),
    };

    private static readonly (string, object)[] Lobes =
    {
        ("Left lobe (segments 2–4)", LiverLobe.Left),
        ("Right lobe (segments 5–8)", LiverLobe.Right),
        ("Caudate lobe (segment 1)", LiverLobe.Caudate),
    };

    internal static readonly (string, object)[] Sites =
    {
        ("Liver", MetastaticSite.Liver),
        ("Lung", MetastaticSite.Lung),
        ("Lymph node", MetastaticSite.LymphNode),
        ("Bone", MetastaticSite.Bone),
        ("Brain or other central nervous system site", MetastaticSite.Brain),
        ("Soft tissue", MetastaticSite.SoftTissue),
        ("Peritoneum (a discrete nodule)", MetastaticSite.Peritoneum),
        ("Pleura (a discrete nodule)", MetastaticSite.Pleura),
        ("Adrenal gland", MetastaticSite.Adrenal),
        ("Other organ", MetastaticSite.Other),
    };

    private static readonly Dictionary<string, FactQuestion> ByFact = new FactQuestion[]
    {
        new(FactNames.PrimaryHistology, "Histology of the primary tumour: its name (for example leiomyosarcoma), ICD-O-3 morphology code (for example 8890/3) or SNOMED CT code", AnswerKind.Histology),
        new(FactNames.PrimarySite, "Site of the primary tumour", AnswerKind.Choice, Choices: PrimarySites),
        new(FactNames.PrimaryGrade, "Histologic grade of the primary tumour (FNCLCC)", AnswerKind.Choice, Choices: Grades),
        new(FactNames.PrimaryDiagnosedOn, "Date of the initial diagnosis of the primary tumour", AnswerKind.Date),
        new(FactNames.PrimaryResected, "Has the primary tumour been resected?", AnswerKind.Boolean),
        new(FactNames.PrimaryResectedOn, "Date of the resection of the primary tumour", AnswerKind.Date),
        new(FactNames.PrimaryResectable, "Is the primary tumour, still in place, resectable?", AnswerKind.Boolean),
        new(FactNames.MetastasesDetectedOn, "Date the current metastases (or the current recurrence) were detected", AnswerKind.Date),
        new(FactNames.NoEvidenceOfDisease, "Is there currently no evidence of metastatic disease (for example after a complete metastasectomy)?", AnswerKind.Boolean),
        new(FactNames.DiffusePleural, "Is there malignant pleural sarcomatosis?", AnswerKind.Boolean),
        new(FactNames.DiffusePericardial, "Is there malignant pericardial sarcomatosis?", AnswerKind.Boolean),
        new(FactNames.DiffusePeritoneal, "Is there peritoneal sarcomatosis?", AnswerKind.Boolean),
        new(FactNames.DiffuseLeptomeningeal, "Is there leptomeningeal sarcomatosis?", AnswerKind.Boolean),
        new(FactNames.StagingContrastCt, "Has an iodinated contrast-enhanced CT been done for staging?", AnswerKind.Boolean),
        new(FactNames.StagingLiverMri, "Has a liver MRI been done for staging?", AnswerKind.Boolean),
        new(FactNames.StagingFdgPetCt, "Has an 18F-FDG-PET/CT been done for staging?", AnswerKind.Boolean),
        new(FactNames.StagingBrainMri, "Has a brain MRI been done?", AnswerKind.Boolean),
        new(FactNames.StagingSpineMri, "Has a total-spine MRI been done?", AnswerKind.Boolean),
        new(FactNames.Ecog, "ECOG performance status (0 fully active – 5 dead)", AnswerKind.Integer, Min: 0, Max: 5),
        new(FactNames.AsaClass, "ASA physical status class (1–6)", AnswerKind.Integer, Min: 1, Max: 6),
        new(FactNames.SignificantComorbidities, "Does the patient have significant comorbidities?", AnswerKind.Boolean),
        new(FactNames.FitForSurgery, "Is the patient medically fit for major surgery, as judged by the treating team?", AnswerKind.Boolean),
        new(FactNames.SystemicTherapyReceived, "Has the patient received systemic therapy for the metastatic disease?", AnswerKind.Boolean),
        new(FactNames.SystemicTherapyResponse, "Best radiological response to that systemic therapy", AnswerKind.Choice, Choices: Responses),
        new(FactNames.OnSystemicTherapy, "Is the patient currently on systemic therapy?", AnswerKind.Boolean),
        new(FactNames.InductionTherapyPlanned, "Is induction (preoperative) systemic therapy planned or proposed?", AnswerKind.Boolean),
        new(FactNames.LastTreatmentEndedOn, "Date the last treatment (surgery, ablation or systemic therapy) ended", AnswerKind.Date),
        new(FactNames.PreviousLiverResection, "Has the patient ever had a liver resection (liver metastasectomy)?", AnswerKind.Boolean),
        new(FactNames.AdjuvantTherapyAfterFirstLiverResection, "Was adjuvant systemic therapy given after the first liver resection?", AnswerKind.Boolean),
        new(FactNames.PreviousAbdominalSurgeries, "Number of previous abdominal operations", AnswerKind.Integer, Min: 0, Max: 50),
        new(FactNames.MajorHepatectomyPlanned, "Is a major hepatectomy (three or more segments) planned?", AnswerKind.Boolean),
        new(FactNames.FutureLiverRemnantPercent, "Estimated standardised future liver remnant", AnswerKind.Decimal, Unit: "%", Min: 0, Max: 100),
        new(FactNames.ExtensivePriorChemotherapy, "Has the patient had extensive prior chemotherapy?", AnswerKind.Boolean),
        new(FactNames.UncorrectableCoagulopathy, "Is there an uncorrectable coagulopathy?", AnswerKind.Boolean),
        new(FactNames.ActiveInfectionInTreatmentArea, "Is there an active infection in the planned treatment area?", AnswerKind.Boolean),
        new(FactNames.AdjacentStructuresNotProtectable, "Are there adjacent critical structures that cannot be displaced or protected?", AnswerKind.Boolean),
        new(FactNames.DecompensatedLiverFailure, "Is there decompensated liver failure?", AnswerKind.Boolean),
        new(FactNames.HccRiskFactors, "Does the patient have risk factors for hepatocellular carcinoma (for example cirrhosis, chronic viral hepatitis)?", AnswerKind.Boolean),
        new(FactNames.ColorectalCancerHistory, "Does the patient have a history of colorectal cancer?", AnswerKind.Boolean),
        new(FactNames.OtherCancerHistory, "Does the patient have a history of another cancer?", AnswerKind.Boolean),
        new(FactNames.LesionSite, "Organ or site", AnswerKind.Choice, Choices: Sites),
        new(FactNames.LesionSizeMm, "Largest diameter", AnswerKind.Decimal, Unit: "mm", Min: 0, Max: PatientValidator.MaximumLesionSizeMm),
        new(FactNames.LesionSegments, "Couinaud segments (1–8) it occupies", AnswerKind.Segments, Min: 1, Max: 8),
        new(FactNames.LesionLobe, "Liver lobe", AnswerKind.Choice, Choices: Lobes),
        new(FactNames.LesionVascularInvolvement, "Does it involve major vessels?", AnswerKind.Boolean),
        new(FactNames.LesionCentralLocation, "Is it centrally located in the liver?", AnswerKind.Boolean),
        new(FactNames.LesionSymptomatic, "Does it cause symptoms?", AnswerKind.Boolean),
        new(FactNames.LesionResectable, "Is it amenable to complete surgical resection?", AnswerKind.Boolean),
        new(FactNames.LesionAblatable, "Is it amenable to ablation (including SBRT or catheter-directed therapy)?", AnswerKind.Boolean),
        new(FactNames.LiverResectionPerformedOn, "Date of the liver resection", AnswerKind.Date),
        new(FactNames.LiverResectionMargin, "Margin achieved", AnswerKind.Choice, Choices: Margins),
    }.ToDictionary(q => q.Fact, StringComparer.Ordinal);

    /// <summary>
    /// The confirmation that the lesions read from a FHIR record are all the current metastatic lesions staging found
    /// (<see cref="Mapping.McodeMapping.PendingLesions"/>): not a fact of the patient document, whose author writes the
    /// list, but of a record, which can never show that it is complete (safety rule 1; section 3.1: "Appropriate
    /// staging of metastatic disease is imperative in defining OMD"). The text is completed with the count and the
    /// lesions (<see cref="LesionListCompleteText"/>).
    /// </summary>
    public static readonly FactQuestion LesionListComplete = new(
        MissingFactsQuestionnaire.LesionListCompleteLinkId,
        "Did staging find no current metastatic lesion other than the ones listed from the record?",
        AnswerKind.Boolean);

    /// <summary>The confirmation's text for <paramref name="count"/> lesions described as the lesion groups are (site, size, segments; never an identifier).</summary>
    public static string LesionListCompleteText(int count, IEnumerable<string> lesions) =>
        "Did staging find no current metastatic lesion other than the " + (count == 1 ? "one" : count.ToString(CultureInfo.InvariantCulture)) +
        " listed from the record (" + string.Join("; ", lesions) + ")? Answer no if it found any other lesion, at any site: record it in the EHR (or a patient document), and the lesions stay unknown.";

    /// <summary>The facts that are not list items, in catalogue order.</summary>
    public static IReadOnlyList<string> Plain => ByFact.Keys.Where(k => !k.Contains("[]")).ToArray();

    /// <summary>The members of a lesion that can be asked.</summary>
    public static readonly IReadOnlyList<string> LesionMembers = new[] { "sizeMm", "segments", "lobe", "vascularInvolvement", "centralLocation", "symptomatic", "resectable", "ablatable" };

    /// <summary>The question for a fact path (indexed or generic), or <see langword="null"/>.</summary>
    public static FactQuestion? For(string path) => ByFact.TryGetValue(PatientFacts.Generic(path), out var q) ? q : null;

    /// <summary>The sections, in the order of the patient document, with their headings.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Heading)> Sections = new[]
    {
        ("primary.", "Primary tumour"),
        ("metastases.", "Metastatic disease"),
        ("staging.", "Staging examinations"),
        ("clinical.", "Performance status and fitness"),
        ("treatment.", "Treatment history"),
        ("liverSurgery.", "Liver surgery plan"),
        ("focalTherapyContraindications.", "Contraindications to focal therapy"),
        ("originUncertainty.", "Origin of the liver lesions"),
    };

    public static string Describe(MetastaticSite site) => Sites.First(s => Equals(s.Item2, site)).Item1;

    public static string Ordinal(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
