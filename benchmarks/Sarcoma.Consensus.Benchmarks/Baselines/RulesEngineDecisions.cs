using System.Collections.Generic;
using System.Linq;
using RulesEngine.Models;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>The 9 decisions as a Microsoft RulesEngine 6.0.1 workflow of 18 lambda-expression rules (<see cref="RuleTexts"/>).</summary>
public sealed class RulesEngineDecisions
{
    private const string WorkflowName = "decisions";
    private readonly RulesEngine.RulesEngine engine;

    /// <summary>Builds (and compiles, on first use) the workflow.</summary>
    public RulesEngineDecisions()
    {
        var rules = new List<Rule>();
        for (var i = 0; i < RuleTexts.Conditions.Length; i++)
        {
            rules.Add(new Rule { RuleName = DecisionFacts.Ids[i] + "/applies", Expression = RuleTexts.Conditions[i].Applies, RuleExpressionType = RuleExpressionType.LambdaExpression });
            rules.Add(new Rule { RuleName = DecisionFacts.Ids[i] + "/does-not-apply", Expression = RuleTexts.Conditions[i].DoesNotApply, RuleExpressionType = RuleExpressionType.LambdaExpression });
        }

        var workflow = new Workflow { WorkflowName = WorkflowName, Rules = rules };
        engine = new RulesEngine.RulesEngine(new[] { workflow }, new ReSettings());
    }

    /// <summary>Extracts the facts and runs the workflow; the statuses are in <see cref="DecisionFacts.Ids"/> order.</summary>
    public EvaluationStatus[] Evaluate(Patient patient)
    {
        var facts = new DecisionFacts();
        DecisionFacts.Extract(patient, facts);
        var results = engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("f", facts)).AsTask().GetAwaiter().GetResult();
        var statuses = Enumerable.Repeat(EvaluationStatus.InsufficientData, 9).ToArray();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].IsSuccess)
            {
                statuses[i / 2] = i % 2 == 0 ? EvaluationStatus.Applies : EvaluationStatus.DoesNotApply;
            }
        }

        return statuses;
    }
}
