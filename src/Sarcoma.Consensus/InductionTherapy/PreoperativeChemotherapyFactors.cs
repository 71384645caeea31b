using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.InductionTherapy;

/// <summary>A clinicopathologic factor the decision on preoperative chemotherapy should weigh (recommendation 11.2, section 3.11).</summary>
internal enum PreoperativeChemotherapyFactorKind
{
    /// <summary>Intrinsic chemosensitivity of the subtype.</summary>
    IntrinsicChemosensitivity,

    /// <summary>Histologic grade.</summary>
    HistologicGrade,

    /// <summary>Risk of local hepatic progression and loss of opportunity for R0 metastasectomy.</summary>
    RiskOfLocalHepaticProgression,

    /// <summary>Symptom burden.</summary>
    SymptomBurden,

    /// <summary>Patient comorbidities.</summary>
    Comorbidities,

    /// <summary>
    /// Timing of the metastases (synchronous versus oligorecurrent) and the disease-free interval (section 3.11); for a
    /// liver recurrence after a metastasectomy, the time since that metastasectomy (section 3.9).
    /// </summary>
    TimingOfMetastases,
}

/// <summary>One factor and what the record says of it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class PreoperativeChemotherapyFactor
{
    internal PreoperativeChemotherapyFactor(PreoperativeChemotherapyFactorKind kind, string name, bool isKnown, Finding finding)
    {
        Kind = kind;
        Name = name;
        IsKnown = isKnown;
        Finding = finding;
    }

    /// <summary>Gets which factor this is.</summary>
    public PreoperativeChemotherapyFactorKind Kind { get; }

    /// <summary>Gets the factor's name as the guideline words it.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether the record says anything about it.</summary>
    public bool IsKnown { get; }

    /// <summary>Gets the fact, its value and a sentence.</summary>
    public Finding Finding { get; }
}

