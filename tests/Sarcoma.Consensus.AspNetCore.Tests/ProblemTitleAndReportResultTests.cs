using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.AspNetCore.Tests;

/// <summary>
/// Issue #13 (a fresh integrator's friction): a 415 is titled for what it is, not "validation errors"; and
/// <see cref="PatientRequest.ToReport"/> answers with the report in the documented layout, keeping the document's label
/// that <c>Results.Ok(report)</c> drops.
/// </summary>
public sealed class ProblemTitleAndReportResultTests : IAsyncLifetime
{
    private static readonly LocalDate Today = new(2026, 11, 26);

    private readonly CapturedLogs logs = new();
    private WebApplication? app;
    private HttpClient? client;

    private HttpClient Client => client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<IClock>(new FakeClock(Today.AtMidnight().InUtc().ToInstant().Plus(Duration.FromHours(12))));
        builder.Services.AddSarcomaConsensus();
        app = builder.Build();
        app.MapPost("/evaluate", (PatientRequest request, IConsensusEvaluator consensus) => request.ToReport(consensus.EvaluateToday(request.Patient)));
        app.MapPost("/evaluate-compact", (PatientRequest request, IConsensusEvaluator consensus) =>
            request.ToReport(consensus.EvaluateToday(request.Patient), ReportJsonOptions.CompactLine));
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_415_is_titled_as_a_body_that_is_not_json_not_as_validation_errors()
    {
        using var response = await Client.PostAsync("/evaluate", new StringContent("ecog=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("The request body is not JSON.", problem.GetProperty("title").GetString());
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        Assert.Equal("$", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
        logs.AssertQuiet();
    }

    [Fact]
    public async Task A_400_keeps_the_validation_title()
    {
        using var response = await Client.PostAsync("/evaluate", Json("""{"clinical":{"ecog":9}}"""));

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("One or more validation errors occurred.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ToReport_answers_the_documented_report_with_the_documents_label()
    {
        var json = File.ReadAllText(Path.Combine(Root, "samples", "patients", "metachronous-liver-omd.json"));

        using var response = await Client.PostAsync("/evaluate", Json(json));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var document = PatientJson.ParseDocument(json);
        Assert.Equal(ReportJson.Serialize(ConsensusEngine.Default.Evaluate(document.Patient, Today), ReportJsonOptions.Default.For(document)), body);
        Assert.Equal("Metachronous liver-only oligometastatic leiomyosarcoma", JsonNode.Parse(body)!["label"]!.GetValue<string>());
        logs.AssertQuiet("Metachronous liver-only");
    }

    [Fact]
    public async Task ToReport_takes_the_layout_of_the_options_and_still_the_documents_label()
    {
        var json = File.ReadAllText(Path.Combine(Root, "samples", "patients", "metachronous-liver-omd.json"));

        using var response = await Client.PostAsync("/evaluate-compact", Json(json));

        var body = await response.Content.ReadAsStringAsync();
        var document = PatientJson.ParseDocument(json);
        Assert.Equal(ReportJson.Serialize(ConsensusEngine.Default.Evaluate(document.Patient, Today), ReportJsonOptions.CompactLine.For(document)), body);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
        }
    }
}
