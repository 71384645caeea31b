using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;
using Xunit;

// In the Engine namespace, as ResultBuilderReuseTests (a Tests.Evaluation namespace would hide Sarcoma.Consensus.Evaluation).
namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Issue #12: a result whose findings, cautions or missing facts are exactly one derived concept's list shares that
/// (immutable) list instead of copying it. What a result holds must not change: repeats are still dropped, missing facts
/// still sorted, and nothing recorded for one result reaches the next result built on the thread.
/// </summary>
public sealed class ResultBuilderSharingTests
{
    private static readonly Recommendation Recommendation = RecommendationCatalog.Get("4.1");
    private static readonly Finding A = new("fact.a", "yes", new Message("test.a"));
    private static readonly Finding B = new("fact.b", "no", new Message("test.b"));
    private static readonly Finding C = new("fact.c", "unknown", new Message("test.c"));
    private static readonly Message Summary = new("test.summary");

    [Fact]
    public void A_result_recording_only_a_concepts_findings_holds_exactly_those_findings()
    {
        var concept = ReadOnlyValueList<Finding>.Wrap(new[] { A, B });

        var result = Build(b => b.Facts(concept).Applies(Summary));

        Assert.Equal(new[] { A, B }, result.Findings);
    }

    [Fact]
    public void A_concepts_findings_with_a_repeat_are_recorded_once_each()
    {
        var equalToA = new Finding("fact.a", "yes", new Message("test.a"));
        var concept = ReadOnlyValueList<Finding>.Wrap(new[] { A, equalToA, B });

        var result = Build(b => b.Facts(concept).Applies(Summary));

        Assert.Equal(new[] { A, B }, result.Findings);
    }

    [Fact]
    public void A_finding_recorded_after_a_concepts_findings_is_kept_and_the_concepts_list_is_unchanged()
    {
        var concept = ReadOnlyValueList<Finding>.Wrap(new[] { A, B });

        var result = Build(b => b.Facts(concept).Facts(C).DoesNotApply(Summary));

        Assert.Equal(new[] { A, B, C }, result.Findings);
        Assert.Equal(new[] { A, B }, concept);
    }

    [Fact]
    public void A_concepts_missing_facts_out_of_order_are_reported_sorted_and_distinct()
    {
        var concept = ReadOnlyValueList<string>.Wrap(new[] { "metastases.lesions", "primary.diagnosedOn", "metastases.detectedOn" });

        var result = Build(b => b.Missing(concept).Insufficient(Summary));

        Assert.Equal(new[] { "metastases.detectedOn", "metastases.lesions", "primary.diagnosedOn" }, result.Missing);
    }

    [Fact]
    public void A_concepts_cautions_followed_by_another_caution_are_all_kept()
    {
        var concept = ReadOnlyValueList<Message>.Wrap(new[] { new Message("test.caution.a"), new Message("test.caution.b") });

        var shared = Build(b => b.Cautions(concept).Applies(Summary));
        var extended = Build(b => b.Cautions(concept).Caution(new Message("test.caution.c")).Applies(Summary));

        Assert.Equal(concept, shared.CautionMessages);
        Assert.Equal(new[] { new Message("test.caution.a"), new Message("test.caution.b"), new Message("test.caution.c") }, extended.CautionMessages);
        Assert.Contains(ResultFlag.Caution, extended.Flags);
    }

    [Fact]
    public void Nothing_shared_by_one_result_reaches_the_next_result_built_on_the_thread()
    {
        var concept = ReadOnlyValueList<Finding>.Wrap(new[] { A, B });
        var missing = ReadOnlyValueList<string>.Wrap(new[] { "fact.x" });
        _ = Build(b => b.Facts(concept).Missing(missing).Insufficient(Summary));

        var next = Build(b => b.Facts(C).Missing("fact.y").Insufficient(Summary));

        Assert.Equal(new[] { C }, next.Findings);
        Assert.Equal(new[] { "fact.y" }, next.Missing);
        Assert.Empty(next.CautionMessages);
    }

    // Rents the thread's builder as an evaluator does and gives it back once the result is built.
    private static RecommendationResult Build(System.Func<ResultBuilder, RecommendationResult> decide)
    {
        var builder = ResultBuilder.Rent(Recommendation);
        try
        {
            return decide(builder);
        }
        finally
        {
            builder.Release();
        }
    }
}
