using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.AspNetCore.Tests;

/// <summary>
/// Issue #13 with the JSON package alone (no <c>AddSarcomaConsensusProblemDetails</c>): a minimal API binds the patient
/// document through the System.Text.Json converters (<c>AddSarcomaConsensus</c> on the HTTP JSON options), answers an
/// invalid one with the <c>ValidationProblemDetails</c> the XML documentation of <see cref="PatientJsonException"/> shows,
/// returns the report in the documented shape, and writes a compact report with <see cref="ReportJson.WriteAsync"/>
/// without synchronous I/O.
/// </summary>
public sealed class ConverterEndpointTests : IAsyncLifetime
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    private TestHost? host;

    private HttpClient Client => host?.Client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => host = await TestHost.StartAsync(
        builder => builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSarcomaConsensus()),
        app =>
        {
            app.UseExceptionHandler(error => error.Run(async context =>
            {
                if (context.Features.Get<IExceptionHandlerFeature>()?.Error is PatientJsonException invalid)
                {
                    await Results.ValidationProblem(invalid.ToValidationErrors()).ExecuteAsync(context);
                }
            }));
            app.MapPost("/evaluate", (Patient patient) => Results.Ok(ConsensusEngine.Default.Evaluate(patient, AsOf)));
            app.MapPost("/compact", async (HttpContext http, CancellationToken cancellationToken) =>
            {
                var document = await PatientJson.ReadDocumentAsync(http.Request.Body, cancellationToken);
                var report = ConsensusEngine.Default.Evaluate(document.Patient, AsOf);
                http.Response.ContentType = "application/json";
                await ReportJson.WriteAsync(http.Response.Body, report, ReportJsonOptions.CompactLine.For(document), cancellationToken);
            });
        });

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_bound_patient_returns_the_report_in_the_documented_full_layout()
    {
        var json = TestHost.Sample("metachronous-liver-omd.json");

        using var response = await Client.PostAsync("/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var expected = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(PatientJson.Parse(json), AsOf));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), "The endpoint's report differs from ReportJson's.");
        Assert.Equal("full", JsonNode.Parse(body)!["layout"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(body)!.AsObject()["line"]);
    }

    [Fact]
    public async Task An_invalid_patient_is_a_validation_problem_naming_each_field_and_no_value()
    {
        var json = """{"label":"SECRET","clinical":{"ecog":9},"metastases":{"lesions":[{"site":"liver","sizeMm":-37.987654321}]}}""";

        using var response = await Client.PostAsync("/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(new[] { "clinical.ecog", "metastases.lesions[0].sizeMm" }, errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("must be greater than 0.", errors.GetProperty("metastases.lesions[0].sizeMm")[0].GetString());
        Assert.DoesNotContain("SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("37.987654321", body, StringComparison.Ordinal);
        Assert.DoesNotContain("9", errors.GetRawText(), StringComparison.Ordinal);

        // The exception handler middleware logs the PatientJsonException it handled (at Error in this raw-JSON setup;
        // AddSarcomaConsensusProblemDetails avoids that, see MinimalApiTests), but never a value of the document.
        Assert.DoesNotContain(host!.Logs.Entries, e => e.ToString().Contains("SECRET", StringComparison.Ordinal) || e.ToString().Contains("37.987654321", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_property_is_a_validation_problem_with_its_path()
    {
        using var response = await Client.PostAsync("/evaluate", new StringContent("""{"primary":{"histologyCode":"leiomyosarcoma"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateObject());
        Assert.Equal("primary.histologyCode", error.Name);
    }

    [Fact]
    public async Task A_report_written_with_WriteAsync_to_the_response_needs_no_synchronous_io()
    {
        var json = TestHost.Sample("liver-remetastasectomy.json");

        using var response = await Client.PostAsync("/compact", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var document = PatientJson.ParseDocument(json);
        Assert.Equal(ReportJson.Serialize(ConsensusEngine.Default.Evaluate(document.Patient, AsOf), ReportJsonOptions.CompactLine.For(document)), body);
        host!.Logs.AssertQuiet();
    }
}
