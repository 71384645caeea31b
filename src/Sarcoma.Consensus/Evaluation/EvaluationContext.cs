using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// Everything an evaluator may read: the validated patient, the evaluation date ("today", passed in, never read
/// from a clock), the options, and the derived concepts computed once per evaluation.
/// </summary>
/// <remarks>Not thread-safe (derived concepts are computed lazily); create one per evaluation.</remarks>
internal sealed class EvaluationContext
{
    private TimingAssessment? timing;
    private OligometastaticAssessment? oligometastatic;
    private IntervalAssessment? treatmentFreeInterval;
    private LiverResectionCandidacy? liverResection;
    private PreoperativeAssessment.SurgicalFitness? fitness;
    private Imaging.ImagingPlan? imagingPlan;
    private IReadOnlyList<Lesion>? liverLesions;
    private IReadOnlyList<Lesion>? extrahepaticLesions;
    private bool liverRecurrenceAssessed;
    private bool? liverRecurrence;
    private IReadOnlyList<string> liverRecurrenceMissing = ReadOnlyValueList<string>.None;
    private bool stagingAgeAssessed;
    private Sarcoma.Consensus.Wording.Message? stagingAgeCaution;
    private bool latestLiverResectionAssessed;
    private LocalDate? latestLiverResection;
    private Finding? noLiverMetastasisFinding;
    private Finding? liverLocation;
    private Finding? oligometastaticFinding;
    private Finding? liverVascularInvolvement;
    private Indication.PrognosticProfile.Factors? prognosticFactors;
    private Finding? liverCentralLocation;
    private FocalTherapy.FocalTherapyAssessment? focalTherapy;
    private Biopsy.OriginUncertaintyAssessment? originUncertainty;
    private Biopsy.BiopsyPlan? biopsyPlan;
    private InductionTherapy.PreoperativeChemotherapyFactors? preoperativeChemotherapyFactors;
    private bool followUpScheduleAssessed;
    private FollowUp.FollowUpSchedule? followUpSchedule;
    private Remetastasectomy.RemetastasectomyWindow? remetastasectomyWindow;
    private bool bilobarComplexAssessed;
    private bool? bilobarComplex;
    private bool latestDatedLiverResectionAssessed;
    private LocalDate? latestDatedLiverResection;
    private int computedConcepts;
    private int recomputedConcepts;

    // The consensus defaults, validated once: a context created without options reads them (never writes).
    private static readonly ConsensusOptions DefaultOptions = ValidatedCopy(null);

    /// <summary>Creates a context, validating the patient against the evaluation date.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="options">The options; the consensus defaults when <see langword="null"/>.</param>
    /// <exception cref="PatientValidationException">The patient record is inconsistent.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public EvaluationContext(Patient patient, LocalDate asOf, ConsensusOptions? options = null)
        : this(patient, asOf, options is null ? DefaultOptions : ValidatedCopy(options), validatedOptions: true)
    {
    }

    /// <summary>
    /// Creates a context over options already copied and validated by the caller (the engine validates its private copy
    /// once, at construction), validating the patient against the evaluation date.
    /// </summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="options">The caller's private, validated copy of the options; never changed afterwards.</param>
    /// <param name="validatedOptions">Marks this overload; always <see langword="true"/>.</param>
    /// <exception cref="PatientValidationException">The patient record is inconsistent.</exception>
    internal EvaluationContext(Patient patient, LocalDate asOf, ConsensusOptions options, bool validatedOptions)
    {
        _ = validatedOptions;
        Patient = patient ?? throw new ArgumentNullException(nameof(patient));
        AsOf = asOf;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        PatientValidator.EnsureValid(patient, asOf, options);
    }

    /// <summary>Copies and validates options.</summary>
    /// <param name="options">The options; the consensus defaults when <see langword="null"/>.</param>
    /// <returns>The private copy.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    internal static ConsensusOptions ValidatedCopy(ConsensusOptions? options)
    {
        var copy = (options ?? new ConsensusOptions()).Clone();
        var problems = copy.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid consensus options: " + string.Join("; ", problems), nameof(options));
        }

