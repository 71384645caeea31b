using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// An integrator fetches what <c>DataRequirements</c> declares: every fact an evaluator names as missing or as
/// decisive must therefore be declared. Checked over every vignette and an empty record.
/// </summary>
public sealed class DataRequirementsTests
{
    public static IEnumerable<object[]> Patients() =>
        typeof(Vignettes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
            .OrderBy(m => m.Name, System.StringComparer.Ordinal)
            .Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(Patients))]
    public void Every_fact_an_evaluator_names_is_a_declared_data_requirement(string vignette)
    {
        var builder = (PatientBuilder)typeof(Vignettes).GetMethod(vignette)!.Invoke(null, null)!;
        var context = builder.Context();
        var problems = new List<string>();
        foreach (var evaluator in EvaluatorRegistry.All)
        {
            var result = evaluator.Evaluate(context);
            var named = result.Missing.Concat(result.Findings.Select(f => f.Fact))
                .Where(f => !f.StartsWith("derived.", System.StringComparison.Ordinal))
                .Select(f => Regex.Replace(f, @"\[\d+\]", "[]"));
            var undeclared = named.Except(evaluator.DataRequirements).ToArray();

            if (undeclared.Length > 0)
            {
                problems.Add($"{evaluator.Recommendation.Id} names undeclared facts: {string.Join(", ", undeclared)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_declared_requirement_is_a_known_fact_name()
    {
        var known = typeof(FactNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet();

        foreach (var evaluator in ConsensusEngine.Default.Evaluators)
        {
            Assert.All(evaluator.DataRequirements, r => Assert.Contains(r, known));
        }
    }
}
