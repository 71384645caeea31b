using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Sarcoma.Consensus.CdsHooks.Cards;
using Sarcoma.Consensus.CdsHooks.Data;
using Sarcoma.Consensus.CdsHooks.Feedback;
using Sarcoma.Consensus.CdsHooks.Links;
using Sarcoma.Consensus.CdsHooks.Options;
using Sarcoma.Consensus.CdsHooks.Protocol;
using Sarcoma.Consensus.CdsHooks.Security;
using Sarcoma.Consensus.Fhir.DataRequirements;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Reporting;

namespace Sarcoma.Consensus.CdsHooks;

/// <summary>The CDS Hooks endpoints: discovery, the <c>patient-view</c> service, feedback, and the pages card links open.</summary>
internal static class CdsHooksEndpoints
{
    public const string Hook = "patient-view";

    /// <summary>The label of the HTML report behind the card links.</summary>
    public const string ReportLabel = "CDS Hooks: liver metastases consensus";

    /// <summary>The query parameter of a card link that holds its token.</summary>
    public const string LinkQuery = "token";

    private const int MaxBodyBytes = 8 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        var id = options.ServiceId;
        // The discovery document never changes while the service runs: written once.
        var discovery = JsonSerializer.SerializeToUtf8Bytes(DiscoveryDocument(id), CdsJson.Options);
        app.MapGet("/cds-services", () => Results.Bytes(discovery, "application/json; charset=utf-8"));
        app.MapPost("/cds-services/" + id, HookAsync).AddEndpointFilter(Authenticate);
        app.MapPost("/cds-services/" + id + "/feedback", FeedbackAsync).AddEndpointFilter(Authenticate);
        // The card links carry their token in the query string, not the path: ASP.NET Core's request log scope holds the
        // path (RequestPath) for every log line of the request, whatever the log level; see LinkLogging.
        app.MapGet("/cds-services/" + id + "/reports", Report);
        app.MapGet("/cds-services/" + id + "/questionnaires", Questionnaire);
        app.MapHealthChecks("/health");
    }

    internal static DiscoveryResponse DiscoveryDocument(string serviceId) => new(new[]
    {
        new ServiceDefinition(
            Hook,
            "Liver metastases of soft tissue sarcoma: Ibero-American consensus",
            "When a chart with liver metastases of soft tissue sarcoma (not GIST) opens: the tumour-board decisions the 2025 Ibero-American consensus asks for, staging imaging not yet done, the facts needed to decide, follow-up and the items without consensus. Silent for other patients.",
            serviceId,
            FhirDataRequirements.Prefetch.ToDictionary(q => q.Key, q => q.Template, StringComparer.Ordinal),
            "Prefetch every key, or send fhirServer (one the service allows) with fhirAuthorization allowing patient read of Condition, Observation, BodyStructure, Procedure, MedicationAdministration, MedicationRequest and MedicationStatement. Without cancerConditions the service answers 412."),
    });

    private static async ValueTask<object?> Authenticate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authenticator = http.RequestServices.GetRequiredService<CdsClientAuthenticator>();
        var outcome = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.FirstOrDefault(), http.RequestAborted).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            var logger = http.RequestServices.GetRequiredService<EndpointLoggers>().Security;
            Log.Unauthorized(logger, outcome.Failure!);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new { error = "unauthorized", reason = outcome.Failure }, CdsJson.Options, statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context).ConfigureAwait(false);
    }

    private static async Task<IResult> HookAsync(
        HttpContext http,
        PatientDataResolver resolver,
        IConsensusEvaluator evaluator,
        ArtifactStore artifacts,
        IOptions<CdsHooksOptions> options,
        EndpointLoggers loggers,
        IClock clock,
        EvaluationZone zone)
    {
        var started = Stopwatch.GetTimestamp();
        var logger = loggers.Hook;
        var body = await ReadJsonAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, new[] { "(body): must be a JSON document of at most 8 MiB." });
        }

        using (body)
        {
            var problems = new List<string>();
            var request = HookRequest.Read(body.RootElement, problems);
            if (request is not null && request.Hook != Hook)
            {
                problems.Add("hook: this service answers patient-view only.");
            }

            if (request is null || problems.Count > 0)
            {
                Log.HookRefused(logger, StatusCodes.Status400BadRequest, problems.Count);
                return Problem(StatusCodes.Status400BadRequest, problems);
            }

            using var scope = logger.BeginScope(new Dictionary<string, object> { ["hookInstance"] = request.HookInstance.ToString("D"), ["serviceId"] = options.Value.ServiceId });
            PatientData data;
            try
            {
                data = await resolver.ResolveAsync(request, http.RequestAborted).ConfigureAwait(false);
            }
            catch (HookRequestException e)
            {
                Log.HookRefused(logger, e.StatusCode, e.Problems.Count);
                return Problem(e.StatusCode, e.Problems);
            }

            McodeMapping mapping;
            LocalDate today;
            try
            {
                // The evaluation date EvaluateToday used (the injected clock, in ConsensusOptions.TimeZoneId, resolved once:
                // EvaluationZone), given to the mapper too, so a date of the record after it is an input error as in a patient document.
                today = clock.GetCurrentInstant().InZone(zone.Zone).Date;
                mapping = new McodeMapper(new McodeMapperOptions { AsOf = today }).Map(data.Resources);
            }
            catch (FhirInputException e) when (e.NoPatientData)
            {
                // Nothing about this patient in the prefetched or fetched data: nothing to say (no cards), as before.
                return Results.Json(new CardsResponse(Array.Empty<Card>()), CdsJson.Options);
            }
            catch (FhirInputException e)
            {
                // A value the mapper reads does not parse (a malformed date, a status outside its value set): named, never echoed.
                Log.HookRefused(logger, StatusCodes.Status400BadRequest, e.Errors.Count);
                return Problem(StatusCodes.Status400BadRequest, e.Errors.Take(5).Select(error => error.Field + ": " + error.Message).ToArray());
            }

            ConsensusReport report;
            try
            {
                report = evaluator.Evaluate(mapping.Patient, today);
            }
            catch (PatientValidationException e)
            {
                Log.RecordInconsistent(logger, e.Errors.Count);
                return Results.Json(new CardsResponse(new[] { CardComposer.RecordInconsistent(e.Errors, request.HookInstance) }), CdsJson.Options);
            }

            IReadOnlyList<Card> cards = Array.Empty<Card>();
            // A liver lesion read from the record makes the service relevant, though the list waits for a clinician's confirmation (McodeMapping.PendingLesions).
            var relevance = mapping.PendingLesions.Count > 0 ? mapping.Patient with { Metastases = mapping.Patient.Metastases! with { Lesions = mapping.PendingLesions } } : mapping.Patient;
            if (CardComposer.IsRelevant(report, relevance))
            {
                var token = artifacts.Add(new EvaluationArtifact(mapping, report.AsOf));
                var root = BaseUrl(http, options.Value) + "/cds-services/" + options.Value.ServiceId;
                var context = new CardContext(root + "/reports?" + LinkQuery + "=" + token, root + "/questionnaires?" + LinkQuery + "=" + token, data.Unavailable);
                cards = CardComposer.Compose(report, relevance, request.PatientId, request.HookInstance, context);
            }

            Log.HookAnswered(
                logger,
                request.Hook,
                cards.Count,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                data.Prefetched.Count,
                data.Fetched.Count,
                data.Unavailable.Count,
                report.Scope.InScope switch { true => "yes", false => "no", null => "unconfirmed" });
            return Results.Json(new CardsResponse(cards), CdsJson.Options);
        }
    }

    private static async Task<IResult> FeedbackAsync(HttpContext http, IFeedbackStore store, TimeProvider time, IOptions<CdsHooksOptions> options, EndpointLoggers loggers)
    {
        var logger = loggers.Feedback;
        using var body = await ReadJsonAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, new[] { "(body): must be a JSON document." });
        }

        var problems = new List<string>();
        var entries = FeedbackReader.Read(body.RootElement, options.Value.ServiceId, time.GetUtcNow(), problems);
        if (problems.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, problems);
        }

        await store.AddAsync(entries, http.RequestAborted).ConfigureAwait(false);
        Log.FeedbackStored(logger, entries.Count);
        return Results.Ok();
    }

    private static IResult Report([FromQuery(Name = LinkQuery)] string? token, ArtifactStore artifacts, IConsensusEvaluator evaluator, HttpContext http, EndpointLoggers loggers)
    {
        var artifact = token is null ? null : artifacts.Get(token);
        Log.LinkOpened(loggers.Links, "report", artifact is not null);
        if (artifact is null)
        {
            return Results.NotFound();
        }

        PrivatePage(http);

        // The hook call's report, evaluated again: same patient, same date, same engine, so the same report.
        var report = evaluator.Evaluate(artifact.Patient, artifact.AsOf);
        var html = ReportHtml.Render(report, artifact.Patient, new ReportHtmlOptions { Label = ReportLabel });
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Questionnaire([FromQuery(Name = LinkQuery)] string? token, ArtifactStore artifacts, IConsensusEvaluator evaluator, HttpContext http, EndpointLoggers loggers)
    {
        var artifact = token is null ? null : artifacts.Get(token);
        Log.LinkOpened(loggers.Links, "questionnaire", artifact is not null);
        if (artifact is null)
        {
            return Results.NotFound();
        }

        PrivatePage(http);
        var questionnaire = MissingFactsQuestionnaire.Create(artifact.Mapping, artifact.AsOf, evaluator);
        return Results.Content(FhirJson.Serialize(questionnaire), "application/fhir+json; charset=utf-8");
    }

    // The pages behind card links hold patient data: not cached, not referred, not framed, nothing loaded from elsewhere.
    private static void PrivatePage(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
    }

    private static string BaseUrl(HttpContext http, CdsHooksOptions options) =>
        options.PublicBaseUrl is { } configured
            ? configured.AbsoluteUri.TrimEnd('/')
            : http.Request.Scheme + "://" + http.Request.Host.Value + http.Request.PathBase.Value;

    private static async Task<JsonDocument?> ReadJsonAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 256 }, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Problem(int status, IReadOnlyList<string> problems) =>
        Results.Json(new { error = status == StatusCodes.Status412PreconditionFailed ? "precondition-failed" : "bad-request", problems }, CdsJson.Options, statusCode: status);
}

