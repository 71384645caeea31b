using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.AspNetCore;

/// <summary>
/// The patient document in the body of an HTTP request, read by the strict reader of <see cref="PatientJson"/>: take it
/// as a parameter of a minimal API endpoint instead of <see cref="Model.Patient"/>, and an invalid document is answered
/// with <c>400 Bad Request</c> and a <c>ValidationProblemDetails</c> listing every problem by field path, without the
/// endpoint running and without an exception being thrown, logged or seen by the exception handler middleware.
/// </summary>
/// <remarks>
/// <para>
/// Binding (<see cref="BindAsync"/>) never throws for bad input: an empty body, a body that is not JSON, not a patient
/// document or an inconsistent patient all become a request that is not <see cref="IsValid"/>, whose <see cref="Errors"/>
/// name each field in the one path style of the library (<c>metastases.lesions[0].sizeMm</c>; <c>$</c> for the document
/// as a whole). Unknown properties and the inconsistencies of the patient are reported together, in one answer.
/// </para>
/// <para>
/// An endpoint with a <see cref="PatientRequest"/> parameter gets an endpoint filter (added by
/// <see cref="PopulateMetadata"/>, before the endpoint's own filters) that answers an invalid request with
/// <see cref="ToProblem"/> before the handler runs, and answers a <see cref="PatientValidationException"/> or
/// <see cref="PatientJsonException"/> thrown by the handler (a date of the document after the evaluation date, when
/// the handler calls <see cref="IConsensusEvaluator.EvaluateToday"/>) with the same <c>400</c>. No response or message
/// carries a value from the document: only field paths and what is wrong.
/// </para>
/// <para>
/// The plausible date range the reader checks is that of the <see cref="ConsensusOptions"/> registered in the
/// container (<c>services.AddSarcomaConsensus(...)</c>), or the defaults when none are. The body must be JSON
/// (<c>Content-Type: application/json</c> or <c>*/*+json</c>): another media type is answered with
/// <c>415 Unsupported Media Type</c>, as ASP.NET Core answers for a JSON body parameter. Immutable and thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code language="csharp"><![CDATA[
/// builder.Services.AddSarcomaConsensus();
/// var app = builder.Build();
/// app.MapPost("/evaluate", (PatientRequest request, IConsensusEvaluator evaluator) =>
///     request.ToReport(evaluator.EvaluateToday(request.Patient))); // an invalid document never gets here: 400 (415 if not JSON)
/// ]]></code>
/// </example>
public sealed class PatientRequest : IBindableFromHttpContext<PatientRequest>, IEndpointParameterMetadataProvider
{
    private const string ProblemContentType = "application/problem+json";

    private readonly PatientDocument? document;

    private PatientRequest(PatientDocument? document, IReadOnlyList<ValidationError> errors, int statusCode)
    {
        this.document = document;
        Errors = errors;
        StatusCode = statusCode;
    }

    /// <summary>Gets a value indicating whether the body held a valid patient document.</summary>
    public bool IsValid => document is not null;

    /// <summary>Gets the patient document read from the body: the patient and its non-identifying case label.</summary>
    /// <exception cref="InvalidOperationException">The request is not <see cref="IsValid"/> (an endpoint with a
    /// <see cref="PatientRequest"/> parameter is not called for such a request, so this is only seen outside one).</exception>
    public PatientDocument Document => document
        ?? throw new InvalidOperationException("The patient document of this request is invalid: answer it with ToProblem(), see Errors.");

    /// <summary>Gets the patient read from the body.</summary>
    /// <exception cref="InvalidOperationException">The request is not <see cref="IsValid"/>.</exception>
    public Patient Patient => Document.Patient;

    /// <summary>
    /// Gets every problem of the body, in the order found, each with its field path (<c>$</c> for the body as a whole);
    /// empty when the request <see cref="IsValid"/>. No message holds a value from the document.
    /// </summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>
    /// Gets the HTTP status an invalid request is answered with: <c>400</c> (the body is empty or not a valid patient
    /// document), <c>413</c> (larger than the server accepts), <c>415</c> (not JSON); <c>200</c> when the request
    /// <see cref="IsValid"/>.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>
    /// Reads the patient document from the request body. Never throws for bad input; see <see cref="PatientRequest"/>.
    /// Called by ASP.NET Core when an endpoint takes a <see cref="PatientRequest"/> parameter.
    /// </summary>
    /// <param name="context">The request's context.</param>
    /// <param name="parameter">The endpoint parameter being bound.</param>
    /// <returns>The request, valid or not; never <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The client aborted the request.</exception>
    /// <exception cref="ArgumentException">The registered <see cref="ConsensusOptions"/> have an invalid plausible date range (a host configuration error, not bad input).</exception>
    public static async ValueTask<PatientRequest?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var request = context.Request;
        if (request.ContentLength == 0 || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return Empty();
        }

