using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Sarcoma.Consensus.CdsHooks.Tests.Support;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.CdsHooks.Tests.Load;

/// <summary>
/// A bounded load on the in-process test server: 2,000 hook calls with prefetch, 16 at a time. Reports p50/p99 latency
/// in the test output (run with <c>--logger "console;verbosity=detailed"</c> to see it); asserts no errors, never a timing.
/// </summary>
public sealed class LoadTests : IDisposable
{
    private const int Requests = 2000;
    private const int Concurrency = 16;
    private readonly CdsHooksFactory factory = new();
    private readonly ITestOutputHelper output;

    public LoadTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Two_thousand_hook_calls_at_concurrency_16_have_no_errors()
    {
        var client = factory.CreateClient();
        var body = Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")).ToJsonString();
        using (var warm = await client.PostAsync(CdsHooksFactory.HookPath, Http.Json(body)))
        {
            Assert.True(warm.IsSuccessStatusCode);
        }

        var latencies = new double[Requests];
        var errors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(CdsHooksFactory.HookPath, Http.Json(body));
                    var text = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || !text.Contains("\"cards\":[{", StringComparison.Ordinal))
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
        }).ToArray();
        await System.Threading.Tasks.Task.WhenAll(workers);
        total.Stop();

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(Requests - 1, (int)Math.Ceiling(p * Requests) - 1)];
        var summary = FormattableString.Invariant(
            $"CDS Hooks load: {Requests} requests, concurrency {Concurrency}, prefetch supplied (metachronous-liver-omd): p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms, {Requests / total.Elapsed.TotalSeconds:0} requests/s, {errors} errors, {Environment.ProcessorCount} cores");
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.Equal(0, errors);
    }
}
