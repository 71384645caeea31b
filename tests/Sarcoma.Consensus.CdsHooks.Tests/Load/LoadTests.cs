using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime;
using System.Threading;
using Sarcoma.Consensus.CdsHooks.Tests.Support;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.CdsHooks.Tests.Load;

/// <summary>
/// A bounded load on the in-process test server: 2,000 hook calls with prefetch, 16 at a time, after a warm-up at the same
/// concurrency that lasts until the JIT has (nearly) nothing left to compile: at least 400 calls, then batches of 160, each
/// followed by a pause until the JIT is idle, until three in a row each compile fewer than 10 methods, at most 4,000 calls.
/// A service that has answered a few thousand hooks runs optimised (tier-1) code; on a busy machine the JIT's background tier-up lags far behind the calls, and a fixed short
/// warm-up left it compiling through the measurement (a quarter of the CPU samples in one profile). Reports p50/p99
/// latency, the process CPU time per call (client and server together: a figure the machine's other load disturbs less
/// than latency), the methods the JIT still compiled during the measurement, the garbage collections and their pauses,
/// and the load average, in the test output (run with <c>--logger "console;verbosity=detailed"</c>, and with
/// <c>-c Release</c> as a service runs); asserts no errors, never a timing.
/// </summary>
public sealed class LoadTests : IDisposable
{
    private const int Requests = 2000;
    private const int Concurrency = 16;
    private const int WarmUpMin = 400;
    private const int WarmUpMax = 4000;
    private const int WarmUpBatch = 160;
    private const int JitSettled = 10;
    private const int QuietBatchesToSettle = 3;
    private readonly CdsHooksFactory factory = new();
    private readonly ITestOutputHelper output;

    public LoadTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public void Dispose() => factory.Dispose();

