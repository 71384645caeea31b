using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Sarcoma.Consensus.Benchmarks -- --agree [count] [seed]</c>: checks that
/// the hand-written floor, the RulesEngine workflow and the NRules rules give the engine's status for each of the 9
/// decisions, for every sample patient and a generated cohort (default 5,000 patients, seed 12). Every patient is
/// counted: rejected by the parser/validator, out of scope (the engine evaluates nothing), or compared. Exit code 1 on
/// any disagreement, so the benchmarks measure code that computes the same thing.
/// </summary>
public static class Agreement
{
    /// <summary>Runs the check.</summary>
    public static int Run(string repositoryRoot, int count, int seed)
    {
        var engine = new ConsensusEngine();
        var rulesEngine = new RulesEngineDecisions();
        var nrules = new NRulesDecisions();
        var facts = new DecisionFacts();
        var floor = new EvaluationStatus[9];
        var inputs = Directory.GetFiles(Path.Combine(repositoryRoot, "samples", "patients"), "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Json: File.ReadAllText(f)))
            .Concat(Cohort.Lines(count, seed).Select((json, i) => (Name: "cohort #" + i, Json: json)))
            .ToList();
        int rejected = 0, outOfScope = 0, compared = 0;
        var disagreements = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var tally = new int[9, 3];
        foreach (var (name, json) in inputs)
        {
            Patient patient;
            ConsensusReport report;
            try
            {
                patient = PatientJson.Parse(json);
                report = engine.Evaluate(patient, Cohort.AsOf);
            }
            catch (Exception e) when (e is PatientJsonException or PatientValidationException)
            {
                rejected++;
                continue;
            }

            if (report.Scope.InScope == false)
            {
                outOfScope++;
                continue;
            }

            compared++;
            HandWrittenDecisions.Evaluate(patient, facts, floor);
            var re = rulesEngine.Evaluate(patient);
            var nr = nrules.Evaluate(patient);
            for (var i = 0; i < 9; i++)
            {
                var expected = report.Results.Single(r => r.Recommendation.Id == DecisionFacts.Ids[i]).Status;
                tally[i, (int)expected]++;
                foreach (var (who, got) in new[] { ("floor", floor[i]), ("RulesEngine", re[i]), ("NRules", nr[i]) })
                {
                    if (got != expected)
                    {
                        var key = DecisionFacts.Ids[i] + " " + who;
                        if (!disagreements.TryGetValue(key, out var list))
                        {
                            disagreements[key] = list = new List<string>();
                        }

                        list.Add($"{name}: engine {expected}, {who} {got}");
                    }
                }
            }
        }

        Console.WriteLine($"Agreement check: {inputs.Count} patients ({inputs.Count - count} samples + {count} generated, seed {seed}): "
            + $"{compared} compared, {outOfScope} out of scope (the engine evaluates nothing), {rejected} rejected by validation.");
        for (var i = 0; i < 9; i++)
        {
            Console.WriteLine($"  {DecisionFacts.Ids[i]}: engine applies {tally[i, 0]}, does not apply {tally[i, 1]}, insufficient data {tally[i, 2]}");
        }

        foreach (var (key, list) in disagreements.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"DISAGREE {key}: {list.Count} patients, e.g. {string.Join(" | ", list.Take(3))}");
        }

        Console.WriteLine(disagreements.Count == 0 ? "All three baselines agree with the engine on every status." : "Disagreements found.");
        return disagreements.Count == 0 ? 0 : 1;
    }
}
