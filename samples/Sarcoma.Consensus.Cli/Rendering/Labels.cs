using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>The words and codes the console sample prints for catalog and report values, in one place.</summary>
public static class Labels
{
    /// <summary>The table label for an item that did not reach consensus.</summary>
    public const string NoConsensus = "NO CONSENSUS";

    /// <summary>How a no-consensus item is labelled wherever it appears in a report.</summary>
    public const string NoConsensusNotice = NoConsensus + " — shown for information, not a recommendation";

    /// <summary>The closing line of every report and calendar.</summary>
    public const string Disclaimer =
        "Decision support for clinicians; not a substitute for the multidisciplinary tumour board. Most recommendations are "
        + "level V evidence (expert opinion): check every output against the patient and the paper.";

    /// <summary>The heading of a status block in the text report.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The heading.</returns>
    public static string Heading(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Applies => "APPLIES",
        EvaluationStatus.InsufficientData => "INSUFFICIENT DATA — FACTS NEEDED",
        EvaluationStatus.DoesNotApply => "DOES NOT APPLY",
        _ => throw new System.ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>A status in words: <c>applies</c>, <c>does not apply</c>, <c>insufficient data</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The words.</returns>
    public static string Words(EvaluationStatus status) => status.ToCode().Replace('-', ' ');

    /// <summary>A three-state answer in words: <c>yes</c>, <c>no</c>, <c>unknown</c>.</summary>
    /// <param name="value">The answer.</param>
    /// <returns>The words.</returns>
    public static string Words(TriState value) => value switch
    {
        TriState.Yes => "yes",
        TriState.No => "no",
        _ => "unknown",
    };

    /// <summary>A follow-up phase in a few words, as used in calendar titles: <c>3–4-monthly</c>, <c>6-monthly</c>, <c>annual</c>.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The words.</returns>
    public static string Short(FollowUpPhase phase) => phase switch
    {
        FollowUpPhase.FirstTwoYears => "3–4-monthly",
        FollowUpPhase.ThroughYearFive => "6-monthly",
        FollowUpPhase.Annual => "annual",
        _ => throw new System.ArgumentOutOfRangeException(nameof(phase), phase, "Unknown follow-up phase."),
    };

    /// <summary>Where a visit stands in words: <c>past</c>, <c>DUE NOW</c>, <c>upcoming</c>, or empty without an evaluation date.</summary>
    /// <param name="standing">The standing.</param>
    /// <returns>The words.</returns>
    public static string Words(FollowUpVisitStanding? standing) => standing switch
    {
        FollowUpVisitStanding.Past => "past",
        FollowUpVisitStanding.Due => "DUE NOW",
        FollowUpVisitStanding.Upcoming => "upcoming",
        _ => string.Empty,
    };

    /// <summary>The table label for a consensus category: the JSON code, or <see cref="NoConsensus"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The label.</returns>
    public static string ForTable(ConsensusCategory category) =>
        category == ConsensusCategory.NotReached ? NoConsensus : category.ToCode();

    /// <summary>The JSON code of a recommendation kind: <c>definition</c>, <c>directive</c> or <c>process-requirement</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The code.</returns>
    public static string ToCode(RecommendationKind kind) => kind switch
    {
        RecommendationKind.Definition => "definition",
        RecommendationKind.Directive => "directive",
        RecommendationKind.ProcessRequirement => "process-requirement",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recommendation kind."),
    };

    /// <summary>The JSON code of a direction: <c>for</c>, <c>against</c> or <c>conditional</c>.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The code.</returns>
    public static string ToCode(RecommendationDirection direction) => direction switch
    {
        RecommendationDirection.For => "for",
        RecommendationDirection.Against => "against",
        RecommendationDirection.Conditional => "conditional",
        _ => throw new System.ArgumentOutOfRangeException(nameof(direction), direction, "Unknown recommendation direction."),
    };
}
