using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Sarcoma.Consensus.CdsHooks.Cards;
using Sarcoma.Consensus.CdsHooks.Data;
using Sarcoma.Consensus.CdsHooks.Protocol;
using Sarcoma.Consensus.CdsHooks.Tests.Support;
using Sarcoma.Consensus.Fhir.Mapping;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.CdsHooks.Tests.Load;

/// <summary>
/// The cost of one hook call, step by step, one call at a time: allocated bytes per call (this thread's allocations, or the
/// process's for the whole POST) and process CPU time per call, after a warm-up. Figures that other processes on the machine
/// disturb little, unlike latency (README, "Latency"). Prints them (run with <c>--logger "console;verbosity=detailed"</c> and
/// <c>-c Release</c>); asserts only that the pipeline answers cards, never a time or a size. Two switches for
/// investigation: <c>ALLOC_SAMPLE=1</c> adds, per step, the types allocated (<see cref="AllocSampler"/>); <c>STEP_LOOP=name</c>
/// runs only the step whose name starts so, for 40 s, without printing figures, for a profiler such as <c>perf</c>
/// (<c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0</c>).
/// </summary>
public sealed class PerCallCostTests : IDisposable
{
    private const int WarmUp = 400;
    private const int Iterations = 400;
    private readonly CdsHooksFactory factory = new();
    private readonly ITestOutputHelper output;

    public PerCallCostTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public void Dispose() => factory.Dispose();

    // On the thread pool, outside xUnit's test synchronisation context: under it the steps that wait on the test server
    // (GetAwaiter().GetResult()) had their awaits resume through xUnit's AsyncTestSyncContext, which starts a new thread for
    // each continuation, and the whole-POST rows counted that thread creation (see LoadTests).
    [Fact]
    public System.Threading.Tasks.Task Each_step_of_a_hook_call_is_measured_one_call_at_a_time() => System.Threading.Tasks.Task.Run(MeasureAsync);

    private async System.Threading.Tasks.Task MeasureAsync()
    {
        var client = factory.CreateClient();
        var body = Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")).ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var resolver = factory.Services.GetRequiredService<PatientDataResolver>();
        var evaluator = factory.Services.GetRequiredService<IConsensusEvaluator>();
        var today = new LocalDate(2026, 11, 26);
        var mapper = new McodeMapper(new McodeMapperOptions { AsOf = today });

        using var document = JsonDocument.Parse(bytes);
        var request = HookRequest.Read(document.RootElement, new List<string>())!;
        var data = await resolver.ResolveAsync(request, default);
        var mapping = mapper.Map(data.Resources);
        var report = evaluator.Evaluate(mapping.Patient, today);
        var context = new CardContext("https://x.test/r?token=t", "https://x.test/q?token=t", data.Unavailable);
        var cards = CardComposer.Compose(report, mapping.Patient with { Metastases = mapping.Patient.Metastases! with { Lesions = mapping.PendingLesions } }, request.PatientId, request.HookInstance, context);
        Assert.NotEmpty(cards);

        var lines = new List<string> { FormattableString.Invariant($"Per call, one at a time ({Configuration} build, {Iterations} calls after {WarmUp}; request {bytes.Length / 1024.0:0.0} KB):") };
        void Step(string name, Action action, bool wholeProcess = false)
        {
            if (Environment.GetEnvironmentVariable("STEP_LOOP") is { } only)
            {
                if (name.StartsWith(only, StringComparison.Ordinal))
                {
                    var until = Stopwatch.StartNew();
                    while (until.Elapsed.TotalSeconds < 40)
                    {
                        action();
                    }
                }

                return;
            }

            for (var i = 0; i < WarmUp; i++)
            {
                action();
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = wholeProcess ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Iterations; i++)
            {
                action();
            }

            var bytesPerCall = ((wholeProcess ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread()) - allocated) / (double)Iterations;
            var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Iterations;
            lines.Add(FormattableString.Invariant($"  {name,-34} CPU {cpuPerCall,6:0.000} ms  allocated {bytesPerCall / 1024.0,7:0.0} KB"));
            if (Environment.GetEnvironmentVariable("ALLOC_SAMPLE") == "1")
            {
                using var sampler = new AllocSampler();
                sampler.On = true;
                for (var i = 0; i < Iterations; i++)
                {
                    action();
                }

                sampler.On = false;
                lines.Add(sampler.Top(14));
            }
        }

        Step("body JsonDocument parse", () => JsonDocument.Parse(bytes).Dispose());
        Step("HookRequest.Read", () => HookRequest.Read(document.RootElement, new List<string>()));
        Step("prefetch (PatientDataResolver)", () => resolver.ResolveAsync(request, default).GetAwaiter().GetResult());
        var prefetchValues = request.Prefetch.Values.Where(v => v.ValueKind == JsonValueKind.Object).ToArray();
        Step("  of which FhirJson.CheckText", () =>
        {
            foreach (var value in prefetchValues)
            {
                Sarcoma.Consensus.Fhir.Input.FhirJson.CheckText(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));
            }
        });
        Step("McodeMapper.Map", () => mapper.Map(data.Resources));
        Step("Evaluate", () => evaluator.Evaluate(mapping.Patient, today));
        Step("CardComposer.Compose", () => CardComposer.Compose(report, mapping.Patient with { Metastases = mapping.Patient.Metastases! with { Lesions = mapping.PendingLesions } }, request.PatientId, request.HookInstance, context));
        Step("cards response serialised", () => JsonSerializer.SerializeToUtf8Bytes(new CardsResponse(cards), CdsJson.Options));
        var hookLogger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sarcoma.Consensus.CdsHooks.Hook");
        Step("hook log line, scope (console+sink)", () =>
        {
            using (hookLogger.BeginScope(new Dictionary<string, object> { ["hookInstance"] = request.HookInstance.ToString("D"), ["serviceId"] = CdsHooksFactory.ServiceId }))
            {
                Log.HookAnswered(hookLogger, request.Hook, cards.Count, 1.5, 10, 0, 0, "yes");
            }
        });
        Step("whole POST (test server, client too)", () =>
        {
            using var response = client.PostAsync(CdsHooksFactory.HookPath, Http.Json(body)).GetAwaiter().GetResult();
            Assert.True(response.IsSuccessStatusCode);
            _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }, wholeProcess: true);
        Step("  the same, body sent as UTF-8 bytes", () =>
        {
            using var response = client.PostAsync(CdsHooksFactory.HookPath, Http.Json(bytes)).GetAwaiter().GetResult();
            Assert.True(response.IsSuccessStatusCode);
            _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }, wholeProcess: true);
        Step("GET /cds-services (fixed cost)", () =>
        {
            using var response = client.GetAsync("/cds-services").GetAwaiter().GetResult();
            _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }, wholeProcess: true);

        var text = string.Join(Environment.NewLine, lines);
        output.WriteLine(text);
        Console.WriteLine(text);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
