using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using NodaTime;
using Sarcoma.Consensus.Json;
using Xunit;

// In the Engine namespace, as DerivedConceptsOnceTests (a Tests.Evaluation namespace would hide Sarcoma.Consensus.Evaluation).
namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Issue #12: each thread reuses one result builder (and its working lists) from one evaluator to the next, and the
/// derived concepts share their constant wording. Nothing of one evaluation may reach the next: a report is the same,
/// byte for byte, whether its patient is the first evaluated on a fresh thread or follows every other patient on a
/// thread that has evaluated them all before.
/// </summary>
public sealed class ResultBuilderReuseTests
{
    // Late enough for every bundled patient document (validation rejects dates after the evaluation date).
    private static readonly LocalDate AsOf = new(2026, 11, 1);

    [Fact]
    public void A_report_is_the_same_after_other_patients_on_the_same_thread_as_first_on_a_fresh_thread()
    {
        var patients = Directory.GetFiles(Path.Combine(TraceabilityTests.RepositoryRoot(), "samples", "patients"), "*.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => PatientJson.Parse(File.ReadAllText(p)))
            .ToArray();
        Assert.True(patients.Length >= 5);
        var engine = new ConsensusEngine();

        // One thread, every patient in turn, twice: the second round runs on builders the first one gave back.
        var sequential = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var patient in patients)
            {
                sequential.Add(ReportJson.Serialize(engine.Evaluate(patient, AsOf)));
            }
        }

        for (var i = 0; i < patients.Length; i++)
        {
            var patient = patients[i];
            string? fresh = null;
            var thread = new Thread(() => fresh = ReportJson.Serialize(engine.Evaluate(patient, AsOf)));
            thread.Start();
            thread.Join();
            Assert.NotNull(fresh);
            Assert.Equal(fresh, sequential[i]);
            Assert.Equal(fresh, sequential[patients.Length + i]);
        }
    }
}
