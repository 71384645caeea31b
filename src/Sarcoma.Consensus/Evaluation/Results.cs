using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>The three answers an evaluator can give.</summary>
public enum EvaluationStatus
{
    /// <summary>The recommendation applies to this patient.</summary>
    Applies,

    /// <summary>The recommendation does not apply to this patient.</summary>
    DoesNotApply,

    /// <summary>The facts needed to decide are missing; <see cref="RecommendationResult.Missing"/> names them. Never read as "no".</summary>
    InsufficientData,
}

/// <summary>Flags that qualify a result.</summary>
public enum ResultFlag
{
    /// <summary>The recommendation did not reach consensus (3.2, 5.5, 10.2): shown for information, never presented as advice.</summary>
    NoConsensus,

    /// <summary>The decision sits at a boundary the guideline leaves open (for example a TFI within 12–18 months); read the rationale.</summary>
    Caution,
}

/// <summary>Codes for statuses and flags, as used in JSON and reports.</summary>
public static class EvaluationCodes
{
    /// <summary>Gets the code of a status: <c>applies</c>, <c>does-not-apply</c> or <c>insufficient-data</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this EvaluationStatus status) => status switch
    {
        EvaluationStatus.Applies => "applies",
        EvaluationStatus.DoesNotApply => "does-not-apply",
        _ => "insufficient-data",
    };

    /// <summary>Gets the code of a flag: <c>no-consensus</c> or <c>caution</c>.</summary>
    /// <param name="flag">The flag.</param>
    /// <returns>The code.</returns>
    public static string ToCode(this ResultFlag flag) => flag == ResultFlag.NoConsensus ? "no-consensus" : "caution";
}

/// <summary>
/// A patient fact that decided a result, as data: the fact's name, its value, the reason as a <see cref="Wording.Message"/>
/// (rendered in English as <see cref="Sentence"/>, in another language by a <see cref="MessageCatalog"/>), and, where the
/// decision compared the value with a threshold, the comparison, the threshold and the source of the threshold.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality over the data (not the rendered sentence).</remarks>
public sealed record Finding
{
    private string? sentence;

    /// <summary>Creates a finding whose reason is already worded (kept for callers outside the library's evaluators).</summary>
    /// <param name="fact">The fact's name (see <see cref="Model.FactNames"/>) or the derived concept's name.</param>
    /// <param name="value">The value, formatted invariantly (dates as yyyy-MM-dd).</param>
    /// <param name="sentence">A short sentence a clinician can check.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Finding(string fact, string value, string sentence)
        : this(fact, value, Message.Literal(sentence ?? throw new ArgumentNullException(nameof(sentence))))
    {
    }

    /// <summary>Creates a finding.</summary>
    /// <param name="fact">The fact's name (see <see cref="Model.FactNames"/>) or the derived concept's name.</param>
    /// <param name="value">The value, formatted invariantly (dates as yyyy-MM-dd, numbers with a dot, tri-states yes/no/unknown).</param>
    /// <param name="message">The reason, as a message of the catalogue.</param>
    /// <param name="comparison">The comparison made, one of <c>&lt;</c>, <c>≤</c>, <c>&gt;</c>, <c>≥</c>, <c>=</c>; or <see langword="null"/>.</param>
    /// <param name="threshold">The threshold compared with, with its unit (for example <c>6 months</c>, <c>25 %</c>); or <see langword="null"/>.</param>
    /// <param name="source">Where the threshold or rule comes from: a recommendation id (<c>2.1</c>) or a section (<c>section 3.7</c>); or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/>, <paramref name="value"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public Finding(string fact, string value, Message message, string? comparison = null, string? threshold = null, string? source = null)
    {
        Fact = fact ?? throw new ArgumentNullException(nameof(fact));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Comparison = comparison;
        Threshold = threshold;
        Source = source;
    }

    /// <summary>Gets the fact's name.</summary>
    public string Fact { get; }

    /// <summary>Gets the value, as text.</summary>
    public string Value { get; }

    /// <summary>Gets the reason as data: a message code and its arguments.</summary>
    public Message Message { get; }

    /// <summary>Gets the comparison made with <see cref="Threshold"/> (<c>&lt;</c>, <c>≤</c>, <c>&gt;</c>, <c>≥</c>, <c>=</c>), or <see langword="null"/>.</summary>
    public string? Comparison { get; }

    /// <summary>Gets the threshold the value was compared with, with its unit, or <see langword="null"/>.</summary>
    public string? Threshold { get; }

    /// <summary>Gets the source of the threshold or rule (recommendation id or section), or <see langword="null"/>.</summary>
    public string? Source { get; }

    /// <summary>Gets the reason rendered in English, the reference wording (rendered once, on first use).</summary>
    public string Sentence => sentence ??= Message.Text;

