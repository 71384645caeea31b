using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Biopsy;

/// <summary>
/// s22 F3. 3.1 ("could be considered … if a preoperative systemic treatment approach is proposed") for a patient already
/// on systemic therapy: a biopsy can no longer precede that treatment, but whether one was taken before it started is not
/// recorded, and the wording says so instead of calling the question moot.
/// </summary>
public sealed class BiopsyBeforeCurrentTherapyTests
{
    [Fact]
    public void On_systemic_therapy_now_3_1_says_whether_a_biopsy_preceded_it_is_not_recorded()
    {
        var report = new ConsensusEngine().Evaluate(
            Vignettes.MetachronousLiverOnlyOmd()
                .WithSystemicTherapy(received: true, response: TreatmentResponse.StableDisease, ongoing: true)
                .WithOriginUncertainty(hccRiskFactors: false, colorectalCancerHistory: false, otherCancerHistory: false)
                .Build(),
            Vignettes.AsOf);
        var biopsy = report["3.1"]!;

        Assert.Equal(EvaluationStatus.Applies, biopsy.Status);
        Assert.Contains("whether one was taken before it started is not recorded", biopsy.Summary, System.StringComparison.Ordinal);
        Assert.DoesNotContain("no longer the question", biopsy.Summary, System.StringComparison.Ordinal);
    }
}