    // The 16 callers run on the thread pool (Task.Run), not in xUnit's test synchronisation context: under that context every
    // await of a caller resumed through xUnit's AsyncTestSyncContext, which starts a new thread for each continuation (a perf
    // profile of PerCallCostTests showed Thread.StartCore and clone3 under AsyncTestSyncContext.Post).
    [Fact]
    public async System.Threading.Tasks.Task Two_thousand_hook_calls_at_concurrency_16_have_no_errors()
    {
        var client = factory.CreateClient();
        // Encoded once; the response is checked on its bytes: the client's own work per call (encoding a 12 KB request,
        // decoding the response to a string) shares the 2 cores with the service and is no part of it.
        var body = System.Text.Encoding.UTF8.GetBytes(Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")).ToJsonString());
        async System.Threading.Tasks.Task<int> RunAsync(int count)
        {
            var failures = 0;
            var next = -1;
            await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => System.Threading.Tasks.Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    using var response = await client.PostAsync(CdsHooksFactory.HookPath, Http.Json(body));
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            })));
            return failures;
        }

        // After each warm-up batch the calls pause until the JIT has stopped compiling (JitDrainedAsync): the tier-1
        // recompilations run on one background thread, which 16 back-to-back callers on 2 cores starved, so it was still
        // working through the methods first called in the first batch thousands of calls later, and during the measurement
        // (JIT_LOG=1 showed them: tier-1 recompilations of ordinary methods, no dynamic methods, almost no new tier-0 code
        // after the first batch). A service gets that idle time between bursts of hooks; the measurement is of such a service.
        // Settled means several quiet batches in a row: tier-1 recompilation comes in bursts after a delay, so one quiet
        // batch could end the warm-up while the JIT still had about 2,000 methods to compile in the measurement.
        // JIT_LOG=1: the methods compiled (the warm-up's first-time compilations, then all of the measurement's) in the output.
        using var jitLog = Environment.GetEnvironmentVariable("JIT_LOG") == "1" ? new JitLog { On = true } : null;
        // LOAD_FIXED_WARMUP=1: the full 4,000 warm-up calls whatever the JIT does, to compare runtime settings on equal terms.
        var fixedWarmUp = Environment.GetEnvironmentVariable("LOAD_FIXED_WARMUP") == "1";
        // LOAD_NO_JIT_DRAIN=1: no pause after a warm-up batch (the warm-up before stop 22), for comparison.
        var noDrain = Environment.GetEnvironmentVariable("LOAD_NO_JIT_DRAIN") == "1";
        var warmUpJit = string.Empty;
        var warmUp = 0;
        var quietBatches = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (true)
        {
            Assert.Equal(0, await RunAsync(WarmUpBatch));
            warmUp += WarmUpBatch;
            if (!noDrain)
            {
                await JitDrainedAsync();
            }

            var newlyCompiled = JitInfo.GetCompiledMethodCount() - compiled;
            compiled += newlyCompiled;
            quietBatches = newlyCompiled < JitSettled ? quietBatches + 1 : 0;
            if (jitLog is not null)
            {
                warmUpJit = FormattableString.Invariant($"JIT in warm-up calls {warmUp - WarmUpBatch + 1}-{warmUp}:") + Environment.NewLine + jitLog.Report(30, tier0Only: true);
                output.WriteLine(warmUpJit.Split(Environment.NewLine)[0] + " " + warmUpJit.Split(Environment.NewLine)[1].Trim() + " | " + warmUpJit.Split(Environment.NewLine)[2].Trim());
                jitLog.Reset();
            }

            if (warmUp >= WarmUpMax || (warmUp >= WarmUpMin && quietBatches >= QuietBatchesToSettle && !fixedWarmUp))
            {
                break;
            }
        }

        if (jitLog is not null)
        {
            output.WriteLine("The last warm-up batch, methods compiled at tier 0:" + Environment.NewLine + warmUpJit);
        }

        var loadBefore = LoadAverage();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var gcPause = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var latencies = new double[Requests];
        var errors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => System.Threading.Tasks.Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(CdsHooksFactory.HookPath, Http.Json(body));
                    var answer = await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode || answer.AsSpan().IndexOf("\"cards\":[{"u8) < 0)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })).ToArray();
        await System.Threading.Tasks.Task.WhenAll(workers);
        total.Stop();
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Requests;
        var jitDuring = JitInfo.GetCompiledMethodCount() - jitMethods;
        if (jitLog is not null)
        {
            jitLog.On = false;
        }

        var gc = FormattableString.Invariant($"GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen0/1/2), paused {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:0} ms ({(GCSettings.IsServerGC ? "server" : "workstation")})");

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(Requests - 1, (int)Math.Ceiling(p * Requests) - 1)];
        var summary = FormattableString.Invariant(
            $"CDS Hooks load ({Configuration} build): {Requests} requests, concurrency {Concurrency}, prefetch supplied (metachronous-liver-omd): p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms, {Requests / total.Elapsed.TotalSeconds:0} requests/s, {errors} errors; CPU {cpuPerCall:0.0} ms per call (client and server); after {warmUp} warm-up calls, {jitDuring} methods JIT-compiled during the measurement; {gc}; {Environment.ProcessorCount} cores, load average {loadBefore} before, {LoadAverage()} after");
        if (jitLog is not null)
        {
            summary += Environment.NewLine + "JIT during the measurement:" + Environment.NewLine + jitLog.Report(60);
        }

        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.Equal(0, errors);
    }

    // Waits (at most 10 s) until the JIT has compiled nothing for 300 ms: the tier-1 queue has drained.
    private static async System.Threading.Tasks.Task JitDrainedAsync()
    {
        var waited = Stopwatch.StartNew();
        var count = JitInfo.GetCompiledMethodCount();
        var quiet = 0;
        while (quiet < 3 && waited.Elapsed.TotalSeconds < 10)
        {
            await System.Threading.Tasks.Task.Delay(100);
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == count ? quiet + 1 : 0;
            count = now;
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    // The 1-minute load average (Linux), to judge how much else the machine was running; "n/a" elsewhere.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
