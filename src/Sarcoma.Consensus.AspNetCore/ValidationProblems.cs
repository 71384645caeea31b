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

    /// <summary>Groups errors by field path, in the order each field is first found (ordinal keys).</summary>
    public static IDictionary<string, string[]> Group(IReadOnlyList<ValidationError> errors)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var error in errors)
        {
            if (!byField.TryGetValue(error.Field, out var messages))
            {
                messages = new List<string>();
                byField.Add(error.Field, messages);
                order.Add(error.Field);
            }

            messages.Add(error.Message);
        }

        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in order)
        {
            result.Add(field, byField[field].ToArray());
        }

        return result;
    }

    /// <summary>The validation problem (<c>application/problem+json</c>) for the errors.</summary>
    public static IResult Result(IReadOnlyList<ValidationError> errors, int statusCode) =>
        Results.ValidationProblem(Group(errors), statusCode: statusCode);
}
