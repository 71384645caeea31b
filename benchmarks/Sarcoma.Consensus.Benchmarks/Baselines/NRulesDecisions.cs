using NRules;
using NRules.Fluent;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>The 9 decisions as 18 NRules 1.0.4 rules (<see cref="NRulesRules"/>): one session per patient, as a rules service would.</summary>
public sealed class NRulesDecisions
{
    private readonly ISessionFactory factory;

    /// <summary>Loads and compiles the rules.</summary>
    public NRulesDecisions()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(NRulesDecisions).Assembly).To("decisions"));
        factory = repository.Compile();
    }

    /// <summary>Extracts the facts, inserts them and fires; the statuses are in <see cref="DecisionFacts.Ids"/> order.</summary>
    public EvaluationStatus[] Evaluate(Patient patient)
    {
        var facts = new DecisionFacts();
        System.Array.Fill(facts.Statuses, EvaluationStatus.InsufficientData);
        DecisionFacts.Extract(patient, facts);
        var session = factory.CreateSession();
        session.Insert(facts);
        session.Fire();
        return facts.Statuses;
    }
}
