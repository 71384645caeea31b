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
    // The factors' names and the wording of the unknown factors carry no patient value: built once per process
    // (messages are immutable), the names indexed by kind.
    private static readonly Message[] FactorNames =
    {
        new(Area + "factor-intrinsic-chemosensitivity"),
        new(Area + "factor-histologic-grade"),
        new(Area + "factor-local-hepatic-progression"),
        new(Area + "factor-symptom-burden"),
        new(Area + "factor-comorbidities"),
        new(Area + "factor-timing"),
    };

    private static readonly Message ChemosensitivityUnknownMessage = new(Area + "chemosensitivity-unknown");
    private static readonly Message GradeUnknownMessage = new(Area + "grade-unknown");
    private static readonly Message SymptomBurdenUnknownMessage = new(Area + "symptom-burden-unknown");

    private PreoperativeChemotherapyFactors(ReadOnlyValueList<PreoperativeChemotherapyFactor> factors, ReadOnlyValueList<Message> cautions)
    {
        Factors = factors;
        CautionMessages = cautions;
    }

    // Rendered or gathered on first read (the instance is shared by the evaluators of one evaluation).
    private IReadOnlyList<string>? cautionTexts;
    private IReadOnlyList<Finding>? findings;

    /// <summary>Gets the factors, in the order 11.2 lists them, timing last.</summary>
    public IReadOnlyList<PreoperativeChemotherapyFactor> Factors { get; }

    /// <summary>Gets the factors the record says nothing about.</summary>
    public IReadOnlyList<PreoperativeChemotherapyFactor> UnknownFactors => Factors.Where(f => !f.IsKnown).ToReadOnlyList();

    /// <summary>Gets the findings, one per factor.</summary>
    public IReadOnlyList<Finding> Findings => findings ??= GatherFindings(Factors);

    /// <summary>Gets the cautions as messages: the unknown factors and any open timing boundary.</summary>
    public IReadOnlyList<Message> CautionMessages { get; }

    /// <summary>Gets <see cref="CautionMessages"/> rendered in English.</summary>
    public IReadOnlyList<string> Cautions => cautionTexts ??= CautionMessages.Select(c => c.Text).ToReadOnlyList();

    private const string Area = "induction-therapy.";

    // One exact array, wrapped without a copy (no enumerator, no delegate).
    private static ReadOnlyValueList<Finding> GatherFindings(IReadOnlyList<PreoperativeChemotherapyFactor> factors)
    {
        var gathered = new Finding[factors.Count];
        for (var i = 0; i < gathered.Length; i++)
        {
            gathered[i] = factors[i].Finding;
        }

        return ReadOnlyValueList<Finding>.Wrap(gathered);
    }

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
        var factors = new PreoperativeChemotherapyFactor[FactorNames.Length]; // each kind exactly once
        var filled = 0;
        var unknownCount = 0;
        void Add(PreoperativeChemotherapyFactorKind kind, bool known, string fact, string value, Message message)
        {
            if (!known)
            {
                unknownCount++;
            }

            factors[filled++] = new PreoperativeChemotherapyFactor(kind, FactorNames[(int)kind], known, new Finding(fact, value, message));
        }

        // Intrinsic chemosensitivity: section 3.9 names leiomyosarcoma as a histology with high chemosensitivity.
        if (patient.Primary?.Histology is { } histology)
        {
            Add(
                PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity,
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
            Add(PreoperativeChemotherapyFactorKind.IntrinsicChemosensitivity, false, FactNames.PrimaryHistology, "unknown", ChemosensitivityUnknownMessage);
        }

        if (patient.Primary?.Grade is { } grade)
        {
            var number = (int)grade;
            Add(PreoperativeChemotherapyFactorKind.HistologicGrade, true, FactNames.PrimaryGrade, "G" + number.ToString(CultureInfo.InvariantCulture), Message.Of(Area + "grade", ("grade", number)));
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.HistologicGrade, false, FactNames.PrimaryGrade, "unknown", GradeUnknownMessage);
        }

        // Risk of local hepatic progression: a clinical judgement the record does not capture; show the facts that bear on it.
        var liver = context.LiverLesions;
        decimal? largest = null;
        var vascular = 0;
        var central = 0;
        for (var i = 0; i < liver.Count; i++)
        {
            var lesion = liver[i];
            if (lesion.SizeMm is { } size && (largest is null || size > largest.Value))
            {
                largest = size;
            }

            if (lesion.VascularInvolvement == true)
            {
                vascular++;
            }

            if (lesion.CentralLocation == true)
            {
                central++;
            }
        }

        // One exact array, handed to the message without a copy.
        var progressionContext = new Message[(largest is null ? 0 : 1) + (vascular > 0 ? 1 : 0) + (central > 0 ? 1 : 0)];
        var contextFilled = 0;
        if (largest is { } largestSize)
        {
            progressionContext[contextFilled++] = Message.Of(Area + "largest-liver-lesion", ("sizeMm", largestSize));
        }

        if (vascular > 0)
        {
            progressionContext[contextFilled++] = Message.Of(Area + "vascular-involvement-count", ("count", vascular));
        }

        if (central > 0)
        {
            progressionContext[contextFilled++] = Message.Of(Area + "central-location-count", ("count", central));
        }

        Add(
            PreoperativeChemotherapyFactorKind.RiskOfLocalHepaticProgression,
            false,
            LocalProgressionRiskName,
            "not recorded",
            Message.Of(Area + "local-hepatic-progression", ("context", ReadOnlyValueList<Message>.Wrap(progressionContext))));

        var lesions = context.Lesions;
        var symptomatic = 0;
        var symptomFree = 0;
        for (var i = 0; i < lesions.Count; i++)
        {
            switch (lesions[i].Symptomatic)
            {
                case true:
                    symptomatic++;
                    break;
                case false:
                    symptomFree++;
                    break;
            }
        }

        if (symptomatic > 0 || (lesions.Count > 0 && symptomFree == lesions.Count))
        {
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, true, FactNames.LesionSymptomatic, symptomatic.ToString(CultureInfo.InvariantCulture), Message.Of(Area + "symptom-burden", ("symptomatic", symptomatic)));
        }
        else
        {
            Add(PreoperativeChemotherapyFactorKind.SymptomBurden, false, FactNames.LesionSymptomatic, "unknown", SymptomBurdenUnknownMessage);
        }

        var clinical = patient.Clinical;
        var status = new Message[(clinical.Ecog is null ? 0 : 1) + (clinical.AsaClass is null ? 0 : 1)];
        var statusFilled = 0;
        if (clinical.Ecog is { } ecog)
        {
            status[statusFilled++] = Message.Of(Area + "ecog", ("ecog", ecog));
        }

        if (clinical.AsaClass is { } asa)
        {
            status[statusFilled++] = Message.Of(Area + "asa", ("asa", asa));
        }

        Add(
            PreoperativeChemotherapyFactorKind.Comorbidities,
            clinical.SignificantComorbidities is not null,
            FactNames.SignificantComorbidities,
            ResultBuilder.Format(clinical.SignificantComorbidities),
            Message.Of(Area + "comorbidities", ("significant", clinical.SignificantComorbidities), ("status", ReadOnlyValueList<Message>.Wrap(status))));

        var timing = context.Timing;
        switch (timing.Timing)
        {
            case MetastasisTiming.Synchronous:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, true, TimingAssessment.ConceptName, "synchronous", Message.Of(
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
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, true, TimingAssessment.ConceptName, "liver recurrence", Message.Of(
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
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, true, TimingAssessment.ConceptName, "metachronous", Message.Of(
                    Area + "timing-metachronous",
                    ("dfi", Describe(context.DiseaseFreeInterval))));
                break;
            default:
                Add(PreoperativeChemotherapyFactorKind.TimingOfMetastases, false, TimingAssessment.ConceptName, "unknown", Message.Of(
                    Area + "timing-unknown",
                    ("notRecorded", FactProse.NotRecordedMessage(timing.Missing))));
                break;
        }

        // The cautions: the unknown factors first, then any open timing boundary (one exact array each, no copy).
        var boundary = timing.BoundaryCautionMessage;
        var cautions = new Message[(unknownCount > 0 ? 1 : 0) + (boundary is null ? 0 : 1)];
        var cautionsFilled = 0;
        if (unknownCount > 0)
        {
            var unknown = new Message[unknownCount];
            var unknownFilled = 0;
            foreach (var factor in factors)
            {
                if (!factor.IsKnown)
                {
                    unknown[unknownFilled++] = factor.NameMessage;
                }
            }

            cautions[cautionsFilled++] = Message.Of(Area + "unknown-factors", ("factors", ReadOnlyValueList<Message>.Wrap(unknown)));
        }

        if (boundary is not null)
        {
            cautions[cautionsFilled++] = Message.Of(Area + "timing-boundary", ("caution", boundary));
        }

        return new PreoperativeChemotherapyFactors(ReadOnlyValueList<PreoperativeChemotherapyFactor>.Wrap(factors), ReadOnlyValueList<Message>.Wrap(cautions));
    }

    /// <summary>The interval in days when shorter than a month, else as <see cref="IntervalAssessment.DescribeMessage"/> words it.</summary>
    private static Message Describe(IntervalAssessment interval) =>
        interval.CompletedMonths == 0 && interval.ExtraDays is { } days
            ? Message.Of(Area + "days", ("days", days))
            : interval.DescribeMessage();
}