        if (!request.HasJsonContentType())
        {
            return Invalid(StatusCodes.Status415UnsupportedMediaType, "must be sent as JSON (Content-Type: application/json).");
        }

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (a body larger than MaxRequestBodySize, a body cut short); the message is the server's.
            return Invalid(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "is larger than the server accepts."
                : "could not be read completely.");
        }

        if (buffer.Length == 0)
        {
            return Empty();
        }

        buffer.Position = 0;
        var options = context.RequestServices?.GetService<IOptions<ConsensusOptions>>()?.Value;
        try
        {
            return new PatientRequest(PatientJson.ReadDocument(buffer, options), Array.Empty<ValidationError>(), StatusCodes.Status200OK);
        }
        catch (PatientJsonException e)
        {
            return new PatientRequest(null, e.Errors, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// Describes an endpoint that takes a <see cref="PatientRequest"/>: it may answer <c>400</c> and <c>415</c> with an
    /// <c>HttpValidationProblemDetails</c>, and gets the filter that answers invalid requests (once,
    /// however many <see cref="PatientRequest"/> parameters it has). Called by ASP.NET Core when the endpoint is built.
    /// </summary>
    /// <param name="parameter">The endpoint parameter.</param>
    /// <param name="builder">The endpoint's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        foreach (var item in builder.Metadata)
        {
            if (item is PatientRequestFilter)
            {
                return;
            }
        }

        // No AcceptsMetadata: routing would answer another media type with a bare 415 before BindAsync could explain it.
        builder.Metadata.Add(PatientRequestFilter.Instance);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), new[] { ProblemContentType }));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(HttpValidationProblemDetails), new[] { ProblemContentType }));
        builder.FilterFactories.Add(PatientRequestFilter.Instance.Create);
    }

    /// <summary>
    /// Gets the problems grouped by field path, in the order first found: the <c>errors</c> of a
    /// <c>ValidationProblemDetails</c>. Empty when the request <see cref="IsValid"/>.
    /// </summary>
    /// <returns>A new dictionary (ordinal keys) from field path to messages.</returns>
    public IDictionary<string, string[]> ToValidationErrors() => ValidationProblems.Group(Errors);

    /// <summary>
    /// Gets the answer to an invalid request: a <c>ValidationProblemDetails</c> (<c>application/problem+json</c>) with the
    /// <see cref="StatusCode"/> and <see cref="ToValidationErrors"/>.
    /// </summary>
    /// <returns>The result to return from an endpoint.</returns>
    /// <exception cref="InvalidOperationException">The request <see cref="IsValid"/>: there is no problem to answer.</exception>
    public IResult ToProblem()
    {
        if (IsValid)
        {
            throw new InvalidOperationException("The patient document of this request is valid: there is no problem to answer.");
        }

        return ValidationProblems.Result(Errors, StatusCode);
    }

    /// <summary>
    /// Gets the answer to a valid request: <c>200 OK</c> with the report as JSON (<c>application/json; charset=utf-8</c>),
    /// in the documented layout (<c>docs/schema/report.schema.json</c>, or the compact one with
    /// <see cref="ReportLayout.Compact"/>), written without synchronous I/O by
    /// <see cref="ReportJson.WriteAsync(Stream, ConsensusReport, ReportJsonOptions?, System.Threading.CancellationToken)"/>,
    /// echoing this document's <c>label</c> (<see cref="ReportJsonOptions.For(PatientDocument)"/>), which
    /// <c>Results.Ok(report)</c> cannot know.
    /// </summary>
    /// <param name="report">The report evaluated from <see cref="Patient"/>.</param>
    /// <param name="options">The layout and white space; <see cref="ReportJsonOptions.Default"/> (full, indented) when
    /// <see langword="null"/>. Its <see cref="ReportJsonOptions.Label"/> is replaced by the document's.</param>
    /// <returns>The result to return from the endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The request is not <see cref="IsValid"/>.</exception>
    /// <example>
    /// <code language="csharp"><![CDATA[
    /// app.MapPost("/evaluate", (PatientRequest request, IConsensusEvaluator consensus) =>
    ///     request.ToReport(consensus.EvaluateToday(request.Patient)));
    /// ]]></code>
    /// </example>
    public IResult ToReport(ConsensusReport report, ReportJsonOptions? options = null)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        return new ReportResult(report, (options ?? ReportJsonOptions.Default).For(Document));
    }

    private static PatientRequest Empty() =>
        Invalid(StatusCodes.Status400BadRequest, "is empty: the request body is the patient document, a JSON object ({} for a patient of whom nothing is known).");

    private static PatientRequest Invalid(int statusCode, string message) =>
        new(null, new[] { new ValidationError(ValidationProblems.DocumentPath, message) }, statusCode);
}
