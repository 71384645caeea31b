using System;
using System.IO;
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
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// Issue #13, as an integrator meets it: an ASP.NET Core minimal API on Kestrel binds the patient document through the
/// strict reader, answers an invalid one with a <c>ValidationProblemDetails</c> naming each field, and returns the report
/// in the documented shape, written without synchronous I/O.
/// </summary>
public sealed class AspNetCoreTests : IAsyncLifetime
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    private WebApplication? app;
    private HttpClient? client;

    private HttpClient Client => client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        // What the XML documentation of SarcomaJsonSerializerOptions and PatientJsonException shows.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSarcomaConsensus());
        app = builder.Build();
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

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address) };
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
    public async Task A_bound_patient_returns_the_report_in_the_documented_full_layout()
    {
        var json = RepositoryFiles.Sample("metachronous-liver-omd.json");

        using var response = await Client.PostAsync("/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var expected = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(PatientJson.Parse(json), AsOf));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), "The endpoint's report differs from ReportJson's.");
        Schemas.AssertValid(Schemas.Report, body, "report returned by Results.Ok");
    }

    [Fact]
    public async Task An_invalid_patient_is_a_validation_problem_naming_each_field_and_no_value()
    {
        var json = """{"label":"SECRET","clinical":{"ecog":9},"metastases":{"lesions":[{"site":"liver","sizeMm":-37.5}]}}""";

        using var response = await Client.PostAsync("/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(new[] { "clinical.ecog", "metastases.lesions[0].sizeMm" }, errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("must be greater than 0.", errors.GetProperty("metastases.lesions[0].sizeMm")[0].GetString());
        Assert.DoesNotContain("SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("37.5", body, StringComparison.Ordinal);
        Assert.DoesNotContain("9", errors.GetRawText(), StringComparison.Ordinal);
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
        var json = RepositoryFiles.Sample("liver-remetastasectomy.json");

        using var response = await Client.PostAsync("/compact", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var document = PatientJson.ParseDocument(json);
        Assert.Equal(ReportJson.Serialize(ConsensusEngine.Default.Evaluate(document.Patient, AsOf), ReportJsonOptions.CompactLine.For(document)), body);
    }

    [Fact]
    public void The_converter_reads_through_the_strict_reader_and_writes_the_documented_shapes()
    {
        var options = new JsonSerializerOptions().AddSarcomaConsensus(ReportLayout.Compact);
        var json = RepositoryFiles.Sample("synchronous-omd-induction.json");

        var patient = JsonSerializer.Deserialize<Patient>(json, options)!;
        var document = JsonSerializer.Deserialize<PatientDocument>(json, options)!;

        Assert.Equal(PatientJson.Serialize(PatientJson.Parse(json)), PatientJson.Serialize(patient));
        Assert.Equal(PatientJson.ParseDocument(json).Label, document.Label);
        Assert.Equal(PatientJson.Serialize(patient, JsonLayout.SingleLine), JsonSerializer.Serialize(patient, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.AddSarcomaConsensus()));
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.AddSarcomaConsensus(ReportLayout.Compact);
        Assert.Equal(ReportJson.Serialize(report, ReportJsonOptions.CompactLine), JsonSerializer.Serialize(report, relaxed));

        var e = Assert.Throws<PatientJsonException>(() => JsonSerializer.Deserialize<Patient>("""{"clinical":{"ecgo":1}}""", options));
        Assert.Equal("clinical.ecgo", e.Path);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ConsensusReport>("{}", options));
    }

    [Fact]
    public void Both_exceptions_name_a_field_in_the_same_path_style()
    {
        var patient = new Patient
        {
            Metastases = new MetastaticDisease { Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, SizeMm = -37.5m } } },
        };
        var json = """{"metastases":{"lesions":[{"site":"liver","sizeMm":-37.5}]}}""";

        var fromModel = Assert.Throws<PatientValidationException>(() => PatientValidator.EnsureValid(patient));
        var fromJson = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));

        Assert.Equal("metastases.lesions[0].sizeMm", Assert.Single(fromModel.Errors).Field);
        Assert.Equal(fromModel.Errors.Select(e => e.Field), fromJson.Errors.Select(e => e.Field));
        Assert.Equal(new[] { "metastases.lesions[0].sizeMm" }, fromJson.ToValidationErrors().Keys.ToArray());
    }
}