/// <summary>
/// The clinicopathologic factors recommendation 11.2 lists for individualising preoperative chemotherapy ("including,
/// but not limited to, intrinsic chemosensitivity, histologic grade, risk of local hepatic progression, symptom burden,
/// and patient comorbidities"), plus the timing of the metastases that section 3.11 adds ("synchronous OMD is more likely
/// to benefit from systemic therapy than oligorecurrent disease"), each marked known or unknown. It reports the factors;
/// weighing them is the tumour board's decision.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class PreoperativeChemotherapyFactors
{
    private PreoperativeChemotherapyFactors(IReadOnlyList<PreoperativeChemotherapyFactor> factors, IReadOnlyList<string> cautions)
    {
        Factors = factors.ToReadOnlyList();
        Cautions = cautions.ToReadOnlyList();
    }

    /// <summary>Gets the factors, in the order 11.2 lists them, timing last.</summary>
    public IReadOnlyList<PreoperativeChemotherapyFactor> Factors { get; }

    /// <summary>Gets the factors the record says nothing about.</summary>
    public IReadOnlyList<PreoperativeChemotherapyFactor> UnknownFactors => Factors.Where(f => !f.IsKnown).ToReadOnlyList();

    /// <summary>Gets the findings, one per factor.</summary>
    public IReadOnlyList<Finding> Findings => Factors.Select(f => f.Finding).ToReadOnlyList();

    /// <summary>Gets the cautions: the unknown factors and any open timing boundary.</summary>
    public IReadOnlyList<string> Cautions { get; }

    /// <summary>The name under which the (unrecorded) risk of local hepatic progression appears in findings.</summary>
    public const string LocalProgressionRiskName = "derived.localHepaticProgressionRisk";

    /// <summary>Gets the facts the factors are read from.</summary>
    public static IReadOnlyList<string> Requirements { get; } = new[]
    {
        FactNames.NoEvidenceOfDisease,
        FactNames.PrimaryHistology, FactNames.PrimaryGrade, FactNames.LesionSizeMm, FactNames.LesionVascularInvolvement,
        FactNames.LesionCentralLocation, FactNames.LesionSymptomatic, FactNames.SignificantComorbidities, FactNames.Ecog,
        FactNames.AsaClass, FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn, FactNames.Metastases, FactNames.Lesions,
        FactNames.LesionSite, FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
    }.ToReadOnlyList();

    /// <summary>Reads the factors for the patient in <paramref name="context"/>.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The factors.</returns>
    internal static PreoperativeChemotherapyFactors Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var patient = context.Patient;
        var factors = new List<PreoperativeChemotherapyFactor>();
        void Add(PreoperativeChemotherapyFactorKind kind, string name, bool known, string fact, string value, string sentence) =>
            factors.Add(new PreoperativeChemotherapyFactor(kind, name, known, new Finding(fact, value, sentence)));

        // Intrinsic chemosensitivity: section 3.9 names leiomyosarcoma as a histology with high chemosensitivity.
        const string Chemosensitivity = "intrinsic chemosensitivity";
        if (patient.Primary?.Histology is { } histology)
        {
            Add(
                PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity,
                Chemosensitivity,
                true,
                FactNames.PrimaryHistology,
                histology.Code,
                histology.NamedChemosensitive
                    ? $"Intrinsic chemosensitivity: {histology.Name}, which the guideline names as highly chemosensitive (section 3.9)"
                        + (patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease
                            ? "; this disease, however, is progressing on systemic therapy."
                            : ".")
                    : $"Intrinsic chemosensitivity: {histology.Name}, not among the subtypes the guideline names as highly chemosensitive (it names leiomyosarcoma, section 3.9); judge its chemosensitivity case by case.");
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity, Chemosensitivity, false, FactNames.PrimaryHistology, "unknown", "Intrinsic chemosensitivity: unknown (histology not recorded).");
        }

        const string Grade = "histologic grade";
        if (patient.Primary?.Grade is { } grade)
        {
            var number = ((int)grade).ToString(CultureInfo.InvariantCulture);
            var level = grade switch { HistologicGrade.G1 => "low", HistologicGrade.G2 => "intermediate", _ => "high" };
            Add(PreoperativeChemotherapyFactorKind.HistologicGrade, Grade, true, FactNames.PrimaryGrade, "G" + number, $"Histologic grade: G{number} ({level} grade).");
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.HistologicGrade, Grade, false, FactNames.PrimaryGrade, "unknown", "Histologic grade: unknown.");
        }

        // Risk of local hepatic progression: a clinical judgement the record does not capture; show the facts that bear on it.
        const string Progression = "risk of local hepatic progression and loss of opportunity for R0 metastasectomy";
        var liver = context.LiverLesions;
        var progressionContext = new List<string>();
        var largest = liver.Where(l => l.SizeMm is not null).Select(l => l.SizeMm!.Value).DefaultIfEmpty().Max();
        if (liver.Any(l => l.SizeMm is not null))
        {
            progressionContext.Add($"largest liver lesion {ResultBuilder.Format(largest)} mm");
        }

        var vascular = liver.Count(l => l.VascularInvolvement == true);
        if (vascular > 0)
        {
            progressionContext.Add($"{vascular.ToString(CultureInfo.InvariantCulture)} with vascular involvement");
        }

        var central = liver.Count(l => l.CentralLocation == true);
        if (central > 0)
        {
            progressionContext.Add($"{central.ToString(CultureInfo.InvariantCulture)} centrally located");
        }

        Add(
            PreoperativeChemotherapyFactorKind.RiskOfLocalHepaticProgression,
            Progression,
            false,
            LocalProgressionRiskName,
            "not recorded",
            "Risk of local hepatic progression and loss of opportunity for R0 metastasectomy: a tumour-board judgement the record does not capture"
                + (progressionContext.Count > 0 ? " (" + string.Join("; ", progressionContext) + ")." : "."));

        const string Symptoms = "symptom burden";
        var lesions = context.Lesions;
        var symptomatic = lesions.Count(l => l.Symptomatic == true);
        if (symptomatic > 0)
        {
            var count = symptomatic.ToString(CultureInfo.InvariantCulture);
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, Symptoms, true, FactNames.LesionSymptomatic, count, $"Symptom burden: {count} symptomatic metastatic {(symptomatic == 1 ? "lesion" : "lesions")}.");
        }
        else if (lesions.Count > 0 && lesions.All(l => l.Symptomatic == false))
        {
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, Symptoms, true, FactNames.LesionSymptomatic, "0", "Symptom burden: no metastatic lesion is symptomatic.");
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, Symptoms, false, FactNames.LesionSymptomatic, "unknown", "Symptom burden: unknown (not recorded for every lesion).");
        }

        const string Comorbidities = "patient comorbidities";
        var clinical = patient.Clinical;
        var status = new List<string>();
        if (clinical.Ecog is { } ecog)
        {
            status.Add("ECOG " + ecog.ToString(CultureInfo.InvariantCulture));
        }

        if (clinical.AsaClass is { } asa)
        {
            status.Add("ASA " + asa.ToString(CultureInfo.InvariantCulture));
        }

        var statusText = status.Count > 0 ? " (" + string.Join(", ", status) + ")" : string.Empty;
        if (clinical.SignificantComorbidities is { } comorbid)
        {
            Add(PreoperativeChemotherapyFactorKind.Comorbidities, Comorbidities, true, FactNames.SignificantComorbidities, ResultBuilder.Format(comorbid), (comorbid ? "Comorbidities: significant comorbidities recorded" : "Comorbidities: no significant comorbidity recorded") + statusText + ".");
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.Comorbidities, Comorbidities, false, FactNames.SignificantComorbidities, "unknown", "Comorbidities: not recorded" + statusText + ".");
        }

        var cautions = new List<string>();
        const string Timing = "timing of the metastases";
        var timing = context.Timing;
        switch (timing.Timing)
        {
            case MetastasisTiming.Synchronous:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, true, TimingAssessment.ConceptName, "synchronous", $"Timing: synchronous metastases ({(context.Timing.DetectedBeforeDiagnosis ? "detected before the recorded diagnosis" : Describe(context.DiseaseFreeInterval) + " after diagnosis")}); section 3.11: synchronous OMD is more likely to benefit from systemic therapy than oligorecurrent disease.");
                break;
            case MetastasisTiming.Metachronous when context.IsLiverRecurrence == true:
                // A liver recurrence after a metastasectomy: the relapse is described by the time since that resection
                // (section 3.9: "relapses with a short DFI"); the DFI from the primary describes the first relapse only.
                var since = context.LatestLiverResectionDate is { } resected && patient.Metastases?.DetectedOn is { } recurred
                    ? $"{Remetastasectomy.MetastasectomyInterval.Between(resected, recurred).Describe()} after the latest liver metastasectomy ({ResultBuilder.Format(resected)})"
                    : "after a previous liver metastasectomy (interval not countable from the record)";
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, true, TimingAssessment.ConceptName, "liver recurrence", $"Timing: liver recurrence {since}, oligorecurrent disease (DFI from the primary {Describe(context.DiseaseFreeInterval)}); section 3.9: the panel supports preoperative treatment in relapses with a short DFI; section 3.11: oligorecurrent disease is less likely to benefit from systemic therapy than synchronous OMD.");
                break;
            case MetastasisTiming.Metachronous:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, true, TimingAssessment.ConceptName, "metachronous", $"Timing: metachronous (oligorecurrent) disease, DFI {Describe(context.DiseaseFreeInterval)}; section 3.11: the DFI is a consideration, and oligorecurrent disease is less likely to benefit from systemic therapy than synchronous OMD.");
                break;
            default:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, false, TimingAssessment.ConceptName, "unknown", "Timing of the metastases: unknown (" + FactProse.NotRecorded(timing.Missing) + ").");
                break;
        }

        if (timing.BoundaryCaution is { } boundary)
        {
            cautions.Add(boundary);
        }

        var unknown = factors.Where(f => !f.IsKnown).Select(f => f.Name).ToArray();
        if (unknown.Length > 0)
        {
            cautions.Insert(0, "Not known from the record, for the tumour board to weigh: " + string.Join("; ", unknown) + ".");
        }

        return new PreoperativeChemotherapyFactors(factors.ToArray(), cautions.ToArray());
    }

    private static string Describe(IntervalAssessment interval) =>
        interval.CompletedMonths == 0 && interval.ExtraDays is { } days
            ? days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days")
            : interval.Describe();
}
