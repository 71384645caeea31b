using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Sarcoma.Consensus.DependencyInjection.Tests.Support;

namespace Sarcoma.Consensus.DependencyInjection.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void The_shared_evaluator_gives_identical_results_when_called_in_parallel()
    {
        using var provider = new ServiceCollection().AddSarcomaConsensus().BuildStrictProvider();
        var patients = new[] { DemoPatients.MetachronousLiverOnly(), DemoPatients.DetectedExactlySixMonthsAfterDiagnosis() };
        var expected = patients.Select(p => Signature(provider.GetRequiredService<IConsensusEvaluator>().Evaluate(p, DemoPatients.AsOf))).ToArray();
        var actual = new string[400];

        Parallel.For(
            0,
            actual.Length,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => actual[i] = Signature(provider.GetRequiredService<IConsensusEvaluator>().Evaluate(patients[i % 2], DemoPatients.AsOf)));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % 2], actual[i]);
        }
    }

    [Fact]
    public void The_evaluator_is_built_once_even_when_first_resolved_in_parallel()
    {
        using var provider = new ServiceCollection().AddSarcomaConsensus().BuildStrictProvider();
        var seen = new IConsensusEvaluator[64];

        Parallel.For(0, seen.Length, i => seen[i] = provider.GetRequiredService<IConsensusEvaluator>());

        Assert.Single(seen.Distinct());
    }

    private static string Signature(ConsensusReport report) =>
        string.Join(
            "\n",
            report.Results.Select(r => $"{r.Id}|{r.Status}|{string.Join(",", r.Flags)}|{r.Summary}|{string.Join(",", r.Missing)}|{string.Join(",", r.Findings.Select(f => f.Fact + "=" + f.Value))}"))
        + $"\n{report.Timing?.Timing}|{report.AsOf}";
}