/// <summary>Reads a CDS Hooks feedback document (<c>{"feedback": [...]}</c>); problems name the member, never a value.</summary>
internal static class FeedbackReader
{
    private const int MaxEntries = 100;

    public static IReadOnlyList<FeedbackEntry> Read(JsonElement root, string serviceId, DateTimeOffset receivedAt, List<string> problems)
    {
        var entries = new List<FeedbackEntry>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("feedback: must be an array.");
            return entries;
        }

        if (list.GetArrayLength() is 0 or > MaxEntries)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"feedback: must hold 1 to {MaxEntries} entries."));
            return entries;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"feedback[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at + ": must be an object.");
                continue;
            }

            var card = Text(item, "card");
            if (card is null || !Guid.TryParseExact(card, "D", out _))
            {
                problems.Add(at + ".card: must be the card's uuid.");
            }

            var outcome = Text(item, "outcome");
            if (outcome is not ("accepted" or "overridden"))
            {
                problems.Add(at + ".outcome: must be accepted or overridden.");
            }

            var timestampText = Text(item, "outcomeTimestamp");
            if (timestampText is null || !DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                problems.Add(at + ".outcomeTimestamp: must be an ISO 8601 date and time.");
                timestamp = default;
            }

            var accepted = new List<string>();
            if (item.TryGetProperty("acceptedSuggestions", out var suggestions))
            {
                if (suggestions.ValueKind != JsonValueKind.Array || suggestions.EnumerateArray().Any(s => Text(s, "id") is not { } sid || !Guid.TryParseExact(sid, "D", out _)))
                {
                    problems.Add(at + ".acceptedSuggestions: must be a list of {\"id\": uuid}.");
                }
                else
                {
                    accepted.AddRange(suggestions.EnumerateArray().Select(s => Text(s, "id")!));
                }
            }

            string? reasonSystem = null;
            string? reasonCode = null;
            if (item.TryGetProperty("overrideReason", out var overrideReason) && overrideReason.ValueKind == JsonValueKind.Object &&
                overrideReason.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.Object)
            {
                // The coding only; the clinician's userComment is free text and may hold patient data: it is not stored.
                reasonSystem = Limit(Text(reason, "system"));
                reasonCode = Limit(Text(reason, "code"));
            }

            if (outcome == "accepted" && reasonCode is not null)
            {
                problems.Add(at + ".overrideReason: is only for an overridden card.");
            }

            if (problems.Count == 0)
            {
                entries.Add(new FeedbackEntry(serviceId, card!, outcome!, reasonSystem, reasonCode, accepted, timestamp, receivedAt));
            }
        }

        return entries;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Limit(string? code) => code is { Length: > 0 and <= 256 } ? code : null;
}
