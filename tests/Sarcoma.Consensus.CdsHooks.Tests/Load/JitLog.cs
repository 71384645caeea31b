using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Sarcoma.Consensus.CdsHooks.Tests.Load;

// For LoadTests with JIT_LOG=1: the methods the JIT compiles while On, with their optimisation tier (the runtime's
// MethodLoadVerbose event of the JIT keyword), to tell ordinary tier-up from code made per call (dynamic methods, new
// generic instantiations). A measurement aid; asserts nothing.
internal sealed class JitLog : EventListener
{
    private const long JitKeyword = 0x10;
    private const long CompilationKeyword = 0x1000000000;
    private const int DynamicFlag = 0x1;
    private const int GenericFlag = 0x2;
    private readonly ConcurrentDictionary<string, int> methods = new();
    private readonly ConcurrentDictionary<string, int> tiers = new();
    private readonly ConcurrentDictionary<string, int> tiering = new();
    public volatile bool On;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)(JitKeyword | CompilationKeyword));
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || e.Payload is null)
        {
            return;
        }

        if (e.EventName.StartsWith("TieredCompilation", StringComparison.Ordinal))
        {
            // Settings, Pause (new tier-0 activity delays call counting), Resume, BackgroundJitStart/Stop (the tier-1 worker).
            var name = e.EventName["TieredCompilation".Length..];
            tiering.AddOrUpdate(name, 1, (_, n) => n + 1);
            // Resume: the methods first called during the pause; BackgroundJitStop: the methods the tier-1 worker compiled.
            foreach (var count in new[] { "NewMethodCount", "JittedMethodCount" })
            {
                if (e.PayloadNames!.IndexOf(count) is var i and >= 0)
                {
                    var n = Convert.ToInt32(e.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    tiering.AddOrUpdate(name + " " + count, n, (_, sum) => sum + n);
                }
            }

            return;
        }

        if (!e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal))
        {
            return;
        }

        string Field(string name) => e.PayloadNames!.IndexOf(name) is var i and >= 0 ? e.Payload[i]?.ToString() ?? string.Empty : string.Empty;
        var flags = Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
        // MethodFlags bits 7-9: the JIT's optimisation tier (the runtime's JitOptimizationTier, eventtrace.cpp).
        var tier = ((flags >> 7) & 0x7) switch
        {
            1 => "MinOpt",
            2 => "Optimized",
            3 => "Tier0",
            4 => "Tier1",
            5 => "Tier1-OSR",
            6 => "Tier0-instrumented",
            7 => "Tier1-instrumented",
            _ => "unknown",
        };
        var kind = (flags & DynamicFlag) != 0 ? " [dynamic]" : (flags & GenericFlag) != 0 ? " [generic]" : string.Empty;
        tiers.AddOrUpdate(tier + kind, 1, (_, n) => n + 1);
        methods.AddOrUpdate(tier + kind + " " + Field("MethodNamespace") + "::" + Field("MethodName"), 1, (_, n) => n + 1);
    }

    public void Reset()
    {
        methods.Clear();
        tiers.Clear();
        tiering.Clear();
    }

    public string Report(int top, bool tier0Only = false) =>
        "  tiering events: " + string.Join(", ", tiering.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " " + p.Value)) + Environment.NewLine +
        "  by tier: " + string.Join(", ", tiers.OrderByDescending(p => p.Value).Select(p => p.Key + " " + p.Value)) + Environment.NewLine +
        string.Join(Environment.NewLine, methods.Where(p => !tier0Only || p.Key.StartsWith("Tier0", StringComparison.Ordinal)).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top).Select(p => $"    {p.Value,5} {p.Key}"));
}
