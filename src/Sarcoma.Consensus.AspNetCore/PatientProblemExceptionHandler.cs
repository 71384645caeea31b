using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Sarcoma.Consensus.AspNetCore;

/// <summary>
/// Answers <see cref="Json.PatientJsonException"/> and <see cref="Model.PatientValidationException"/> with a 400
/// validation problem naming each field (registered by
/// <see cref="SarcomaConsensusProblemDetailsExtensions.AddSarcomaConsensusProblemDetails"/>); any other exception is
/// left to the next handler.
/// </summary>
internal sealed class PatientProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ValidationProblems.ErrorsOf(exception) is not { } errors)
        {
            return false;
        }

        // The exception is not passed on: its message holds field paths only, but nothing of it needs to reach the client.
        await ValidationProblems.Result(errors, StatusCodes.Status400BadRequest).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
