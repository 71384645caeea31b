using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// <c>--alloc-types nine|all</c>: which types the loop allocates, from the runtime's allocation sampling (one
/// <c>GCAllocationTick</c> event per ~100 KB), for finding systemic allocation; not a benchmark.
/// </summary>
public sealed class AllocationTypes : EventListener
{
    private readonly Dictionary<string, long> bytes = new(StringComparer.Ordinal);
    private bool enabled;

    /// <summary>Runs the loop under the listener and prints the top types.</summary>
    public static int Run(string what)
    {
        var patients = HotLoop.Samples();
        var engine = new ConsensusEngine();
        var nine = EvaluatorRegistry.All.Where(e => DecisionFacts.Ids.Contains(e.Recommendation.Id, StringComparer.Ordinal)).ToArray();
        using var listener = new AllocationTypes();
        listener.enabled = true;
        for (var round = 0; round < 20000; round++)
        {
            foreach (var patient in patients)
            {
                if (what == "nine")
                {
                    var context = new EvaluationContext(patient, Cohort.AsOf);
                    foreach (var evaluator in nine)
                    {
                        evaluator.Evaluate(context);
                    }
                }
                else
                {
                    engine.Evaluate(patient, Cohort.AsOf);
                }
            }
        }

        listener.enabled = false;
        lock (listener.bytes)
        {
            var total = listener.bytes.Values.Sum();
            foreach (var (type, sampled) in listener.bytes.OrderByDescending(p => p.Value).Take(40))
            {
                Console.WriteLine($"{100.0 * sampled / total,6:F1} %  {type}");
            }
        }

        return 0;
    }

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!enabled || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.PayloadNames is null)
        {
            return;
        }

        var type = data.Payload![data.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(data.Payload[data.PayloadNames.IndexOf("AllocationAmount")], System.Globalization.CultureInfo.InvariantCulture);
        lock (bytes)
        {
            bytes[type] = bytes.GetValueOrDefault(type) + amount;
        }
    }
}
