using System.Collections.Generic;
using System.Linq;
using System;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// Describes the evaluator of one recommendation: the recommendation it answers, the facts it reads and the statuses it
/// can return. Obtained from <see cref="IConsensusEvaluator.Evaluators"/>; evaluate with
/// <see cref="IConsensusEvaluator.Evaluate(Patient, NodaTime.LocalDate, string)"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RecommendationEvaluatorInfo
{
    internal RecommendationEvaluatorInfo(IRecommendationEvaluator evaluator)
    {
        Recommendation = evaluator.Recommendation;
        DataRequirements = evaluator.DataRequirements;
        PossibleStatuses = evaluator.PossibleStatuses;
    }

    /// <summary>Gets the recommendation this evaluator answers (its id, wording, grade, votes and consensus).</summary>
    public Recommendation Recommendation { get; }

    /// <summary>
    /// Gets the facts the evaluator reads, as <see cref="FactNames"/> paths of the patient document (for example
    /// <c>metastases.detectedOn</c>, <c>metastases.lesions[].resectable</c>), sorted ordinally and without repeats, so an
    /// integrator knows what to fetch. A fact missing from the record is reported in <see cref="RecommendationResult.Missing"/>.
    /// </summary>
    public IReadOnlyList<string> DataRequirements { get; }

    /// <summary>Gets the statuses this evaluator can return (one to three), in enumeration order.</summary>
    public IReadOnlyList<EvaluationStatus> PossibleStatuses { get; }

    /// <inheritdoc />
    public override string ToString() => Recommendation.Id;
}

/// <summary>Answers one recommendation for one patient. Implementations are pure, stateless and thread-safe.</summary>
internal interface IRecommendationEvaluator
{
    /// <summary>Gets the recommendation this evaluator answers.</summary>
    Recommendation Recommendation { get; }

    /// <summary>Gets the facts the evaluator reads (see <see cref="Model.FactNames"/>), so an integrator knows what to fetch.</summary>
    IReadOnlyList<string> DataRequirements { get; }

    /// <summary>Gets the statuses this evaluator can return.</summary>
    IReadOnlyList<EvaluationStatus> PossibleStatuses { get; }

    /// <summary>Evaluates the recommendation.</summary>
    /// <param name="context">The patient, the evaluation date and the options, with derived concepts.</param>
    /// <returns>The result.</returns>
    RecommendationResult Evaluate(EvaluationContext context);
}

/// <summary>
/// Base class for the evaluators: binds the catalog entry, declares the data requirements and possible
/// statuses, and hands the subclass a <see cref="ResultBuilder"/>.
/// </summary>
internal abstract class RecommendationEvaluator : IRecommendationEvaluator
{
    private static readonly EvaluationStatus[] AllStatuses =
        { EvaluationStatus.Applies, EvaluationStatus.DoesNotApply, EvaluationStatus.InsufficientData };

    /// <summary>Creates the evaluator.</summary>
    /// <param name="recommendationId">The catalog id it answers, for example <c>5.3</c>.</param>
    /// <param name="dataRequirements">The facts it reads.</param>
    /// <param name="possibleStatuses">The statuses it can return; all three when omitted.</param>
    protected RecommendationEvaluator(string recommendationId, IEnumerable<string> dataRequirements, IEnumerable<EvaluationStatus>? possibleStatuses = null)
    {
        Recommendation = RecommendationCatalog.Get(recommendationId);
        DataRequirements = dataRequirements.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToReadOnlyList();
        PossibleStatuses = (possibleStatuses ?? AllStatuses).Distinct().OrderBy(s => s).ToReadOnlyList();
    }

    /// <inheritdoc />
    public Recommendation Recommendation { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> DataRequirements { get; }

    /// <inheritdoc />
    public IReadOnlyList<EvaluationStatus> PossibleStatuses { get; }

    /// <inheritdoc />
    public RecommendationResult Evaluate(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var builder = ResultBuilder.Rent(Recommendation);
        var result = Decide(context, builder);
        builder.Release();
        return result;
    }

    /// <summary>Decides the recommendation for the patient in <paramref name="context"/>.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <param name="result">The builder to record facts into and finish.</param>
    /// <returns>The finished result.</returns>
    protected abstract RecommendationResult Decide(EvaluationContext context, ResultBuilder result);
}
