using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// Turns results into cards and groups them: what applies, then what needs facts, then what does not apply, each in
/// catalog order; the items that did not reach consensus apart, whatever their status.
/// </summary>
internal static class CardBuilder
{
    /// <summary>The vote bar's width in SVG user units.</summary>
    public const double BarWidth = 120;

    private static readonly EvaluationStatus[] Order =
        { EvaluationStatus.Applies, EvaluationStatus.InsufficientData, EvaluationStatus.DoesNotApply };

    public static IReadOnlyList<CardGroupView> ByStatus(IReadOnlyList<RecommendationResult> results)
    {
        var voted = results.Where(r => r.Recommendation.ReachedConsensus).ToList();
        return Order.Select(status => new CardGroupView
        {
            Id = "status-" + status.ToCode(),
            Heading = Words.Status(status),
            Tone = status.ToCode(),
            Note = status switch
            {
                EvaluationStatus.Applies => "Recommendations that apply to this patient, with the facts that decided each.",
                EvaluationStatus.InsufficientData => "Not decided: the facts named on each card are missing. Unknown is never read as “no”.",
                _ => "Recommendations whose conditions this patient does not meet, and why.",
            },
            Cards = voted.Where(r => r.Status == status).Select(Card).ToList(),
        }).ToList();
    }

    public static CardGroupView NoConsensus(IReadOnlyList<RecommendationResult> results) => new()
    {
        Id = "no-consensus",
        Heading = Words.NoConsensus,
        Tone = "no-consensus",
        Note = "These statements did not reach the agreement of at least 80% of the panel that consensus required. They are shown with their status for this patient for information only: they are not recommendations.",
        Cards = results.Where(r => !r.Recommendation.ReachedConsensus).Select(Card).ToList(),
    };

    public static CardView Card(RecommendationResult result)
    {
        var recommendation = result.Recommendation;
        var votes = recommendation.Votes;
        var yes = BarWidth * votes.Yes / votes.Total;
        return new CardView
        {
            Id = recommendation.Id,
            Anchor = "rec-" + recommendation.Id.Replace('.', '-'),
            Title = recommendation.ShortTitle,
            Text = recommendation.Text,
            Question = Text.N(recommendation.Section.Number) + ". " + recommendation.Section.Question,
            Grade = recommendation.Grade.ToString(),
            GradeWords = "evidence level " + recommendation.Grade.Level + ", strength " + recommendation.Grade.Strength,
            Consensus = Words.Consensus(recommendation.Consensus),
            NoConsensus = !recommendation.ReachedConsensus,
            VotesYes = Text.N(votes.Yes),
            VotesNo = Text.N(votes.No),
            VotesTotal = Text.N(votes.Total),
            Agreement = votes.AgreementPercent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%",
            VoteBar = new VoteBarView
            {
                Width = Text.N(BarWidth),
                YesWidth = Text.N(yes),
                NoX = Text.N(yes),
                NoWidth = Text.N(BarWidth - yes),
                ThresholdX = Text.N(BarWidth * 0.8),
            },
            Status = Words.Status(result.Status),
            StatusCode = result.Status.ToCode(),
            StatusGlyph = Words.StatusGlyph(result.Status),
            Summary = Text.Clean(result.Summary)!,
            Reasons = result.Findings.Select(f => Text.Clean(f.Sentence)!).ToList(),
            Cautions = result.Cautions.Select(c => Text.Clean(c)!).ToList(),
            Missing = result.Missing.ToList(),
        };
    }
}