        return copy;
    }

    /// <summary>Gets the patient.</summary>
    public Patient Patient { get; }

    /// <summary>Gets the evaluation date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the options (a private copy).</summary>
    public ConsensusOptions Options { get; }

    /// <summary>Gets the timing of the metastases (2.1/2.2).</summary>
    public TimingAssessment Timing => timing ??= Computed(DerivedConcepts.Timing, TimingAssessment.Assess(Patient, Options));

    /// <summary>Gets the oligometastatic assessment (1.1/1.2).</summary>
    public OligometastaticAssessment Oligometastatic => oligometastatic ??= Computed(DerivedConcepts.Oligometastatic, OligometastaticAssessment.Assess(Patient));

    /// <summary>
    /// Gets the finding on the oligometastatic status as the recommendations that depend on it record it (the concept's
    /// name, its status code and the reason of its first finding): made once per evaluation, recorded by several results.
    /// </summary>
    public Finding OligometastaticFinding => oligometastaticFinding ??=
        new Finding(OligometastaticAssessment.ConceptName, Oligometastatic.Status.Code(), Oligometastatic.Findings[0].Message);

    /// <summary>Gets the disease-free interval (primary diagnosis to detection of metastases).</summary>
    public IntervalAssessment DiseaseFreeInterval => Timing.DiseaseFreeInterval;

    /// <summary>Gets the treatment-free interval (end of last treatment to detection of the recurrence).</summary>
    public IntervalAssessment TreatmentFreeInterval => treatmentFreeInterval ??= Computed(DerivedConcepts.TreatmentFreeInterval, IntervalAssessment.TreatmentFree(Patient));

    /// <summary>
    /// Gets the caution that staging may be out of date, or <see langword="null"/>: current lesions detected longer ago
    /// than <see cref="ConsensusOptions.StagingCurrencyMonths"/> before the evaluation date, or recorded without a detection date (section 3.1: "Appropriate
    /// staging of metastatic disease is imperative in defining OMD").
    /// </summary>
    public string? StagingAgeCaution => StagingAgeCautionMessage?.Text;

    /// <summary>Gets <see cref="StagingAgeCaution"/> as a message (<c>staging.caution.out-of-date</c>, or <c>staging.caution.date-unknown</c> when lesions are recorded without a detection date), or <see langword="null"/>.</summary>
    public Sarcoma.Consensus.Wording.Message? StagingAgeCautionMessage
    {
        get
        {
            if (!stagingAgeAssessed)
            {
                stagingAgeCaution = AssessStagingAge();
                stagingAgeAssessed = true;
            }

            return stagingAgeCaution;
        }
    }

    private Sarcoma.Consensus.Wording.Message? AssessStagingAge()
    {
        if (Lesions.Count == 0)
        {
            return null;
        }

        // Unknown is never "current" (issue #7, fifth read: a record without a detection date read as staged today).
        if (Patient.Metastases?.DetectedOn is not { } detected)
        {
            return Sarcoma.Consensus.Wording.Message.Of("staging.caution.date-unknown", ("currencyMonths", Options.StagingCurrencyMonths));
        }

        return AsOf > detected.PlusMonths(Options.StagingCurrencyMonths)
            ? Sarcoma.Consensus.Wording.Message.Of(
                "staging.caution.out-of-date",
                ("detectedOn", detected),
                ("elapsed", Sarcoma.Consensus.Timing.IntervalAssessment.Describe(detected, AsOf)),
                ("currencyMonths", Options.StagingCurrencyMonths))
            : null;
    }

    /// <summary>Gets whether the patient is fit for liver surgery (7.2; sections 1, 3.5, 3.10).</summary>
    public PreoperativeAssessment.SurgicalFitness Fitness => fitness ??= Computed(DerivedConcepts.Fitness, PreoperativeAssessment.SurgicalFitness.Assess(Patient.Clinical, Options));

    /// <summary>Gets surgical candidacy and whether liver resection is on the table (the trigger of the surgical process recommendations).</summary>
    public LiverResectionCandidacy LiverResection => liverResection ??= Computed(DerivedConcepts.LiverResection, LiverResectionCandidacy.Assess(this));

    /// <summary>Gets the imaging plan (4.1–4.3; section 3.4), computed once per evaluation.</summary>
    public Imaging.ImagingPlan ImagingPlan => imagingPlan ??= Computed(DerivedConcepts.ImagingPlan, Imaging.ImagingPlan.Assess(this));

    /// <summary>Gets the focal-therapy picture (section 3.10; read by 10.1, 10.2 and the report), computed once per evaluation.</summary>
    public FocalTherapy.FocalTherapyAssessment FocalTherapy => focalTherapy ??= global::Sarcoma.Consensus.FocalTherapy.FocalTherapyAssessment.Compute(this);

    /// <summary>Gets whether the origin of the liver lesions is uncertain (section 3.3; read by the biopsy plan and the imaging plan), computed once per evaluation.</summary>
    public Biopsy.OriginUncertaintyAssessment OriginUncertainty => originUncertainty ??= Biopsy.OriginUncertaintyAssessment.Compute(this);

    /// <summary>Gets whether a liver biopsy could be considered (3.1–3.3; read by 3.1 and 3.3), computed once per evaluation.</summary>
    public Biopsy.BiopsyPlan BiopsyPlan => biopsyPlan ??= Biopsy.BiopsyPlan.Compute(this);

    /// <summary>Gets the factors for preoperative chemotherapy (section 3.8; read by 8.2 and 9.2), computed once per evaluation.</summary>
    public InductionTherapy.PreoperativeChemotherapyFactors PreoperativeChemotherapyFactors =>
        preoperativeChemotherapyFactors ??= InductionTherapy.PreoperativeChemotherapyFactors.Compute(this);

    /// <summary>
    /// Gets the follow-up calendar of 13.1 from the latest liver resection (read by 13.1 and the report), computed once per
    /// evaluation; <see langword="null"/> when no liver resection is recorded or the latest one's date is unknown.
    /// </summary>
    public FollowUp.FollowUpSchedule? FollowUpSchedule
    {
        get
        {
            if (!followUpScheduleAssessed)
            {
                followUpSchedule = FollowUp.FollowUpSchedule.Compute(this);
                followUpScheduleAssessed = true;
            }

            return followUpSchedule;
        }
    }

    /// <summary>Gets the treatment-free interval placed in the 12–18-month range of 9.1 (read by the candidacy, 9.1 and 9.2), computed once per evaluation.</summary>
    public Remetastasectomy.RemetastasectomyWindow RemetastasectomyWindow =>
        remetastasectomyWindow ??= Remetastasectomy.RemetastasectomyWindow.Compute(this);

    /// <summary>
    /// Gets whether the scenario of 5.5 is present (bilobar liver metastases requiring complex hepatectomy;
    /// <see cref="Indication.BilobarComplexScenario.Present"/>, read by the cautions of 5.3, 6.4 and 8.1), computed once
    /// per evaluation; <see langword="null"/> when undecided.
    /// </summary>
    public bool? BilobarComplexScenarioPresent
    {
        get
        {
            if (!bilobarComplexAssessed)
            {
                bilobarComplex = Computed(DerivedConcepts.BilobarComplexScenario, Indication.BilobarComplexScenario.Present(LiverLesions));
                bilobarComplexAssessed = true;
            }

            return bilobarComplex;
        }
    }

    /// <summary>Gets all recorded metastatic lesions (empty when none are recorded).</summary>
    public IReadOnlyList<Lesion> Lesions => Patient.Metastases?.Lesions ?? Array.Empty<Lesion>();

    /// <summary>Gets the liver lesions.</summary>
    public IReadOnlyList<Lesion> LiverLesions => liverLesions ??= Select(Lesions, liver: true);

    /// <summary>Gets the lesions outside the liver.</summary>
    public IReadOnlyList<Lesion> ExtrahepaticLesions => extrahepaticLesions ??= Select(Lesions, liver: false);

    /// <summary>
    /// Gets where the liver lesions are (<see cref="Indication.LiverLesionFacts.Location"/>: the finding on
    /// <see cref="FactNames.LesionSegments"/>), computed once per evaluation; only meaningful with at least one liver lesion.
    /// </summary>
    public Finding LiverLocation => liverLocation ??= Indication.LiverLesionFacts.Location(LiverLesions);

    /// <summary>
    /// Gets whether the liver lesions involve major vessels (<see cref="Indication.LiverLesionFacts.Flag"/> on
    /// <see cref="FactNames.LesionVascularInvolvement"/>), computed once per evaluation; only meaningful with at least one liver lesion.
    /// </summary>
    public Finding LiverVascularInvolvement => liverVascularInvolvement ??= Indication.LiverLesionFacts.Flag(LiverLesions, Indication.LesionProperty.VascularInvolvement);

    /// <summary>Gets the prognostic factors of section 3.5 (<see cref="Indication.PrognosticProfile"/>), computed once per evaluation (read by 5.4 and 6.4).</summary>
    public Indication.PrognosticProfile.Factors PrognosticFactors => prognosticFactors ??= Indication.PrognosticProfile.Compute(this);

    /// <summary>
    /// Gets whether the liver lesions are centrally located (<see cref="Indication.LiverLesionFacts.Flag"/> on
    /// <see cref="FactNames.LesionCentralLocation"/>), computed once per evaluation; only meaningful with at least one liver lesion.
    /// </summary>
    public Finding LiverCentralLocation => liverCentralLocation ??= Indication.LiverLesionFacts.Flag(LiverLesions, Indication.LesionProperty.CentralLocation);

    /// <summary>Gets whether there is currently no evidence of metastatic disease (<c>metastases.noEvidenceOfDisease</c>).</summary>
    public bool NoEvidenceOfDisease => Patient.Metastases?.NoEvidenceOfDisease == true;

    /// <summary>
    /// Gets whether the patient has liver metastases now: <see langword="false"/> when there is no evidence of disease,
    /// <see langword="null"/> when no lesion is recorded (metastatic disease unknown), otherwise whether any lesion is in the liver.
    /// </summary>
    public bool? HasLiverMetastases => NoEvidenceOfDisease ? false : Lesions.Count == 0 ? null : LiverLesions.Count > 0;

    /// <summary>
    /// Gets the date of the latest liver resection, or <see langword="null"/> when none is recorded or its date is
    /// unknown (an undated resection could be the latest; see <see cref="FollowUp.FollowUpSchedule.LatestMetastasectomyDate"/>).
    /// </summary>
    public LocalDate? LatestLiverResectionDate
    {
        get
        {
            if (!latestLiverResectionAssessed)
            {
                latestLiverResection = FollowUp.FollowUpSchedule.LatestMetastasectomyDate(Patient);
                latestLiverResectionAssessed = true;
            }

            return latestLiverResection;
        }
    }

    /// <summary>
    /// Gets the date of the latest liver resection whose date is recorded, whether or not an undated one could be later
    /// (<see cref="FollowUp.FollowUpSchedule.LatestDatedMetastasectomyDate"/>), or <see langword="null"/> when none is dated.
    /// </summary>
    public LocalDate? LatestDatedLiverResectionDate
    {
        get
        {
            if (!latestDatedLiverResectionAssessed)
            {
                latestDatedLiverResection = FollowUp.FollowUpSchedule.LatestDatedMetastasectomyDate(Patient);
                latestDatedLiverResectionAssessed = true;
            }

            return latestDatedLiverResection;
        }
    }

    /// <summary>
    /// Gets the derived concepts computed more than once on this context (none when every concept was computed at most
    /// once, as it must be: an evaluator reads a concept from the context, never computes its own).
    /// </summary>
    internal DerivedConcepts RecomputedConcepts => (DerivedConcepts)recomputedConcepts;

    /// <summary>Gets the derived concepts computed on this context so far.</summary>
    internal DerivedConcepts ComputedConcepts => (DerivedConcepts)computedConcepts;

    /// <summary>
    /// Records that a derived concept is being computed on this context (called by the concept's computation, which only
    /// this context's lazy properties call); a second computation is recorded in <see cref="RecomputedConcepts"/>.
    /// </summary>
    /// <param name="concept">The concept (one flag).</param>
    internal void Computing(DerivedConcepts concept)
    {
        var bit = (int)concept;
        recomputedConcepts |= computedConcepts & bit;
        computedConcepts |= bit;
    }

    /// <summary>
    /// Gets whether the current liver disease is a recurrence after a previous liver resection (section 3.9):
    /// <see langword="true"/> when a liver resection is recorded and the current liver lesions were detected after the
    /// latest one; <see langword="false"/> when there is no previous liver resection, no current liver disease, or the
    /// current lesions were detected on or before a dated resection (they are the disease it treated);
    /// <see langword="null"/> when that cannot be decided — whether a liver resection was ever done is not recorded, or
    /// the detection date or the latest resection's date is unknown (an unknown date never decides "recurrence").
    /// <see cref="LiverRecurrenceMissing"/> names the facts.
    /// </summary>
    public bool? IsLiverRecurrence
    {
        get
        {
            EnsureLiverRecurrence();
            return liverRecurrence;
        }
    }

    /// <summary>Gets the facts whose absence leaves <see cref="IsLiverRecurrence"/> undecided (empty when it is decided).</summary>
    public IReadOnlyList<string> LiverRecurrenceMissing
    {
        get
        {
            EnsureLiverRecurrence();
            return liverRecurrenceMissing;
        }
    }

    /// <summary>
    /// Gets the date current lesions were detected when that is after the latest dated liver resection, or
    /// <see langword="null"/>: a new metastatic presentation after the metastasectomy (in the liver, see
    /// <see cref="IsLiverRecurrence"/>, or elsewhere).
    /// </summary>
    public LocalDate? RecurrenceAfterMetastasectomyDetectedOn =>
        Lesions.Count > 0 && Patient.Metastases?.DetectedOn is { } detected && LatestLiverResectionDate is { } resected && detected > resected
            ? detected
            : null;

    /// <summary>
    /// Gets the finding to record when <see cref="HasLiverMetastases"/> is <see langword="false"/>: no current evidence of
    /// disease, or no liver lesion among the recorded lesions.
    /// </summary>
    public Finding NoLiverMetastasisFinding => noLiverMetastasisFinding ??= NoEvidenceOfDisease
        ? new Finding(FactNames.NoEvidenceOfDisease, "yes", new Sarcoma.Consensus.Wording.Message("context.no-evidence-of-disease"))
        : new Finding(FactNames.LesionSite, "no liver lesion", new Sarcoma.Consensus.Wording.Message("context.no-liver-lesion"));

    /// <summary>Gets whether all metastases are confined to the liver; <see langword="null"/> when no lesion is recorded.</summary>
    public bool? LiverOnly => Lesions.Count == 0 ? null : ExtrahepaticLesions.Count == 0;

    /// <summary>Gets whether the disease is liver plus lung only, with at least one lung lesion; <see langword="null"/> when no lesion is recorded.</summary>
    public bool? LiverWithLungOnly => Lesions.Count == 0
        ? null
        : LiverLesions.Count > 0 && ExtrahepaticLesions.Count > 0 && AllAt(ExtrahepaticLesions, MetastaticSite.Lung);

    /// <summary>
    /// Gets whether every liver lesion is resectable: <see langword="true"/> when all are, <see langword="false"/>
    /// when any is not, <see langword="null"/> when any is unknown and none is unresectable (or there is none).
    /// </summary>
    public bool? AllLiverLesionsResectable => AllResectable(LiverLesions);

    /// <summary>Gets whether every lesion (liver and elsewhere) is resectable, with the same three states.</summary>
    public bool? AllLesionsResectable => AllResectable(Lesions);

    private void EnsureLiverRecurrence()
    {
        if (!liverRecurrenceAssessed)
        {
            var (recurrence, missing) = AssessLiverRecurrence();
            liverRecurrence = recurrence;
            liverRecurrenceMissing = missing;
            liverRecurrenceAssessed = true;
        }
    }

    private (bool? Recurrence, IReadOnlyList<string> Missing) AssessLiverRecurrence()
    {
        var hasPrevious = Patient.Treatment.HasPreviousLiverResection;
        if (HasLiverMetastases == false || hasPrevious == false)
        {
            return (false, ReadOnlyValueList<string>.None);
        }

        var missing = new List<string>();
        if (HasLiverMetastases is null)
        {
            missing.Add(Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
        }

        if (hasPrevious is null)
        {
            missing.Add(FactNames.PreviousLiverResection);
        }

        if (missing.Count > 0)
        {
            return (null, ReadOnlyValueList<string>.CopyOf(missing));
        }

        // Lesions detected on or before a dated resection are (at least in part) the disease it treated: decided whatever
        // the undated resections were.
        var detected = Patient.Metastases?.DetectedOn;
        if (detected is { } found && LatestDatedLiverResectionDate is { } dated && found <= dated)
        {
            return (false, ReadOnlyValueList<string>.None);
        }

        var latest = LatestLiverResectionDate;
        if (detected is { } on && latest is { } resected)
        {
            return (on > resected, ReadOnlyValueList<string>.None);
        }

        if (detected is null)
        {
            missing.Add(FactNames.MetastasesDetectedOn);
        }

        if (latest is null)
        {
            missing.Add(Patient.Treatment.LiverResections.Count == 0 ? FactNames.LiverResections : FactNames.LiverResectionPerformedOn);
        }

        return (null, ReadOnlyValueList<string>.CopyOf(missing));
    }

    // The concepts whose computation lives outside this context's section of the code base (a patient-level factory, or a
    // file owned elsewhere) are recorded here, after the computation; those computed from the context record themselves.
    private T Computed<T>(DerivedConcepts concept, T value)
    {
        Computing(concept);
        return value;
    }

    // Three states: false when any lesion is not resectable, true when all are, otherwise (or with none) unknown.
    private static bool? AllResectable(IReadOnlyList<Lesion> lesions)
    {
        if (lesions.Count == 0)
        {
            return null;
        }

        var all = true;
        for (var i = 0; i < lesions.Count; i++)
        {
            var resectable = lesions[i].Resectable;
            if (resectable == false)
            {
                return false;
            }

            all &= resectable == true;
        }

        return all ? true : null;
    }

    private static bool AllAt(IReadOnlyList<Lesion> lesions, MetastaticSite site)
    {
        for (var i = 0; i < lesions.Count; i++)
        {
            if (lesions[i].Site != site)
            {
                return false;
            }
        }

        return true;
    }

    // The lesions in the liver (or outside it), in recorded order, without LINQ: read on nearly every evaluation.
    private static IReadOnlyList<Lesion> Select(IReadOnlyList<Lesion> lesions, bool liver)
    {
        var count = 0;
        for (var i = 0; i < lesions.Count; i++)
        {
            if ((lesions[i].Site == MetastaticSite.Liver) == liver)
            {
                count++;
            }
        }

        if (count == lesions.Count && lesions is ReadOnlyValueList<Lesion> all)
        {
            return all;
        }

        var selected = new Lesion[count];
        var filled = 0;
        for (var i = 0; i < lesions.Count && filled < count; i++)
        {
            if ((lesions[i].Site == MetastaticSite.Liver) == liver)
            {
                selected[filled++] = lesions[i];
            }
        }

        return ReadOnlyValueList<Lesion>.Wrap(selected);
    }
}

