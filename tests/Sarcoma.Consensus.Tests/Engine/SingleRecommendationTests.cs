using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NodaTime;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Evaluating one recommendation is an API call on the engine (<c>Evaluate(patient, asOf, id)</c>), not a reason to expose
/// evaluator classes; the evaluators come from an explicit registry, and implementation types stay internal.
/// </summary>
public sealed class SingleRecommendationTests
{
    public static IEnumerable<object[]> Patients() => DataRequirementsTests.Patients();

    [Theory]
    [MemberData(nameof(Patients))]
    public void One_recommendation_gives_the_same_result_as_the_whole_report(string vignette)
    {
        var patient = ((PatientBuilder)typeof(Vignettes).GetMethod(vignette)!.Invoke(null, null)!).Build();
        var report = ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf);

        foreach (var recommendation in RecommendationCatalog.All)
        {
            var single = ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf, recommendation.Id);
            var whole = report[recommendation.Id];

            if (whole is null)
            {
                Assert.Null(single);
                continue;
            }

            Assert.NotNull(single);
            Assert.Equivalent(ResultSnapshot.View(whole), ResultSnapshot.View(single!), strict: true);
            Assert.Equal(whole.Findings, single!.Findings);
            Assert.Equal(whole.SummaryMessage, single.SummaryMessage);
            Assert.Equal(whole.CautionMessages, single.CautionMessages);
        }
    }

    [Fact]
    public void An_out_of_scope_patient_gets_no_result_rather_than_a_guess()
    {
        var gist = Patient.Builder().WithPrimary(Histology.Gist, PrimarySite.IntraAbdominalVisceral, diagnosedOn: new LocalDate(2021, 3, 1)).Build();

        Assert.Null(ConsensusEngine.Default.Evaluate(gist, Vignettes.AsOf, "5.3"));
        Assert.Empty(ConsensusEngine.Default.Evaluate(gist, Vignettes.AsOf).Results);
    }

    [Fact]
    public void An_unknown_or_missing_id_is_an_argument_error_naming_the_parameter()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();

        var unknown = Assert.Throws<ArgumentException>(() => ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf, "14.1"));
        Assert.Equal("recommendationId", unknown.ParamName);
        var missing = Assert.Throws<ArgumentNullException>(() => ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf, null!));
        Assert.Equal("recommendationId", missing.ParamName);
    }

    [Fact]
    public void An_invalid_patient_is_rejected_as_by_the_whole_evaluation()
    {
        var patient = Vignettes.MetachronousLiverOnlyOmd().Build();
        var tooEarly = new LocalDate(2020, 1, 1);

        var whole = Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, tooEarly));
        var single = Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, tooEarly, "5.3"));
        Assert.Equal(whole.Errors, single.Errors);
    }

    [Fact]
    public void The_registry_answers_every_catalog_entry_once_in_catalog_order()
    {
        Assert.Equal(RecommendationCatalog.All.Select(r => r.Id), EvaluatorRegistry.All.Select(e => e.Recommendation.Id));
        Assert.Equal(EvaluatorRegistry.All.Count, EvaluatorRegistry.All.Select(e => e.GetType()).Distinct().Count());
        Assert.Throws<InvalidOperationException>(() => EvaluatorRegistry.Verify(EvaluatorRegistry.All.Reverse().ToArray()));
        Assert.Throws<InvalidOperationException>(() => EvaluatorRegistry.Verify(EvaluatorRegistry.All.Skip(1).ToArray()));
    }

    [Fact]
    public void The_registry_holds_every_evaluator_class_of_the_assembly()
    {
        // The reflection the engine no longer uses, here only to check the explicit list forgot nothing.
        var declared = typeof(ConsensusEngine).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IRecommendationEvaluator).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        var registered = EvaluatorRegistry.All.Select(e => e.GetType()).OrderBy(t => t.FullName, StringComparer.Ordinal);

        Assert.Equal(declared, registered);
    }

    [Fact]
    public void Implementation_types_are_not_public()
    {
        var exported = typeof(ConsensusEngine).Assembly.GetExportedTypes();

        Assert.DoesNotContain(exported, t => typeof(IRecommendationEvaluator).IsAssignableFrom(t));
        Assert.DoesNotContain(typeof(EvaluationContext), exported);
        Assert.DoesNotContain(typeof(ResultBuilder), exported);
        Assert.Contains(typeof(RecommendationEvaluatorInfo), exported);
        Assert.Contains(typeof(IConsensusEvaluator), exported);
    }

    [Fact]
    public void The_public_description_of_an_evaluator_matches_the_evaluator()
    {
        foreach (var (info, evaluator) in ConsensusEngine.Default.Evaluators.Zip(EvaluatorRegistry.All, (i, e) => (i, e)))
        {
            Assert.Same(evaluator.Recommendation, info.Recommendation);
            Assert.Equal(evaluator.DataRequirements, info.DataRequirements);
            Assert.Equal(evaluator.PossibleStatuses, info.PossibleStatuses);
        }
    }
}
