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
public sealed class EvaluationContext
{
    private TimingAssessment? timing;
    private OligometastaticAssessment? oligometastatic;
    private IntervalAssessment? treatmentFreeInterval;
    private LiverResectionCandidacy? liverResection;

    /// <summary>Creates a context, validating the patient against the evaluation date.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="options">The options; the consensus defaults when <see langword="null"/>.</param>
    /// <exception cref="PatientValidationException">The patient record is inconsistent.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public EvaluationContext(Patient patient, LocalDate asOf, ConsensusOptions? options = null)
    {
        Patient = patient ?? throw new ArgumentNullException(nameof(patient));
        AsOf = asOf;
        var copy = (options ?? new ConsensusOptions()).Clone();
        var problems = copy.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid consensus options: " + string.Join("; ", problems), nameof(options));
        }

        PatientValidator.EnsureValid(patient, asOf, copy);
        Options = copy;
    }

    /// <summary>Gets the patient.</summary>
    public Patient Patient { get; }

    /// <summary>Gets the evaluation date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the options (a private copy).</summary>
    public ConsensusOptions Options { get; }

    /// <summary>Gets the timing of the metastases (2.1/2.2).</summary>
    public TimingAssessment Timing => timing ??= TimingAssessment.Assess(Patient, Options);

    /// <summary>Gets the oligometastatic assessment (1.1/1.2).</summary>
    public OligometastaticAssessment Oligometastatic => oligometastatic ??= OligometastaticAssessment.Assess(Patient);

    /// <summary>Gets the disease-free interval (primary diagnosis to detection of metastases).</summary>
    public IntervalAssessment DiseaseFreeInterval => Timing.DiseaseFreeInterval;

    /// <summary>Gets the treatment-free interval (end of last treatment to detection of the recurrence).</summary>
    public IntervalAssessment TreatmentFreeInterval => treatmentFreeInterval ??= IntervalAssessment.TreatmentFree(Patient);

    /// <summary>Gets whether liver resection is on the table (the trigger of the surgical process recommendations).</summary>
    public LiverResectionCandidacy LiverResection => liverResection ??= LiverResectionCandidacy.Assess(this);

    /// <summary>Gets all recorded metastatic lesions (empty when none are recorded).</summary>
    public IReadOnlyList<Lesion> Lesions => Patient.Metastases?.Lesions ?? Array.Empty<Lesion>();

    /// <summary>Gets the liver lesions.</summary>
    public IReadOnlyList<Lesion> LiverLesions => Lesions.Where(l => l.Site == MetastaticSite.Liver).ToReadOnlyList();

    /// <summary>Gets the lesions outside the liver.</summary>
    public IReadOnlyList<Lesion> ExtrahepaticLesions => Lesions.Where(l => l.Site != MetastaticSite.Liver).ToReadOnlyList();

    /// <summary>Gets whether there is currently no evidence of metastatic disease (<c>metastases.noEvidenceOfDisease</c>).</summary>
    public bool NoEvidenceOfDisease => Patient.Metastases?.NoEvidenceOfDisease == true;

    /// <summary>
    /// Gets whether the patient has liver metastases now: <see langword="false"/> when there is no evidence of disease,
    /// <see langword="null"/> when no lesion is recorded (metastatic disease unknown), otherwise whether any lesion is in the liver.
    /// </summary>
    public bool? HasLiverMetastases => NoEvidenceOfDisease ? false : Lesions.Count == 0 ? null : LiverLesions.Count > 0;

    /// <summary>Gets the date of the latest liver resection whose date is recorded, or <see langword="null"/>.</summary>
    public LocalDate? LatestLiverResectionDate =>
        Patient.Treatment.LiverResections.Where(r => r.PerformedOn is not null).Select(r => r.PerformedOn).Max();

    /// <summary>
    /// Gets whether the current liver disease is a recurrence after a previous liver resection (section 3.9):
    /// <see langword="true"/> when a liver resection is recorded and current liver lesions were not detected on or
    /// before the latest dated resection; <see langword="false"/> when there is no previous liver resection, no current
    /// liver disease, or the recorded lesions predate the latest resection (they are the disease it treated);
    /// <see langword="null"/> when whether a liver resection was ever done is not recorded.
    /// </summary>
    public bool? IsLiverRecurrence
    {
        get
        {
            if (HasLiverMetastases == false || Patient.Treatment.HasPreviousLiverResection == false)
            {
                return false;
            }

            if (Patient.Metastases?.DetectedOn is { } detected && LatestLiverResectionDate is { } resected && detected <= resected)
            {
                return false;
            }

            return HasLiverMetastases == true && Patient.Treatment.HasPreviousLiverResection == true ? true : null;
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
    public Finding NoLiverMetastasisFinding => NoEvidenceOfDisease
        ? new Finding(FactNames.NoEvidenceOfDisease, "yes", "No current evidence of metastatic disease.")
        : new Finding(FactNames.LesionSite, "no liver lesion", "Metastatic lesions are recorded, none of them in the liver.");

    /// <summary>Gets whether all metastases are confined to the liver; <see langword="null"/> when no lesion is recorded.</summary>
    public bool? LiverOnly => Lesions.Count == 0 ? null : Lesions.All(l => l.Site == MetastaticSite.Liver);

    /// <summary>Gets whether the disease is liver plus lung only, with at least one lung lesion; <see langword="null"/> when no lesion is recorded.</summary>
    public bool? LiverWithLungOnly => Lesions.Count == 0
        ? null
        : LiverLesions.Count > 0 && ExtrahepaticLesions.Count > 0 && ExtrahepaticLesions.All(l => l.Site == MetastaticSite.Lung);

    /// <summary>
    /// Gets whether every liver lesion is resectable: <see langword="true"/> when all are, <see langword="false"/>
    /// when any is not, <see langword="null"/> when any is unknown and none is unresectable (or there is none).
    /// </summary>
    public bool? AllLiverLesionsResectable => AllOf(LiverLesions, l => l.Resectable);

    /// <summary>Gets whether every lesion (liver and elsewhere) is resectable, with the same three states.</summary>
    public bool? AllLesionsResectable => AllOf(Lesions, l => l.Resectable);

    private static bool? AllOf(IReadOnlyList<Lesion> lesions, Func<Lesion, bool?> fact)
    {
        if (lesions.Count == 0)
        {
            return null;
        }

        if (lesions.Any(l => fact(l) == false))
        {
            return false;
        }

        return lesions.All(l => fact(l) == true) ? true : null;
    }
}
