using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// Collects the findings, cautions and missing facts of one evaluation and produces the result.
/// Evaluators record every fact they read that bears on the decision, then finish with
/// <see cref="Applies"/>, <see cref="DoesNotApply"/> or <see cref="Insufficient"/>.
/// </summary>
/// <remarks>Mutable and not thread-safe: one per evaluation.</remarks>
public sealed class ResultBuilder
{
    private readonly Recommendation recommendation;
    private readonly List<Finding> findings = new();
    private readonly List<string> cautions = new();
    private readonly SortedSet<string> missing = new(StringComparer.Ordinal);

    internal ResultBuilder(Recommendation recommendation)
    {
        this.recommendation = recommendation;
    }

    /// <summary>Gets a value indicating whether any fact has been recorded as missing.</summary>
    public bool HasMissing => missing.Count > 0;

    /// <summary>Records a decisive fact.</summary>
    /// <param name="fact">The fact's name.</param>
    /// <param name="value">Its value as text.</param>
    /// <param name="sentence">A short sentence.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Fact(string fact, string value, string sentence)
    {
        if (!findings.Any(f => f.Fact == fact && f.Sentence == sentence))
        {
            findings.Add(new Finding(fact, value, sentence));
        }

        return this;
    }

    /// <summary>Records findings produced by a derived concept (timing, OMD, …).</summary>
    /// <param name="derived">The findings.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Facts(IEnumerable<Finding> derived)
    {
        foreach (var finding in derived)
        {
            Fact(finding.Fact, finding.Value, finding.Sentence);
        }

        return this;
    }

    /// <summary>Records a caution (sets the <see cref="ResultFlag.Caution"/> flag).</summary>
    /// <param name="sentence">The caution.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Caution(string sentence)
    {
        if (!cautions.Contains(sentence))
        {
            cautions.Add(sentence);
        }

        return this;
    }

    /// <summary>Records facts that are missing.</summary>
    /// <param name="facts">Their names.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Missing(params string[] facts) => Missing((IEnumerable<string>)facts);

    /// <summary>Records facts that are missing.</summary>
    /// <param name="facts">Their names.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Missing(IEnumerable<string> facts)
    {
        foreach (var fact in facts)
        {
            missing.Add(fact);
        }

        return this;
    }

    /// <summary>Finishes: the recommendation applies.</summary>
    /// <param name="summary">What that means for this patient.</param>
    /// <returns>The result.</returns>
    public RecommendationResult Applies(string summary) => Finish(EvaluationStatus.Applies, summary, Array.Empty<string>());

    /// <summary>Finishes: the recommendation does not apply.</summary>
    /// <param name="summary">Why not.</param>
    /// <returns>The result.</returns>
    public RecommendationResult DoesNotApply(string summary) => Finish(EvaluationStatus.DoesNotApply, summary, Array.Empty<string>());

    /// <summary>Finishes: facts are missing. The missing facts recorded so far are reported.</summary>
    /// <param name="summary">What could not be decided.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">No missing fact was recorded: an insufficient result must name what it lacked.</exception>
    public RecommendationResult Insufficient(string summary)
    {
        if (missing.Count == 0)
        {
            throw new InvalidOperationException($"Evaluator for {recommendation.Id} reported insufficient data without naming a missing fact.");
        }

        return Finish(EvaluationStatus.InsufficientData, summary, missing.ToArray());
    }

    /// <summary>Formats a date as yyyy-MM-dd.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Formats a number invariantly.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats a tri-state fact: yes, no or unknown.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(bool? value) => value switch { true => "yes", false => "no", _ => "unknown" };

    private RecommendationResult Finish(EvaluationStatus status, string summary, IReadOnlyList<string> missingFacts) =>
        new(recommendation, status, summary, findings.ToArray(), cautions.ToArray(), missingFacts);
}
