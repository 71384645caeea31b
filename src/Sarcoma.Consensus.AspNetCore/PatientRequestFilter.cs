using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sarcoma.Consensus.AspNetCore;

/// <summary>
/// The endpoint filter of an endpoint that takes a <see cref="PatientRequest"/> (added by
/// <see cref="PatientRequest.PopulateMetadata"/>): answers an invalid request before the handler runs, and the library's
/// validation exceptions thrown by the handler, with a 400 validation problem. Also the endpoint's metadata marker, so
/// the filter is added once.
/// </summary>
internal sealed class PatientRequestFilter
{
    public static readonly PatientRequestFilter Instance = new();

    private PatientRequestFilter()
    {
    }

    public EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var indices = new List<int>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType == typeof(PatientRequest))
            {
                indices.Add(i);
            }
        }

        var patientArguments = indices.ToArray();
        return invocation => InvokeAsync(invocation, next, patientArguments);
    }

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, int[] patientArguments)
    {
        foreach (var index in patientArguments)
        {
            if (invocation.Arguments[index] is PatientRequest { IsValid: false } invalid)
            {
                return invalid.ToProblem();
            }
        }

        try
        {
            return await next(invocation).ConfigureAwait(false);
        }
        catch (Exception e) when (ValidationProblems.ErrorsOf(e) is not null && !invocation.HttpContext.Response.HasStarted)
        {
            // A date of the document after the evaluation date (EvaluateToday), or a document the handler read itself.
            return ValidationProblems.Result(ValidationProblems.ErrorsOf(e)!, StatusCodes.Status400BadRequest);
        }
    }
}
