using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Wording;

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
    internal PreoperativeChemotherapyFactor(PreoperativeChemotherapyFactorKind kind, Message name, bool isKnown, Finding finding)
    {
        Kind = kind;
        NameMessage = name;
        IsKnown = isKnown;
        Finding = finding;
    }

    /// <summary>Gets which factor this is.</summary>
    public PreoperativeChemotherapyFactorKind Kind { get; }

    /// <summary>Gets the factor's name as the guideline words it, as a message.</summary>
    public Message NameMessage { get; }

    /// <summary>Gets <see cref="NameMessage"/> rendered in English.</summary>
    public string Name => NameMessage.Text;

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
    private PreoperativeChemotherapyFactors(IReadOnlyList<PreoperativeChemotherapyFactor> factors, IReadOnlyList<Message> cautions)
    {
        Factors = factors.ToReadOnlyList();
        CautionMessages = cautions.ToReadOnlyList();
    }

    // Rendered or gathered on first read (the instance is shared by the evaluators of one evaluation).
    private IReadOnlyList<string>? cautionTexts;
    private IReadOnlyList<Finding>? findings;

    /// <summary>Gets the factors, in the order 11.2 lists them, timing last.</summary>
    public IReadOnlyList<PreoperativeChemotherapyFactor> Factors { get; }

    /// <summary>Gets the factors the record says nothing about.</summary>
    public IReadOnlyList<PreoperativeChemotherapyFactor> UnknownFactors => Factors.Where(f => !f.IsKnown).ToReadOnlyList();

    /// <summary>Gets the findings, one per factor.</summary>
    public IReadOnlyList<Finding> Findings => findings ??= Factors.Select(f => f.Finding).ToReadOnlyList();

    /// <summary>Gets the cautions as messages: the unknown factors and any open timing boundary.</summary>
    public IReadOnlyList<Message> CautionMessages { get; }

    /// <summary>Gets <see cref="CautionMessages"/> rendered in English.</summary>
    public IReadOnlyList<string> Cautions => cautionTexts ??= CautionMessages.Select(c => c.Text).ToReadOnlyList();

    private const string Area = "induction-therapy.";

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

    /// <summary>Gets the factors for the patient in <paramref name="context"/>: computed once per evaluation and held by the context.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The factors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static PreoperativeChemotherapyFactors Assess(EvaluationContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).PreoperativeChemotherapyFactors;

    /// <summary>Reads the factors; only <see cref="EvaluationContext.PreoperativeChemotherapyFactors"/> calls this, once per evaluation.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The factors.</returns>
    internal static PreoperativeChemotherapyFactors Compute(EvaluationContext context)
    {
        context.Computing(DerivedConcepts.PreoperativeChemotherapyFactors);
        var patient = context.Patient;
        var factors = new List<PreoperativeChemotherapyFactor>();
        void Add(PreoperativeChemotherapyFactorKind kind, string name, bool known, string fact, string value, Message message) =>
            factors.Add(new PreoperativeChemotherapyFactor(kind, new Message(Area + "factor-" + name), known, new Finding(fact, value, message)));

        // Intrinsic chemosensitivity: section 3.9 names leiomyosarcoma as a histology with high chemosensitivity.
        const string Chemosensitivity = "intrinsic-chemosensitivity";
        if (patient.Primary?.Histology is { } histology)
        {
            Add(
                PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity,
                Chemosensitivity,
                true,
                FactNames.PrimaryHistology,
                histology.Code,
                Message.Of(
                    Area + "chemosensitivity",
                    ("histology", histology.Name),
                    ("namedChemosensitive", histology.NamedChemosensitive),
                    ("progressing", patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)));
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity, Chemosensitivity, false, FactNames.PrimaryHistology, "unknown", new Message(Area + "chemosensitivity-unknown"));
        }

        const string Grade = "histologic-grade";
        if (patient.Primary?.Grade is { } grade)
        {
            var number = (int)grade;
            Add(PreoperativeChemotherapyFactorKind.HistologicGrade, Grade, true, FactNames.PrimaryGrade, "G" + number.ToString(CultureInfo.InvariantCulture), Message.Of(Area + "grade", ("grade", number)));
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.HistologicGrade, Grade, false, FactNames.PrimaryGrade, "unknown", new Message(Area + "grade-unknown"));
        }

        // Risk of local hepatic progression: a clinical judgement the record does not capture; show the facts that bear on it.
        var liver = context.LiverLesions;
        var progressionContext = new List<Message>();
        if (liver.Any(l => l.SizeMm is not null))
        {
            progressionContext.Add(Message.Of(Area + "largest-liver-lesion", ("sizeMm", liver.Where(l => l.SizeMm is not null).Max(l => l.SizeMm!.Value))));
        }

        var vascular = liver.Count(l => l.VascularInvolvement == true);
        if (vascular > 0)
        {
            progressionContext.Add(Message.Of(Area + "vascular-involvement-count", ("count", vascular)));
        }

        var central = liver.Count(l => l.CentralLocation == true);
        if (central > 0)
        {
            progressionContext.Add(Message.Of(Area + "central-location-count", ("count", central)));
        }

        Add(
            PreoperativeChemotherapyFactorKind.RiskOfLocalHepaticProgression,
            "local-hepatic-progression",
            false,
            LocalProgressionRiskName,
            "not recorded",
            Message.Of(Area + "local-hepatic-progression", ("context", progressionContext)));

        const string Symptoms = "symptom-burden";
        var lesions = context.Lesions;
        var symptomatic = lesions.Count(l => l.Symptomatic == true);
        if (symptomatic > 0 || (lesions.Count > 0 && lesions.All(l => l.Symptomatic == false)))
        {
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, Symptoms, true, FactNames.LesionSymptomatic, symptomatic.ToString(CultureInfo.InvariantCulture), Message.Of(Area + "symptom-burden", ("symptomatic", symptomatic)));
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, Symptoms, false, FactNames.LesionSymptomatic, "unknown", new Message(Area + "symptom-burden-unknown"));
        }

        var clinical = patient.Clinical;
        var status = new List<Message>();
        if (clinical.Ecog is { } ecog)
        {
            status.Add(Message.Of(Area + "ecog", ("ecog", ecog)));
        }

        if (clinical.AsaClass is { } asa)
        {
            status.Add(Message.Of(Area + "asa", ("asa", asa)));
        }

        Add(
            PreoperativeChemotherapyFactorKind.Comorbidities,
            "comorbidities",
            clinical.SignificantComorbidities is not null,
            FactNames.SignificantComorbidities,
            ResultBuilder.Format(clinical.SignificantComorbidities),
            Message.Of(Area + "comorbidities", ("significant", clinical.SignificantComorbidities), ("status", status)));

        var cautions = new List<Message>();
        const string Timing = "timing";
        var timing = context.Timing;
        switch (timing.Timing)
        {
            case MetastasisTiming.Synchronous:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, true, TimingAssessment.ConceptName, "synchronous", Message.Of(
                    Area + "timing-synchronous",
                    ("detectedBeforeDiagnosis", context.Timing.DetectedBeforeDiagnosis),
                    ("dfi", Describe(context.DiseaseFreeInterval))));
                break;
            case MetastasisTiming.Metachronous when context.IsLiverRecurrence == true:
                // A liver recurrence after a metastasectomy: the relapse is described by the time since that resection
                // (section 3.9: "relapses with a short DFI"); the DFI from the primary describes the first relapse only.
                var resected = context.LatestLiverResectionDate;
                var recurred = patient.Metastases?.DetectedOn;
                var countable = resected is not null && recurred is not null;
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, true, TimingAssessment.ConceptName, "liver recurrence", Message.Of(
                    Area + "timing-liver-recurrence",
                    ("countable", countable),
                    ("sinceMetastasectomy", countable
                        // The interval since the metastasectomy is worded by Remetastasectomy/MetastasectomyInterval for now.
                        ? Remetastasectomy.MetastasectomyInterval.Between(resected!.Value, recurred!.Value).DescribeMessage()
                        : null),
                    ("resectedOn", countable ? resected : null),
                    ("dfi", Describe(context.DiseaseFreeInterval))));
                break;
            case MetastasisTiming.Metachronous:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, true, TimingAssessment.ConceptName, "metachronous", Message.Of(
                    Area + "timing-metachronous",
                    ("dfi", Describe(context.DiseaseFreeInterval))));
                break;
            default:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, Timing, false, TimingAssessment.ConceptName, "unknown", Message.Of(
                    Area + "timing-unknown",
                    ("notRecorded", FactProse.NotRecordedMessage(timing.Missing))));
                break;
        }

        if (timing.BoundaryCautionMessage is { } boundary)
        {
            cautions.Add(Message.Of(Area + "timing-boundary", ("caution", boundary)));
        }

        var unknown = factors.Where(f => !f.IsKnown).Select(f => f.NameMessage).ToArray();
        if (unknown.Length > 0)
        {
            cautions.Insert(0, Message.Of(Area + "unknown-factors", ("factors", unknown)));
        }

        return new PreoperativeChemotherapyFactors(factors.ToArray(), cautions.ToArray());
    }

    /// <summary>The interval in days when shorter than a month, else as <see cref="IntervalAssessment.DescribeMessage"/> words it.</summary>
    private static Message Describe(IntervalAssessment interval) =>
        interval.CompletedMonths == 0 && interval.ExtraDays is { } days
            ? Message.Of(Area + "days", ("days", days))
            : interval.DescribeMessage();
}
