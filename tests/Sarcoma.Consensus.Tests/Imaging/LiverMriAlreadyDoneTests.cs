using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Imaging;

/// <summary>
/// Recommendation 4.2 asks only for facts that can change its answer (clinical review F10): once hepatic MRI is done,
/// whether a lesion is of uncertain origin no longer changes what to do, so the origin facts are not asked for; before it
/// is done (or when that is not recorded) they are. An unknown fact never makes 4.2 "does not apply".
/// </summary>
public sealed class LiverMriAlreadyDoneTests
{
    private static readonly string[] OriginFacts = { FactNames.HccRiskFactors, FactNames.ColorectalCancerHistory, FactNames.OtherCancerHistory };

    private readonly LiverMriEvaluator liverMri = new();

    [Fact]
    public void With_the_MRI_done_the_origin_facts_are_not_asked_and_4_2_is_answered()
    {
        var result = liverMri.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded());

        Assert.Equal(EvaluationStatus.Applies, result.Status);
        Assert.Empty(result.Missing);
        Assert.Contains("has been done, which answers 4.2", result.Summary, System.StringComparison.Ordinal);
        Assert.Contains("it has already been done", result.Summary, System.StringComparison.Ordinal);
        Assert.Empty(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded().Context().ImagingPlan.LiverMri.Missing);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Without_the_MRI_done_the_origin_facts_are_asked(bool? done)
    {
        var result = liverMri.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasisOriginUnrecorded().WithStaging(contrastCt: true, liverMri: done));

        Assert.Equal(EvaluationStatus.InsufficientData, result.Status);
        Assert.Contains(result.Missing, OriginFacts.Contains);
    }

    [Fact]
    public void With_the_origin_known_not_in_doubt_and_the_MRI_done_4_2_still_does_not_apply()
    {
        var result = liverMri.Evaluate(Vignettes.ShortDfiMetachronousLiverMetastasis());

        Assert.Equal(EvaluationStatus.DoesNotApply, result.Status);
    }
}
