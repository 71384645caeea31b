using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus;

/// <summary>Evaluates the whole guideline for a patient.</summary>
public interface IConsensusEvaluator
{
    /// <summary>Gets the evaluators, in catalog order.</summary>
    IReadOnlyList<IRecommendationEvaluator> Evaluators { get; }

    /// <summary>Evaluates every recommendation for a patient on a given date.</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="asOf">The evaluation date ("today").</param>
    /// <returns>The report.</returns>
    /// <exception cref="PatientValidationException">The patient record is inconsistent; every problem is named.</exception>
    ConsensusReport Evaluate(Patient patient, LocalDate asOf);

    /// <summary>Evaluates every recommendation for a patient today, by the configured clock and time zone.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOperationException">No clock was configured.</exception>
    /// <exception cref="PatientValidationException">The patient record is inconsistent.</exception>
    ConsensusReport EvaluateToday(Patient patient);
}

/// <summary>
/// The engine: one evaluator per recommendation, run in catalog order. Stateless after construction and
/// thread-safe; the same input gives the same output. It never reads a clock unless one is injected and
/// <see cref="EvaluateToday"/> is called.
/// </summary>
public sealed class ConsensusEngine : IConsensusEvaluator
{
    private static readonly Lazy<IReadOnlyList<IRecommendationEvaluator>> Discovered = new(Discover);
    private readonly ConsensusOptions options;
    private readonly IClock? clock;
    private readonly DateTimeZone zone;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">The options; the consensus defaults when <see langword="null"/>. Copied.</param>
    /// <param name="clock">A clock for <see cref="EvaluateToday"/>; without one, callers pass the date.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each option.</exception>
    public ConsensusEngine(ConsensusOptions? options = null, IClock? clock = null)
    {
        this.options = (options ?? new ConsensusOptions()).Clone();
        var problems = this.options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid consensus options: " + string.Join("; ", problems), nameof(options));
        }

        this.clock = clock;
        zone = DateTimeZoneProviders.Tzdb[this.options.TimeZoneId];
    }

    /// <summary>Gets an engine with the consensus defaults and no clock.</summary>
    public static ConsensusEngine Default { get; } = new();

    /// <inheritdoc />
    /// <remarks>A read-only list shared by every engine: it cannot be cast back to an array and written to.</remarks>
    public IReadOnlyList<IRecommendationEvaluator> Evaluators => Discovered.Value;

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

        var context = new EvaluationContext(patient, asOf, options);
        var scope = ScopeAssessment.Assess(patient);
        if (scope.InScope == false)
        {
            return new ConsensusReport(asOf, scope, null, null, null, null, null, null, null, Array.Empty<RecommendationResult>(), new ReportProvenance(asOf, options));
        }

        var results = Evaluators.Select(e => e.Evaluate(context)).ToArray();
        return new ConsensusReport(
            asOf,
            scope,
            context.Timing,
            context.Oligometastatic,
            context.IsLiverRecurrence == false ? null : context.TreatmentFreeInterval,
            context.LiverResection,
            Imaging.ImagingPlan.Assess(context),
            FocalTherapy.FocalTherapyAssessment.Assess(context),
            // No calendar during a liver recurrence to treat, nor while current liver lesions may be one (13.1 then needs the dates).
            context.IsLiverRecurrence == true || (context.IsLiverRecurrence is null && context.HasLiverMetastases == true)
                ? null
                : FollowUp.FollowUpSchedule.ForPatient(context),
            results,
            new ReportProvenance(asOf, options));
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

    private static IReadOnlyList<IRecommendationEvaluator> Discover()
    {
        var order = RecommendationCatalog.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return typeof(ConsensusEngine).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsClass && typeof(IRecommendationEvaluator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IRecommendationEvaluator)Activator.CreateInstance(t)!)
            .OrderBy(e => order[e.Recommendation.Id])
            .ToReadOnlyList();
    }
}
