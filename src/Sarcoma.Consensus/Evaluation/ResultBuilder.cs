using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// Collects the findings, cautions and missing facts of one evaluation and produces the result.
/// Evaluators record every fact they read that bears on the decision, then finish with
/// <see cref="Applies(Message)"/>, <see cref="DoesNotApply(Message)"/> or <see cref="Insufficient(Message)"/>.
/// </summary>
/// <remarks>Mutable and not thread-safe: one per evaluation.</remarks>
internal sealed class ResultBuilder
{
    // The builder of a finished evaluation, with its working lists, reused by the next one on the same thread
    // (RecommendationEvaluator.Evaluate rents it and gives it back once Decide has returned): the result keeps exact
    // copies of the lists, so nothing of a result is shared. A builder rented while another is in use on the thread is a
    // new one with its own lists.
    [ThreadStatic]
    private static ResultBuilder? spare;

    private readonly List<Finding> findings = new(16);
    private readonly List<Message> cautions = new(4);
    private readonly List<string> missing = new(8);

    // When everything recorded so far is exactly one derived concept's list (the commonest case: a gate records the
    // candidacy's findings and missing facts, then finishes), the result shares that immutable list instead of copying
    // it; any other item recorded clears these.
    private ReadOnlyValueList<Finding>? findingsSource;
    private ReadOnlyValueList<Message>? cautionsSource;
    private ReadOnlyValueList<string>? missingSource;
    private Recommendation recommendation;
    private bool rented;

    internal ResultBuilder(Recommendation recommendation)
    {
        this.recommendation = recommendation;
    }

    /// <summary>Gets a builder for one evaluation: the thread's spare one when free, else a new one; give it back with <see cref="Release"/>.</summary>
    /// <param name="recommendation">The recommendation evaluated.</param>
    /// <returns>The builder, empty.</returns>
    internal static ResultBuilder Rent(Recommendation recommendation)
    {
        var builder = spare;
        if (builder is null)
        {
            builder = new ResultBuilder(recommendation);
        }
        else
        {
            spare = null;
            builder.recommendation = recommendation;
        }

        builder.rented = true;
        return builder;
    }

    /// <summary>Gets a value indicating whether any fact has been recorded as missing.</summary>
    public bool HasMissing => missing.Count > 0;

    /// <summary>
    /// Gives the working lists back for the next evaluation on this thread. Called once the evaluator has returned; the
    /// builder must not be used afterwards.
    /// </summary>
    internal void Release()
    {
        if (rented)
        {
            rented = false;
            findings.Clear();
            cautions.Clear();
            missing.Clear();
            findingsSource = null;
            cautionsSource = null;
            missingSource = null;
            spare = this;
        }
    }

    /// <summary>Records a decisive fact (a finding already equal to one recorded is not repeated).</summary>
    /// <param name="fact">The fact's name.</param>
    /// <param name="value">Its value as text (invariant: yes/no/unknown, numbers with a dot, dates yyyy-MM-dd).</param>
    /// <param name="message">The reason, as a message of the catalogue.</param>
    /// <param name="comparison">The comparison made with <paramref name="threshold"/> (<c>&lt;</c>, <c>≤</c>, <c>&gt;</c>, <c>≥</c>, <c>=</c>), if any.</param>
    /// <param name="threshold">The threshold with its unit, if any.</param>
    /// <param name="source">The recommendation id or section the threshold or rule comes from, if any.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Fact(string fact, string value, Message message, string? comparison = null, string? threshold = null, string? source = null) =>
        Add(new Finding(fact, value, message, comparison, threshold, source));

    /// <summary>Records one finding of a derived concept (not repeated when an equal finding is already recorded).</summary>
    /// <param name="derived">The finding.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Facts(Finding derived) => Add(derived);

    /// <summary>Records findings produced by a derived concept (timing, OMD, …), each once.</summary>
    /// <param name="derived">The findings.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Facts(IEnumerable<Finding> derived)
    {
        if (derived is ReadOnlyValueList<Finding> shared && findings.Count == 0)
        {
            for (var i = 0; i < shared.Count; i++)
            {
                Add(shared[i]);
            }

            // All of them kept (none repeated within the list): the result can share the list.
            findingsSource = findings.Count == shared.Count ? shared : null;
            return this;
        }

        if (derived is IReadOnlyList<Finding> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Add(list[i]);
            }

            return this;
        }

        foreach (var finding in derived)
        {
            Add(finding);
        }

