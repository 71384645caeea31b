using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus;

/// <summary>
/// Evaluates a patient against the guideline: the 34 voted recommendations of the Ibero-American consensus on liver
/// metastases of soft tissue sarcoma (Lopes-Brás et al., Cancers 2025;17:1295, Table 5). This is the type to take as a
/// dependency (it is registered by <c>AddSarcomaConsensus()</c>); <see cref="ConsensusEngine"/> implements it.
/// </summary>
/// <remarks>
/// <para>
/// Implementations are thread-safe and deterministic: the same patient, date and options give the same report, equal
/// member by member (and the same JSON, byte for byte). The library never reads a clock, except
/// <see cref="EvaluateToday"/> through an injected <see cref="IClock"/>.
/// </para>
/// <para>
/// Unknown is never "no": a fact left <see langword="null"/> in the <see cref="Patient"/> is unknown, and a recommendation
/// that depends on it is <see cref="EvaluationStatus.InsufficientData"/>, naming the fact in
/// <see cref="RecommendationResult.Missing"/>, rather than <see cref="EvaluationStatus.DoesNotApply"/>.
/// </para>
/// </remarks>
public interface IConsensusEvaluator
{
    /// <summary>
    /// Gets the evaluators, one per recommendation, in catalog order (1.1 to 13.2; 34 entries): each names its
    /// recommendation, the facts it reads (<see cref="FactNames"/> paths such as <c>metastases.detectedOn</c>) and the
    /// statuses it can return. A read-only list; use it to know which facts to fetch before evaluating.
    /// </summary>
    IReadOnlyList<RecommendationEvaluatorInfo> Evaluators { get; }

    /// <summary>Evaluates every recommendation of the guideline for a patient as of a given date.</summary>
    /// <param name="patient">
    /// The patient, built with <see cref="Patient.Builder"/> or read from JSON or FHIR. Facts left <see langword="null"/> are
    /// unknown. Sizes are in millimetres, the future liver remnant in percent, dates are calendar dates without a time
    /// zone (<see cref="LocalDate"/>).
    /// </param>
    /// <param name="asOf">
    /// The evaluation date, "today" for the patient: intervals (disease-free interval, treatment-free interval, time since
    /// metastasectomy) are counted up to it in whole months and days, the 13.1 follow-up calendar is laid out around it,
    /// and every date of the record must be on or before it. It must lie within the plausible clinical date range of the
    /// options (<see cref="ConsensusOptions.EarliestPlausibleDate"/> to <see cref="ConsensusOptions.LatestPlausibleDate"/>,
    /// by default 1950-01-01 to 2099-12-31). Pass the same date to get the same report on every run.
    /// </param>
    /// <returns>
    /// The report: <see cref="ConsensusReport.Scope"/> first. When the patient is out of scope (GIST, bone sarcoma, a
    /// non-sarcoma primary), <see cref="ConsensusReport.Results"/> is empty and <see cref="ConsensusReport.OutOfScope"/>
    /// says why. Otherwise it holds exactly one <see cref="RecommendationResult"/> per recommendation in catalog order
    /// (34), each <see cref="EvaluationStatus.Applies"/>, <see cref="EvaluationStatus.DoesNotApply"/> or
    /// <see cref="EvaluationStatus.InsufficientData"/> with its findings, cautions and missing facts, and the derived
    /// concepts (timing, oligometastatic status, intervals, surgical candidacy, imaging plan, focal therapy, follow-up).
    /// The three statements without consensus (3.2, 5.5, 10.2) carry <see cref="ResultFlag.NoConsensus"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="PatientValidationException">
    /// The patient record is inconsistent or implausible (for example a date after <paramref name="asOf"/>, a size of 0 mm,
    /// an ECOG of 7), or <paramref name="asOf"/> is outside the plausible date range. Every problem is listed in
    /// <see cref="PatientValidationException.Errors"/> with its field path; the message carries no patient value.
    /// </exception>
    ConsensusReport Evaluate(Patient patient, LocalDate asOf);

    /// <summary>
    /// Evaluates one recommendation for a patient as of a given date: the same result, member by member, as the entry for
    /// <paramref name="recommendationId"/> in <see cref="Evaluate(Patient, LocalDate)"/>'s report, without evaluating the
    /// other 33.
    /// </summary>
    /// <param name="patient">The patient (see <see cref="Evaluate(Patient, LocalDate)"/>).</param>
    /// <param name="asOf">The evaluation date (see <see cref="Evaluate(Patient, LocalDate)"/>).</param>
    /// <param name="recommendationId">The recommendation's id in Table 5, <c>1.1</c> to <c>13.2</c> (see <see cref="RecommendationCatalog"/>).</param>
    /// <returns>
    /// The result, with its status, findings, cautions and missing facts; or <see langword="null"/> when the patient is out
    /// of the guideline's scope (GIST, bone sarcoma, a non-sarcoma primary), where the guideline says nothing: call
    /// <see cref="Evaluate(Patient, LocalDate)"/> for <see cref="ConsensusReport.OutOfScope"/>'s reason.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> or <paramref name="recommendationId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="recommendationId"/> is not an id of the catalog.</exception>
    /// <exception cref="PatientValidationException">The patient record is inconsistent (see <see cref="Evaluate(Patient, LocalDate)"/>).</exception>
    RecommendationResult? Evaluate(Patient patient, LocalDate asOf, string recommendationId);

