using System;
using Microsoft.Extensions.Logging;

namespace Sarcoma.Consensus.CdsHooks;

/// <summary>
/// Every log line of the service. None carries patient data: no patient id, no FHIR content, no card text, no token;
/// hook calls are identified by their <c>hookInstance</c> (a log scope), FHIR fetches by prefetch key.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "DEVELOPMENT MODE: CDS Client authentication is OFF. Any caller can invoke the hook and send feedback; JWTs are not checked. Never run like this with real patient data (CdsHooks:Security:Mode=Development).")]
    public static partial void DevelopmentMode(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "CDS Client authentication: JWT from {IssuerCount} trusted issuers, {AudienceCount} audiences")]
    public static partial void JwtMode(ILogger logger, int issuerCount, int audienceCount);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Request refused with 401: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Hook {Hook} answered with {CardCount} cards in {ElapsedMs:0.0} ms (prefetched {Prefetched}, fetched {Fetched}, unavailable {Unavailable}; in scope: {InScope})")]
    public static partial void HookAnswered(ILogger logger, string hook, int cardCount, double elapsedMs, int prefetched, int fetched, int unavailable, string inScope);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Hook refused with {StatusCode}: {ProblemCount} problems")]
    public static partial void HookRefused(ILogger logger, int statusCode, int problemCount);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "The record is inconsistent ({ErrorCount} fields); answered with one card")]
    public static partial void RecordInconsistent(ILogger logger, int errorCount);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "FHIR search for prefetch key {Key} failed: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Feedback stored: {EntryCount} entries")]
    public static partial void FeedbackStored(ILogger logger, int entryCount);

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "Card link opened: {Page} ({Found})")]
    private static partial void LinkOpened(ILogger logger, string page, string found);

    /// <summary>A card link was opened; the token is never logged (nor the path or query that carries it).</summary>
    public static void LinkOpened(ILogger logger, string page, bool found) => LinkOpened(logger, page, found ? "found" : "unknown or expired token");

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "Unexpected failure ({ExceptionType}) while answering")]
    public static partial void Unexpected(ILogger logger, string exceptionType, Exception exception);
}
