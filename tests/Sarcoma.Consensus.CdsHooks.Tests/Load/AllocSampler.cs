using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Sarcoma.Consensus.CdsHooks.Tests.Load;

// For PerCallCostTests with ALLOC_SAMPLE=1: samples allocations by type (the runtime's AllocationTick event, about one per 100 KB
// allocated), to show which types a step allocates. A measurement aid; asserts nothing.
internal sealed class AllocSampler : EventListener
{
    public readonly ConcurrentDictionary<string, long> ByType = new();
    public volatile bool On;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName != "GCAllocationTick_V4" || e.Payload is null)
        {
            return;
        }

        var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i]?.ToString() ?? "?" : "?";
        ByType.AddOrUpdate(name, 1, (_, n) => n + 1);
    }

    public string Top(int n) => string.Join("\n", ByType.OrderByDescending(p => p.Value).Take(n).Select(p => $"    {p.Value,5} {p.Key}"));
}
