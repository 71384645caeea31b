using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Indication;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus;

/// <summary>
/// The answer of the whole guideline for one patient on one date: every recommendation in catalog order, with the
/// derived concepts alongside. When the patient is out of scope, nothing is evaluated and <see cref="OutOfScope"/> says why.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConsensusReport
{
    internal ConsensusReport(
        LocalDate asOf,
        ScopeAssessment scope,
        TimingAssessment? timing,
        OligometastaticAssessment? oligometastatic,
        IntervalAssessment? treatmentFreeInterval,
        LiverResectionCandidacy? liverResection,
        ImagingPlan? imagingPlan,
        FocalTherapyAssessment? focalTherapy,
        FollowUpSchedule? followUp,
        IReadOnlyList<RecommendationResult> results,
        ReportProvenance provenance)
    {
        Provenance = provenance;
        LiverResection = liverResection;
        ImagingPlan = imagingPlan;
        FocalTherapy = focalTherapy;
        FollowUp = followUp;
        AsOf = asOf;
        Scope = scope;
        Timing = timing;
        Oligometastatic = oligometastatic;
        TreatmentFreeInterval = treatmentFreeInterval;
        Results = results.ToReadOnlyList();
    }

    /// <summary>Gets where the report comes from: library version, catalogue identity, evaluation date and the options that differ from the defaults.</summary>
    public ReportProvenance Provenance { get; }

    /// <summary>Gets the guideline evaluated.</summary>
    public Guideline Guideline => RecommendationCatalog.Guideline;

    /// <summary>Gets the evaluation date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the scope assessment.</summary>
    public ScopeAssessment Scope { get; }

    /// <summary>Gets why the patient is out of scope, or <see langword="null"/> when in scope (or scope unconfirmed). It names the histology: do not log it.</summary>
    public string? OutOfScope => Scope.OutOfScopeReason;

    /// <summary>Gets the timing of the metastases, or <see langword="null"/> when out of scope.</summary>
    public TimingAssessment? Timing { get; }

    /// <summary>Gets the disease-free interval, or <see langword="null"/> when out of scope.</summary>
    public IntervalAssessment? DiseaseFreeInterval => Timing?.DiseaseFreeInterval;

    /// <summary>Gets the treatment-free interval (9.1), or <see langword="null"/> when out of scope or when the current disease is known not to be a liver recurrence after a previous liver resection.</summary>
    public IntervalAssessment? TreatmentFreeInterval { get; }

    /// <summary>Gets the oligometastatic assessment, or <see langword="null"/> when out of scope.</summary>
    public OligometastaticAssessment? Oligometastatic { get; }

    /// <summary>Gets whether liver resection is on the table (the trigger of the surgical process recommendations), or <see langword="null"/> when out of scope.</summary>
    public LiverResectionCandidacy? LiverResection { get; }

    /// <summary>Gets the imaging plan (4.1–4.3 and the section 3.4 narrative), or <see langword="null"/> when out of scope.</summary>
    public ImagingPlan? ImagingPlan { get; }

    /// <summary>Gets the focal-therapy assessment (section 3.10: contraindications and modalities), or <see langword="null"/> when out of scope.</summary>
    public FocalTherapyAssessment? FocalTherapy { get; }

    /// <summary>Gets the follow-up calendar (13.1) from the latest dated liver metastasectomy, or <see langword="null"/> when there is none, during an active liver recurrence (to be treated, not surveyed), or when the patient is out of scope.</summary>
    public FollowUpSchedule? FollowUp { get; }

    /// <summary>Gets one result per recommendation, in catalog order; empty when out of scope.</summary>
    public IReadOnlyList<RecommendationResult> Results { get; }

    /// <summary>Gets the result for a recommendation id, or <see langword="null"/>.</summary>
    /// <param name="id">The id, for example <c>5.3</c>.</param>
    /// <returns>The result.</returns>
    public RecommendationResult? this[string id] => Results.FirstOrDefault(r => r.Id == id);
}
