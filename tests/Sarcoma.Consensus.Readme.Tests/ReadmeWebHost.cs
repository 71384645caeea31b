using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime.Text;
using Sarcoma.Consensus.AspNetCore.Tests;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Readme.Tests;

/// <summary>
/// Runs the README's minimal API as written, on ASP.NET Core's TestServer instead of Kestrel: listens to the
/// "Microsoft.Extensions.Hosting" diagnostic events that every host writes while it is built (the hook
/// <c>WebApplicationFactory</c> uses), swaps the server, the lifetime and the loggers in when the program builds its
/// host, and hands the host over when it has started. Only the first host built after construction is taken.
/// </summary>
internal sealed class ReadmeWebHost : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = new();
    private readonly TaskCompletionSource<IHost> built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int building;

    public ReadmeWebHost() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Gets every log entry of the README's host.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Waits until the program has built and started its host; fails if the program ends or throws first.</summary>
    public async Task<IHost> StartedAsync(Task program)
    {
        var first = await Task.WhenAny(built.Task, program).WaitAsync(Patience);
        if (first == program)
        {
            await program; // rethrows what the program threw
            Assert.Fail("The README program ended without running its minimal API (app.Run()).");
        }

        var host = await built.Task;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        var ready = await Task.WhenAny(started.Task, program).WaitAsync(Patience);
        if (ready == program)
        {
            await program;
            Assert.Fail("The README program's host stopped before it started.");
        }

        return host;
    }

    /// <summary>
    /// Sends the requests the README's comments answer: a valid document (200, the report with the document's label), an
    /// invalid one and an empty body (one 400 each, naming every field), a body that is not JSON (415).
    /// </summary>
    public static async Task AssertMinimalApiAnswersAsPromisedAsync(IHost host, string samplePath)
    {
        using var client = ((TestServer)host.Services.GetRequiredService<IServer>()).CreateClient();

        var json = File.ReadAllText(samplePath);
        using (var response = await client.PostAsync("/evaluate", new StringContent(json, Encoding.UTF8, "application/json")))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var asOf = LocalDatePattern.Iso.Parse(JsonNode.Parse(body)!["asOf"]!.GetValue<string>()).Value;
            var document = PatientJson.ParseDocument(json);
            var expected = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(document.Patient, asOf), ReportJsonOptions.Default.For(document));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), "The README endpoint's report differs from ReportJson's:\n" + body);
            Assert.Equal(document.Label, JsonNode.Parse(body)!["label"]?.GetValue<string>());
        }

        using (var response = await client.PostAsync("/evaluate", new StringContent("ecog=1", Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, body);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("The request body is not JSON.", problem.GetProperty("title").GetString()); // as the README says
            Assert.Equal("$", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        }

        var invalid = """{"label":"SECRET-LABEL","clinical":{"ecog":9,"ecogScore":1},"metastases":{"lesions":[{"site":"liver","sizeMm":-37.5}]}}""";
        using (var response = await client.PostAsync("/evaluate", new StringContent(invalid, Encoding.UTF8, "application/json")))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            var fields = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { "clinical.ecog", "clinical.ecogScore", "metastases.lesions[0].sizeMm" }, fields.ToArray());
            Assert.DoesNotContain("SECRET-LABEL", body, StringComparison.Ordinal);
            Assert.DoesNotContain("37.5", body, StringComparison.Ordinal);
        }

        using (var response = await client.PostAsync("/evaluate", new StringContent(string.Empty, Encoding.UTF8, "application/json")))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal("$", Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject()).Name);
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "HostBuilding" && value.Value is IHostBuilder builder && Interlocked.Exchange(ref building, 1) == 0)
        {
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IServer, TestServer>();
                services.AddSingleton<IHostLifetime, QuietLifetime>();
                services.AddLogging(logging =>
                {
                    logging.ClearProviders();
                    logging.SetMinimumLevel(LogLevel.Trace);
                    logging.AddProvider(Logs);
                });
            });
        }
        else if (value.Key == "HostBuilt" && value.Value is IHost host)
        {
            built.TrySetResult(host);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>A host lifetime that neither listens to Ctrl+C and SIGTERM nor prints, in place of the console's.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
