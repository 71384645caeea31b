using System;
using System.IO;
using System.Linq;
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
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.AspNetCore.Tests;

/// <summary>
/// Issue #13, as a fresh integrator meets it: a minimal API in the Development environment (where any exception that
/// escapes is logged as unhandled by the developer exception page) with the documented registrations. Each test runs
/// its own host and checks what it logged: nothing at Error, nothing "unhandled", no value of the document.
/// </summary>
public sealed class MinimalApiTests : IAsyncLifetime
{
    private static readonly LocalDate Today = new(2026, 11, 26);

    /// <summary>A document with an unknown property, an impossible ECOG, a negative size and a label that must never be echoed.</summary>
    private const string UnknownAndInvalid =
        """{"label":"SECRET-LABEL","clinical":{"ecog":9,"ecogScore":1},"metastases":{"lesions":[{"site":"liver","sizeMm":-37.987654321}]}}""";

    private static readonly string[] DocumentValues = { "SECRET-LABEL", "37.987654321" };

    private readonly CapturedLogs logs = new();
    private TestHost? host;

    private HttpClient Client => host?.Client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => host = await TestHost.StartAsync(
        builder =>
        {
            builder.Services.AddSingleton<IClock>(new FakeClock(Today.AtMidnight().InUtc().ToInstant().Plus(Duration.FromHours(12))));

            // The README's minimal API, and an endpoint that binds Patient through the converters with the exception handler.
            builder.Services.AddSarcomaConsensus();
            builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSarcomaConsensus());
            builder.Services.AddSarcomaConsensusProblemDetails();
        },
        app =>
        {
            app.UseExceptionHandler();
            app.MapPost("/evaluate", (PatientRequest request, IConsensusEvaluator evaluator) => Results.Ok(evaluator.EvaluateToday(request.Patient)));
            app.MapPost("/evaluate-patient", (Patient patient, IConsensusEvaluator evaluator) => Results.Ok(evaluator.EvaluateToday(patient)));
        },
        logs);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_valid_document_is_answered_200_with_the_documented_report()
    {
        var json = File.ReadAllText(Path.Combine(Root, "samples", "patients", "metachronous-liver-omd.json"));

        using var response = await Client.PostAsync("/evaluate", Json(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var expected = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(PatientJson.Parse(json), Today));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), "The endpoint's report differs from ReportJson's:\n" + body);
        logs.AssertQuiet("Metachronous liver-only");
    }

    [Fact]
    public async Task Unknown_properties_and_invalid_values_are_answered_in_one_400_naming_every_path_and_no_value()
    {
        using var response = await Client.PostAsync("/evaluate", Json(UnknownAndInvalid));

        var (errors, body) = await ValidationProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            new[] { "clinical.ecog", "clinical.ecogScore", "metastases.lesions[0].sizeMm" },
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("is not a known property", errors.GetProperty("clinical.ecogScore")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("must be greater than 0.", errors.GetProperty("metastases.lesions[0].sizeMm")[0].GetString());
        foreach (var value in DocumentValues)
        {
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
        }

        logs.AssertQuiet(DocumentValues);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task An_empty_body_is_a_400_naming_the_document(string? contentType)
    {
        using var content = new ByteArrayContent(Array.Empty<byte>());
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await Client.PostAsync("/evaluate", content);

        var (errors, _) = await ValidationProblem(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(errors.EnumerateObject());
        Assert.Equal("$", error.Name);
        Assert.StartsWith("is empty", error.Value[0].GetString(), StringComparison.Ordinal);
        logs.AssertQuiet();
    }

    [Theory]
    [InlineData("null", "must be an object.")]
    [InlineData("[]", "must be an object.")]
    [InlineData("{\"primary\":", "is not valid JSON")]
    [InlineData("   ", "is not valid JSON")]
    public async Task A_body_that_is_not_a_patient_document_is_a_400_naming_the_document(string json, string message)
    {
        using var response = await Client.PostAsync("/evaluate", Json(json));

        var (errors, _) = await ValidationProblem(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(errors.EnumerateObject());
        Assert.Equal("$", error.Name);
        Assert.StartsWith(message, error.Value[0].GetString(), StringComparison.Ordinal);
        logs.AssertQuiet();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var response = await Client.PostAsync("/evaluate", new StringContent("ecog=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var (errors, _) = await ValidationProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("$", Assert.Single(errors.EnumerateObject()).Name);
        logs.AssertQuiet();
    }

    [Fact]
    public async Task A_date_after_today_thrown_by_the_evaluation_is_a_400_from_the_endpoint_filter()
    {
        // Valid on its own (the reader has no evaluation date), but after the injected clock's today.
        using var response = await Client.PostAsync("/evaluate", Json("""{"metastases":{"detectedOn":"2027-01-05"}}"""));

        var (errors, body) = await ValidationProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("metastases.detectedOn", Assert.Single(errors.EnumerateObject()).Name);
        Assert.DoesNotContain("2027", body, StringComparison.Ordinal);
        logs.AssertQuiet("2027-01-05");
    }

    [Fact]
    public async Task A_Patient_bound_by_the_converters_is_answered_by_the_exception_handler_without_an_unhandled_log()
    {
        // ASP.NET Core 10 records no diagnostics for an exception an IExceptionHandler handled (on 8 it still logs it:
        // SarcomaConsensusProblemDetailsExtensions says so, and the README recommends PatientRequest).
        using var response = await Client.PostAsync("/evaluate-patient", Json(UnknownAndInvalid));

        var (errors, body) = await ValidationProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            new[] { "clinical.ecog", "clinical.ecogScore", "metastases.lesions[0].sizeMm" },
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain("SECRET-LABEL", body, StringComparison.Ordinal);
        logs.AssertQuiet(DocumentValues);
    }

    [Fact]
    public async Task A_valid_Patient_bound_by_the_converters_is_answered_200()
    {
        var json = File.ReadAllText(Path.Combine(Root, "samples", "patients", "liver-remetastasectomy.json"));

        using var response = await Client.PostAsync("/evaluate-patient", Json(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = ReportJson.Serialize(ConsensusEngine.Default.Evaluate(PatientJson.Parse(json), Today));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        logs.AssertQuiet();
    }

    [Fact]
    public void The_endpoint_declares_the_validation_problems_it_may_answer_once()
    {
        var endpoint = ((IEndpointRouteBuilder)host!.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/evaluate");

        var problems = endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Where(m => m.Type == typeof(HttpValidationProblemDetails));
        Assert.Equal(new[] { 400, 415 }, problems.Select(m => m.StatusCode).Order().ToArray());
    }

    [Fact]
    public async Task An_invalid_request_refuses_to_give_a_patient_and_a_valid_one_has_no_problem()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 0;

        var invalid = (await PatientRequest.BindAsync(context, null!))!;

        Assert.False(invalid.IsValid);
        Assert.Equal(400, invalid.StatusCode);
        Assert.Throws<InvalidOperationException>(() => invalid.Patient);
        Assert.Equal(new[] { "$" }, invalid.ToValidationErrors().Keys);

        var valid = await Bind("{}");
        Assert.True(valid.IsValid);
        Assert.Empty(valid.Errors);
        Assert.NotNull(valid.Patient);
        Assert.Throws<InvalidOperationException>(() => valid.ToProblem());
    }

    private static async Task<PatientRequest> Bind(string json)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return (await PatientRequest.BindAsync(context, null!))!;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(JsonElement Errors, string Body)> ValidationProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return (problem.GetProperty("errors").Clone(), body);
    }

    private static string Root => TestHost.Root;
}