    /// <summary>
    /// Evaluates every recommendation for a patient as of today: the current date of the injected <see cref="IClock"/> in
    /// <see cref="ConsensusOptions.TimeZoneId"/> (UTC by default). Otherwise the same as <see cref="Evaluate(Patient, LocalDate)"/>.
    /// </summary>
    /// <param name="patient">The patient (see <see cref="Evaluate(Patient, LocalDate)"/>).</param>
    /// <returns>The report (see <see cref="Evaluate(Patient, LocalDate)"/>); its <see cref="ConsensusReport.AsOf"/> is the date used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No clock was configured (an engine constructed without an <see cref="IClock"/>).</exception>
    /// <exception cref="PatientValidationException">The patient record is inconsistent, or a date of it is after today.</exception>
    ConsensusReport EvaluateToday(Patient patient);
}

/// <summary>
/// The engine: one evaluator per recommendation, run in catalog order. Stateless after construction and
/// thread-safe; the same input gives the same output. It never reads a clock unless one is injected and
/// <see cref="EvaluateToday"/> is called.
/// </summary>
public sealed class ConsensusEngine : IConsensusEvaluator
{
    private readonly ConsensusOptions options;
    private readonly IClock? clock;
    private readonly DateTimeZone zone;

    // The report's provenance lists the options that differ from the defaults: fixed per engine, so computed once.
    private readonly IReadOnlyList<KeyValuePair<string, string>> nonDefaultOptions;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">The options; the consensus defaults when <see langword="null"/>. Copied.</param>
    /// <param name="clock">A clock for <see cref="EvaluateToday"/>; without one, callers pass the date.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each option.</exception>
    public ConsensusEngine(ConsensusOptions? options = null, IClock? clock = null)
    {
        this.options = EvaluationContext.ValidatedCopy(options);
        nonDefaultOptions = ReportProvenance.NonDefault(this.options);

        this.clock = clock;
        zone = DateTimeZoneProviders.Tzdb[this.options.TimeZoneId];
    }

    /// <summary>Gets an engine with the consensus defaults and no clock.</summary>
    public static ConsensusEngine Default { get; } = new();

    /// <inheritdoc />
    /// <remarks>
    /// A read-only list shared by every engine: it cannot be cast back to an array and written to. The evaluators are
    /// registered explicitly (no assembly scanning), so trimming and native AOT keep all of them.
    /// </remarks>
    public IReadOnlyList<RecommendationEvaluatorInfo> Evaluators => EvaluatorRegistry.Descriptions;

    /// <summary>Evaluates a patient with the default engine.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The report.</returns>
    public static ConsensusReport EvaluateWithDefaults(Patient patient, LocalDate asOf) => Default.Evaluate(patient, asOf);

    /// <inheritdoc />
    public ConsensusReport Evaluate(Patient patient, LocalDate asOf)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        return Evaluate(new EvaluationContext(patient, asOf, options, validatedOptions: true));
    }

    /// <summary>
    /// Evaluates the patient of a context created over this engine's options: every evaluator, then the report's concepts,
    /// all read from the one context (so each derived concept is computed at most once; tests read
    /// <see cref="EvaluationContext.RecomputedConcepts"/> afterwards).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <returns>The report.</returns>
    internal ConsensusReport Evaluate(EvaluationContext context)
    {
        var asOf = context.AsOf;
        var scope = ScopeAssessment.Assess(context.Patient);
        if (scope.InScope == false)
        {
            return new ConsensusReport(asOf, scope, null, null, null, null, null, null, null, Array.Empty<RecommendationResult>(), new ReportProvenance(asOf, nonDefaultOptions));
        }

        var evaluators = EvaluatorRegistry.All;
        var results = new RecommendationResult[evaluators.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = evaluators[i].Evaluate(context);
        }

        return new ConsensusReport(
            asOf,
            scope,
            context.Timing,
            context.Oligometastatic,
            context.IsLiverRecurrence == false ? null : context.TreatmentFreeInterval,
            context.LiverResection,
            context.ImagingPlan,
            context.FocalTherapy,
            // No calendar during a liver recurrence to treat, nor while current liver lesions may be one (13.1 then needs the dates).
            context.IsLiverRecurrence == true || (context.IsLiverRecurrence is null && context.HasLiverMetastases == true)
                ? null
                : context.FollowUpSchedule,
            ReadOnlyValueList<RecommendationResult>.Wrap(results),
            new ReportProvenance(asOf, nonDefaultOptions));
    }

    /// <inheritdoc />
    public RecommendationResult? Evaluate(Patient patient, LocalDate asOf, string recommendationId)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        if (recommendationId is null)
        {
            throw new ArgumentNullException(nameof(recommendationId));
        }

        if (!EvaluatorRegistry.TryGet(recommendationId, out var evaluator))
        {
            throw new ArgumentException("The guideline has no recommendation with that id (1.1 to 13.2).", nameof(recommendationId));
        }

        var context = new EvaluationContext(patient, asOf, options, validatedOptions: true);
        return ScopeAssessment.Assess(patient).InScope == false ? null : evaluator.Evaluate(context);
    }

    /// <inheritdoc />
    public ConsensusReport EvaluateToday(Patient patient)
    {
        if (clock is null)
        {
            throw new InvalidOperationException("No clock is configured: pass the evaluation date (asOf), or construct the engine with an IClock.");
        }

        return Evaluate(patient, clock.GetCurrentInstant().InZone(zone).Date);
    }
}