    /// <inheritdoc />
    public bool Equals(Finding? other) =>
        ReferenceEquals(this, other) || (other is not null
        && Fact == other.Fact && Value == other.Value && Message.Equals(other.Message)
        && Comparison == other.Comparison && Threshold == other.Threshold && Source == other.Source);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (StringComparer.Ordinal.GetHashCode(Fact) * 31) + StringComparer.Ordinal.GetHashCode(Value);
            return (hash * 31) + Message.GetHashCode();
        }
    }
}

/// <summary>
/// One recommendation's answer for one patient: the status, the recommendation it answers (wording, grade,
/// votes, consensus), the facts that decided it, the facts that were missing, and flags.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RecommendationResult
{
    private string? summary;
    private IReadOnlyList<string>? cautions;

    internal RecommendationResult(
        Recommendation recommendation,
        EvaluationStatus status,
        Message summary,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<Message> cautions,
        IReadOnlyList<string> missing)
    {
        Recommendation = recommendation;
        Status = status;
        SummaryMessage = summary;
        Findings = findings.ToReadOnlyList();
        CautionMessages = cautions.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    // The four possible flag lists, shared (read-only, so no result can change another's).
    private static readonly IReadOnlyList<ResultFlag> NoFlags = new List<ResultFlag>().AsReadOnly();
    private static readonly IReadOnlyList<ResultFlag> CautionFlag = new List<ResultFlag> { ResultFlag.Caution }.AsReadOnly();
    private static readonly IReadOnlyList<ResultFlag> NoConsensusFlag = new List<ResultFlag> { ResultFlag.NoConsensus }.AsReadOnly();
    private static readonly IReadOnlyList<ResultFlag> NoConsensusAndCautionFlags =
        new List<ResultFlag> { ResultFlag.NoConsensus, ResultFlag.Caution }.AsReadOnly();

    /// <summary>Gets the recommendation answered: id, canonical wording, grade, votes and consensus.</summary>
    public Recommendation Recommendation { get; }

    /// <summary>Gets the recommendation's id.</summary>
    public string Id => Recommendation.Id;

    /// <summary>Gets the status.</summary>
    public EvaluationStatus Status { get; }

    /// <summary>Gets what the status means for this patient, as data (render it with a <see cref="MessageCatalog"/>).</summary>
    public Message SummaryMessage { get; }

    /// <summary>Gets <see cref="SummaryMessage"/> rendered in English, the reference wording: one sentence saying what the status means for this patient.</summary>
    public string Summary => summary ??= SummaryMessage.Text;

    /// <summary>
    /// Gets the card-sized summary as data: the message <c>card.&lt;id&gt;.&lt;status&gt;</c> (status as in
    /// <see cref="EvaluationCodes.ToCode(EvaluationStatus)"/>), at most 140 characters in English (the CDS Hooks card
    /// summary limit), for an EHR card or a list. Its one argument, <c>missing</c>, is the number of <see cref="Missing"/>
    /// facts (absent when none); <c>reason</c>, the code of <see cref="SummaryMessage"/>, lets a card name the deciding
    /// fact (a "does not apply" card never states what the facts contradict). For 3.2, 5.5 and 10.2 the summary starts "No consensus" and gives no advice.
    /// </summary>
    public Message CardMessage => Message.Of(
        "card." + Id + "." + Status.ToCode(),
        ("missing", Missing.Count > 0 ? (object)Missing.Count : null),
        ("reason", SummaryMessage.Code));

    /// <summary>Gets <see cref="CardMessage"/> rendered in English (at most 140 characters).</summary>
    public string CardSummary => CardMessage.Text;

    /// <summary>Gets the facts that decided the result, as data and sentences.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets cautions as data: boundaries the guideline leaves open, or interpretations a clinician should check.</summary>
    public IReadOnlyList<Message> CautionMessages { get; }

    /// <summary>Gets <see cref="CautionMessages"/> rendered in English, the reference wording.</summary>
    public IReadOnlyList<string> Cautions => cautions ??= CautionMessages.Select(c => c.Text).ToReadOnlyList();

    /// <summary>Gets the names of the facts whose absence prevented a decision (empty unless <see cref="EvaluationStatus.InsufficientData"/>).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the flags: <see cref="ResultFlag.NoConsensus"/> for 3.2, 5.5 and 10.2 always, <see cref="ResultFlag.Caution"/> when there are cautions.</summary>
    public IReadOnlyList<ResultFlag> Flags => (Recommendation.ReachedConsensus, CautionMessages.Count > 0) switch
    {
        // One of four shared lists, chosen on read (no field per result).
        (true, false) => NoFlags,
        (true, true) => CautionFlag,
        (false, false) => NoConsensusFlag,
        (false, true) => NoConsensusAndCautionFlags,
    };

    /// <summary>Gets the rationale: the summary, then each finding's sentence, then each caution.</summary>
    public IReadOnlyList<string> Rationale =>
        new[] { Summary }.Concat(Findings.Select(f => f.Sentence)).Concat(Cautions).ToReadOnlyList();

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Status.ToCode()} — {Summary}";
}