/// <summary>The derived concepts an <see cref="EvaluationContext"/> computes once per evaluation (flags, for <see cref="EvaluationContext.RecomputedConcepts"/>).</summary>
[Flags]
internal enum DerivedConcepts
{
    /// <summary>No concept.</summary>
    None = 0,

    /// <summary><see cref="EvaluationContext.Timing"/>.</summary>
    Timing = 1 << 0,

    /// <summary><see cref="EvaluationContext.Oligometastatic"/>.</summary>
    Oligometastatic = 1 << 1,

    /// <summary><see cref="EvaluationContext.TreatmentFreeInterval"/>.</summary>
    TreatmentFreeInterval = 1 << 2,

    /// <summary><see cref="EvaluationContext.Fitness"/>.</summary>
    Fitness = 1 << 3,

    /// <summary><see cref="EvaluationContext.LiverResection"/>.</summary>
    LiverResection = 1 << 4,

    /// <summary><see cref="EvaluationContext.ImagingPlan"/>.</summary>
    ImagingPlan = 1 << 5,

    /// <summary><see cref="EvaluationContext.FocalTherapy"/>.</summary>
    FocalTherapy = 1 << 6,

    /// <summary><see cref="EvaluationContext.OriginUncertainty"/>.</summary>
    OriginUncertainty = 1 << 7,

    /// <summary><see cref="EvaluationContext.BiopsyPlan"/>.</summary>
    BiopsyPlan = 1 << 8,

    /// <summary><see cref="EvaluationContext.PreoperativeChemotherapyFactors"/>.</summary>
    PreoperativeChemotherapyFactors = 1 << 9,

    /// <summary><see cref="EvaluationContext.FollowUpSchedule"/>.</summary>
    FollowUpSchedule = 1 << 10,

    /// <summary><see cref="EvaluationContext.RemetastasectomyWindow"/>.</summary>
    RemetastasectomyWindow = 1 << 11,

    /// <summary><see cref="EvaluationContext.BilobarComplexScenarioPresent"/>.</summary>
    BilobarComplexScenario = 1 << 12,
}
