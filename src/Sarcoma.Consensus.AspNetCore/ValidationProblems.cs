using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.AspNetCore;

/// <summary>Builds the <c>ValidationProblemDetails</c> of the package from the library's validation errors.</summary>
internal static class ValidationProblems
{
    /// <summary>The path of the document as a whole.</summary>
    public const string DocumentPath = "$";

    /// <summary>The errors of an exception the package answers with 400, or <see langword="null"/> for any other exception.</summary>
    public static IReadOnlyList<ValidationError>? ErrorsOf(Exception exception) => exception switch
    {
        PatientJsonException json => json.Errors,
        PatientValidationException validation => validation.Errors,
        _ => null,
    };

    /// <summary>Groups errors by field path (<see cref="ValidationError.GroupByField"/>).</summary>
    public static IDictionary<string, string[]> Group(IReadOnlyList<ValidationError> errors) => ValidationError.GroupByField(errors);

    /// <summary>
    /// The validation problem (<c>application/problem+json</c>) for the errors, titled for its status: a 400 keeps
    /// ASP.NET Core's "One or more validation errors occurred."; a 413 or 415 says what is wrong with the body as a whole
    /// (its <c>errors</c> name <c>$</c>), since no field of the document was validated.
    /// </summary>
    public static IResult Result(IReadOnlyList<ValidationError> errors, int statusCode) =>
        Results.ValidationProblem(Group(errors), detail: Detail(statusCode), statusCode: statusCode, title: Title(statusCode));

    /// <summary>The title of a problem with this status, or <see langword="null"/> for ASP.NET Core's default.</summary>
    internal static string? Title(int statusCode) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body is not JSON.",
        _ => null,
    };

    private static string? Detail(int statusCode) => statusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Send the patient document as JSON, with Content-Type: application/json (or a +json media type).",
        _ => null,
    };
}
