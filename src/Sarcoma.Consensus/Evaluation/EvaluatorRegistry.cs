using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// The explicit list of evaluators, one per recommendation, in catalog order (Table 5: 1.1 to 13.2). No assembly scanning
/// and no reflection, so trimming and native AOT keep every evaluator. Adding a recommendation means adding its
/// evaluator here; <see cref="Verify"/> (run once, when the registry is first used) fails loudly if the list and the
/// catalog disagree.
/// </summary>
internal static class EvaluatorRegistry
{
    /// <summary>Gets the evaluators, in catalog order.</summary>
    public static IReadOnlyList<IRecommendationEvaluator> All { get; } = Verify(new IRecommendationEvaluator[]
    {
        new Oligometastasis.OligometastaticDiseaseEvaluator(),                     // 1.1
        new Oligometastasis.DiffuseOrganInvolvementEvaluator(),                    // 1.2
        new Timing.SynchronousOligometastaticDiseaseEvaluator(),                   // 2.1
        new Timing.MetachronousOligometastaticDiseaseEvaluator(),                  // 2.2
        new Biopsy.ResectableMetachronousLiverBiopsyEvaluator(),                   // 3.1
        new Biopsy.SynchronousInductionBiopsyEvaluator(),                          // 3.2
        new Biopsy.BiopsyCoreSamplingEvaluator(),                                  // 3.3
        new Imaging.ContrastCtStagingEvaluator(),                                  // 4.1
        new Imaging.LiverMriEvaluator(),                                           // 4.2
        new Imaging.FdgPetCtEvaluator(),                                           // 4.3
        new Indication.TumourBoardBeforeLiverResectionEvaluator(),                 // 5.1
        new Indication.ReferenceCentreLiverResectionEvaluator(),                   // 5.2
        new Indication.MetachronousLiverResectionEvaluator(),                      // 5.3
        new Indication.LiverAndLungOmdResectionEvaluator(),                        // 5.4
        new Indication.BilobarComplexHepatectomyEvaluator(),                       // 5.5
        new SurgicalApproach.R0ResectionGoalEvaluator(),                           // 6.1
        new SurgicalApproach.HpbSurgeonFeasibilityEvaluator(),                     // 6.2
        new SurgicalApproach.ParenchymaSparingResectionEvaluator(),                // 6.3
        new SurgicalApproach.MajorHepatectomyEvaluator(),                          // 6.4
        new SurgicalApproach.MinimallyInvasiveLiverResectionEvaluator(),           // 6.5
        new PreoperativeAssessment.FutureLiverRemnantEvaluator(),                  // 7.1
        new PreoperativeAssessment.PreoperativeRiskAssessmentEvaluator(),          // 7.2
        new SurgicalTiming.MetachronousSurgeryTimingEvaluator(),                   // 8.1
        new SurgicalTiming.SynchronousSystemicFirstEvaluator(),                    // 8.2
        new SurgicalTiming.SynchronousResidualLiverSurgeryEvaluator(),             // 8.3
        new Remetastasectomy.LiverRemetastasectomyEvaluator(),                     // 9.1
        new Remetastasectomy.PreoperativeTherapyForLiverRecurrenceEvaluator(),     // 9.2
        new FocalTherapy.NonSurgicalLocalTherapyReferralEvaluator(),               // 10.1
        new FocalTherapy.DominantLesionFocalTherapyEvaluator(),                    // 10.2
        new InductionTherapy.PreoperativeChemotherapyEvaluator(),                  // 11.1
        new InductionTherapy.IndividualisedPreoperativeChemotherapyEvaluator(),    // 11.2
        new AdjuvantTherapy.AdjuvantTherapyDiscussionEvaluator(),                  // 12.1
        new FollowUp.PostMetastasectomyFollowUpEvaluator(),                        // 13.1
        new FollowUp.CaseByCaseImagingEvaluator(),                                 // 13.2
    });

    /// <summary>Gets the public descriptions of <see cref="All"/>, in the same order.</summary>
    public static IReadOnlyList<RecommendationEvaluatorInfo> Descriptions { get; } =
        All.Select(e => new RecommendationEvaluatorInfo(e)).ToReadOnlyList();

    private static readonly Dictionary<string, IRecommendationEvaluator> ById =
        All.ToDictionary(e => e.Recommendation.Id, StringComparer.Ordinal);

    /// <summary>Finds the evaluator of a recommendation.</summary>
    /// <param name="recommendationId">The catalog id, for example <c>5.3</c>.</param>
    /// <param name="evaluator">The evaluator, when found.</param>
    /// <returns>Whether the catalog has that id.</returns>
    public static bool TryGet(string? recommendationId, out IRecommendationEvaluator evaluator)
    {
        if (recommendationId is not null && ById.TryGetValue(recommendationId, out var found))
        {
            evaluator = found;
            return true;
        }

        evaluator = null!;
        return false;
    }

    /// <summary>Checks that the list answers every catalog entry exactly once, in catalog order.</summary>
    /// <param name="evaluators">The list.</param>
    /// <returns>The list, read-only.</returns>
    /// <exception cref="InvalidOperationException">The list and the catalog disagree (a programming error, caught by any test).</exception>
    internal static IReadOnlyList<IRecommendationEvaluator> Verify(IRecommendationEvaluator[] evaluators)
    {
        var expected = RecommendationCatalog.All.Select(r => r.Id).ToArray();
        var actual = evaluators.Select(e => e.Recommendation.Id).ToArray();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                "The evaluator registry does not match the catalog: expected " + string.Join(", ", expected) + "; registered " + string.Join(", ", actual) + ".");
        }

        return evaluators.ToReadOnlyList();
    }
}
