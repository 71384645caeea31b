using System;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sarcoma.Consensus.AspNetCore;

/// <summary>
/// Registers the exception handler that answers the library's validation exceptions with a 400
/// <c>ValidationProblemDetails</c>, for endpoints that bind <see cref="Model.Patient"/> or
/// <see cref="Json.PatientDocument"/> through the System.Text.Json converters of
/// <see cref="Json.SarcomaJsonSerializerOptions.AddSarcomaConsensus"/>, or read the document themselves.
/// </summary>
/// <remarks>
/// <para>
/// Prefer a <see cref="PatientRequest"/> parameter: it never throws for bad input, so no exception reaches the
/// exception handler middleware on any version of ASP.NET Core, an empty body is answered with a problem naming
/// <c>$</c>, and a document's unknown properties and inconsistencies come in one answer.
/// </para>
/// <para>
/// The converters can only report an invalid document by throwing <see cref="Json.PatientJsonException"/> from model
/// binding. With this registration and <c>app.UseExceptionHandler()</c>, that exception (and a
/// <see cref="Model.PatientValidationException"/> from <see cref="IConsensusEvaluator.EvaluateToday"/>) is answered with
/// <c>400</c> and the field paths, never a value. On ASP.NET Core 10 and later the middleware then records no diagnostics
/// for it (no "unhandled exception" log, no <c>error.type</c> on the request metric): that is its default for an
/// exception an <see cref="IExceptionHandler"/> handled (<c>ExceptionHandlerOptions.SuppressDiagnosticsCallback</c>). On
/// ASP.NET Core 8 the middleware logs every exception at <c>Error</c> before it asks the handlers, and cannot be told
/// otherwise: the answer is the same 400, but the log says "unhandled". Bind <see cref="PatientRequest"/> there.
/// Requests with an empty body never reach the converters: ASP.NET Core answers them with its own 400.
/// </para>
/// </remarks>
public static class SarcomaConsensusProblemDetailsExtensions
{
    /// <summary>
    /// Adds the problem details service (<c>AddProblemDetails()</c>, so that <c>app.UseExceptionHandler()</c> needs no
    /// arguments) and an <see cref="IExceptionHandler"/> that answers <see cref="Json.PatientJsonException"/> and
    /// <see cref="Model.PatientValidationException"/> with <c>400 Bad Request</c> and a <c>ValidationProblemDetails</c>
    /// whose <c>errors</c> map each field path (<c>metastases.lesions[0].sizeMm</c>, <c>$</c> for the document) to what is
    /// wrong. Other exceptions are left to the other handlers. Calling it more than once adds the handler once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <example>
    /// <code language="csharp"><![CDATA[
    /// builder.Services.AddSarcomaConsensusProblemDetails();
    /// var app = builder.Build();
    /// app.UseExceptionHandler();
    /// app.MapPost("/evaluate", (Patient patient, IConsensusEvaluator evaluator) => Results.Ok(evaluator.EvaluateToday(patient)));
    /// ]]></code>
    /// </example>
    public static IServiceCollection AddSarcomaConsensusProblemDetails(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, PatientProblemExceptionHandler>());
        return services;
    }
}
