using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.AspNetCore;

/// <summary>
/// A report written to the response as JSON by <see cref="ReportJson.WriteAsync(System.IO.Stream, ConsensusReport, ReportJsonOptions?, System.Threading.CancellationToken)"/>
/// (<see cref="PatientRequest.ToReport"/>): <c>200 OK</c>, <c>application/json; charset=utf-8</c>.
/// </summary>
internal sealed class ReportResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly ConsensusReport report;
    private readonly ReportJsonOptions options;

    public ReportResult(ConsensusReport report, ReportJsonOptions options)
    {
        this.report = report;
        this.options = options;
    }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (httpContext is null)
        {
            throw new ArgumentNullException(nameof(httpContext));
        }

        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = JsonContentType;
        return ReportJson.WriteAsync(httpContext.Response.Body, report, options, httpContext.RequestAborted);
    }
}
