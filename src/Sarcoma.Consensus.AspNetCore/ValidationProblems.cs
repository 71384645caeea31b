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

    /// <summary>The validation problem (<c>application/problem+json</c>) for the errors.</summary>
    public static IResult Result(IReadOnlyList<ValidationError> errors, int statusCode) =>
        Results.ValidationProblem(Group(errors), statusCode: statusCode);
}