        return this;
    }

    /// <summary>Records a caution (sets the <see cref="ResultFlag.Caution"/> flag); a caution already recorded is not repeated.</summary>
    /// <param name="message">The caution, as a message of the catalogue.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Caution(Message message)
    {
        if (!cautions.Contains(message))
        {
            cautions.Add(message);
            cautionsSource = null;
        }

        return this;
    }

    /// <summary>Records cautions of a derived concept, each once (see <see cref="Caution(Message)"/>).</summary>
    /// <param name="messages">The cautions.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Cautions(IReadOnlyList<Message> messages)
    {
        if (messages is ReadOnlyValueList<Message> shared && cautions.Count == 0)
        {
            for (var i = 0; i < shared.Count; i++)
            {
                Caution(shared[i]);
            }

            cautionsSource = cautions.Count == shared.Count ? shared : null;
            return this;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            Caution(messages[i]);
        }

        return this;
    }

    /// <summary>Records one missing fact (without the argument array of <see cref="Missing(string[])"/>).</summary>
    /// <param name="fact">Its name.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Missing(string fact)
    {
        AddMissing(fact);
        return this;
    }

    /// <summary>Records facts that are missing.</summary>
    /// <param name="facts">Their names.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Missing(params string[] facts)
    {
        foreach (var fact in facts)
        {
            AddMissing(fact);
        }

        return this;
    }

    /// <summary>Records facts that are missing.</summary>
    /// <param name="facts">Their names.</param>
    /// <returns>This builder.</returns>
    public ResultBuilder Missing(IEnumerable<string> facts)
    {
        if (facts is ReadOnlyValueList<string> shared && missing.Count == 0)
        {
            for (var i = 0; i < shared.Count; i++)
            {
                AddMissing(shared[i]);
            }

            missingSource = missing.Count == shared.Count ? shared : null;
            return this;
        }

        if (facts is IReadOnlyList<string> list)
        {
            // Indexed: no enumerator for the lists of missing facts the derived concepts hand over.
            for (var i = 0; i < list.Count; i++)
            {
                AddMissing(list[i]);
            }

            return this;
        }

        foreach (var fact in facts)
        {
            AddMissing(fact);
        }

        return this;
    }

    /// <summary>Finishes: the recommendation applies.</summary>
    /// <param name="summary">What that means for this patient.</param>
    /// <returns>The result.</returns>
    public RecommendationResult Applies(Message summary) => Finish(EvaluationStatus.Applies, summary, ReadOnlyValueList<string>.None);

    /// <summary>Finishes: the recommendation does not apply.</summary>
    /// <param name="summary">Why not.</param>
    /// <returns>The result.</returns>
    public RecommendationResult DoesNotApply(Message summary) => Finish(EvaluationStatus.DoesNotApply, summary, ReadOnlyValueList<string>.None);

    /// <summary>Finishes: facts are missing. The missing facts recorded so far are reported.</summary>
    /// <param name="summary">What could not be decided.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">No missing fact was recorded: an insufficient result must name what it lacked.</exception>
    public RecommendationResult Insufficient(Message summary)
    {
        if (missing.Count == 0)
        {
            throw new InvalidOperationException($"Evaluator for {recommendation.Id} reported insufficient data without naming a missing fact.");
        }

        // Distinct and in ordinal order (AddMissing keeps them distinct): a concept's list that is all of them and already
        // in that order is shared as it is.
        if (missingSource is { } shared && shared.Count == missing.Count && InOrdinalOrder(missing))
        {
            return Finish(EvaluationStatus.InsufficientData, summary, shared);
        }

        var facts = missing.ToArray();
        Array.Sort(facts, StringComparer.Ordinal);
        return Finish(EvaluationStatus.InsufficientData, summary, ReadOnlyValueList<string>.Wrap(facts));
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

    private ResultBuilder Add(Finding finding)
    {
        // A finding already recorded is not repeated: sections that state a shared fact use one message code for it.
        // The same instance (a concept's finding recorded twice) is found first by reference, without comparing values.
        for (var i = 0; i < findings.Count; i++)
        {
            if (ReferenceEquals(findings[i], finding))
            {
                return this;
            }
        }

        if (!findings.Contains(finding))
        {
            findings.Add(finding);
            findingsSource = null;
        }

        return this;
    }

    private static bool InOrdinalOrder(List<string> facts)
    {
        for (var i = 1; i < facts.Count; i++)
        {
            if (string.CompareOrdinal(facts[i - 1], facts[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private void AddMissing(string fact)
    {
        // A handful of facts at most: a linear, ordinal check keeps them distinct (as the sorted set did) without one.
        for (var i = 0; i < missing.Count; i++)
        {
            if (string.Equals(missing[i], fact, StringComparison.Ordinal))
            {
                return;
            }
        }

        missing.Add(fact);
        missingSource = null;
    }

    // The lists are handed over as read-only value lists (exact copies of the working lists), so the result keeps them
    // without another copy.
    private RecommendationResult Finish(EvaluationStatus status, Message summary, IReadOnlyList<string> missingFacts) =>
        new(
            recommendation,
            status,
            summary,
            findingsSource is { } sharedFindings && sharedFindings.Count == findings.Count ? sharedFindings : ReadOnlyValueList<Finding>.CopyOf(findings),
            cautionsSource is { } sharedCautions && sharedCautions.Count == cautions.Count ? sharedCautions : ReadOnlyValueList<Message>.CopyOf(cautions),
            missingFacts);
}
