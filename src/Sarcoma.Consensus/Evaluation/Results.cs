using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;

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

/// <summary>A patient fact that decided a result: the fact's name, its value as text, and a short sentence.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Finding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="fact">The fact's name (see <see cref="Model.FactNames"/>) or the derived concept's name.</param>
    /// <param name="value">The value, formatted invariantly (dates as yyyy-MM-dd).</param>
    /// <param name="sentence">A short sentence a clinician can check.</param>
    public Finding(string fact, string value, string sentence)
    {
        Fact = fact;
        Value = value;
        Sentence = sentence;
    }

    /// <summary>Gets the fact's name.</summary>
    public string Fact { get; }

    /// <summary>Gets the value, as text.</summary>
    public string Value { get; }

    /// <summary>Gets the sentence.</summary>
    public string Sentence { get; }
}

/// <summary>
/// One recommendation's answer for one patient: the status, the recommendation it answers (wording, grade,
/// votes, consensus), the facts that decided it, the facts that were missing, and flags.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RecommendationResult
{
    internal RecommendationResult(
        Recommendation recommendation,
        EvaluationStatus status,
        string summary,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<string> cautions,
        IReadOnlyList<string> missing)
    {
        Recommendation = recommendation;
        Status = status;
        Summary = summary;
        Findings = findings.ToReadOnlyList();
        Cautions = cautions.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
        var flags = new List<ResultFlag>(2);
        if (!recommendation.ReachedConsensus)
        {
            flags.Add(ResultFlag.NoConsensus);
        }

        if (cautions.Count > 0)
        {
            flags.Add(ResultFlag.Caution);
        }

        Flags = flags.AsReadOnly();
    }

    /// <summary>Gets the recommendation answered: id, canonical wording, grade, votes and consensus.</summary>
    public Recommendation Recommendation { get; }

    /// <summary>Gets the recommendation's id.</summary>
    public string Id => Recommendation.Id;

    /// <summary>Gets the status.</summary>
    public EvaluationStatus Status { get; }

    /// <summary>Gets one sentence saying what the status means for this patient.</summary>
    public string Summary { get; }

    /// <summary>Gets the facts that decided the result, as data and sentences.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets cautions: boundaries the guideline leaves open, or interpretations a clinician should check.</summary>
    public IReadOnlyList<string> Cautions { get; }

    /// <summary>Gets the names of the facts whose absence prevented a decision (empty unless <see cref="EvaluationStatus.InsufficientData"/>).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the flags: <see cref="ResultFlag.NoConsensus"/> for 3.2, 5.5 and 10.2 always, <see cref="ResultFlag.Caution"/> when there are cautions.</summary>
    public IReadOnlyList<ResultFlag> Flags { get; }

    /// <summary>Gets the rationale: the summary, then each finding's sentence, then each caution.</summary>
    public IReadOnlyList<string> Rationale =>
        new[] { Summary }.Concat(Findings.Select(f => f.Sentence)).Concat(Cautions).ToReadOnlyList();

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Status.ToCode()} — {Summary}";
}
