using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sarcoma.Consensus.CdsHooks.Protocol;

/// <summary>The parts of a CDS Hooks <c>patient-view</c> request the service reads.</summary>
/// <param name="Hook">The hook, <c>patient-view</c>.</param>
/// <param name="HookInstance">The hook call's UUID (logged; never patient data).</param>
/// <param name="FhirServer">The EHR's FHIR base URL, or <see langword="null"/>.</param>
/// <param name="AccessToken">The <c>fhirAuthorization.access_token</c>, or <see langword="null"/>.</param>
/// <param name="PatientId">The <c>context.patientId</c>.</param>
/// <param name="Prefetch">
/// The prefetched data by key (JSON values, <c>null</c> where the EHR could not prefetch). The values are views into the
/// request body's <see cref="JsonDocument"/>, not copies: valid only while that document is undisposed (the hook call).
/// </param>
internal sealed record HookRequest(
    string Hook,
    Guid HookInstance,
    Uri? FhirServer,
    string? AccessToken,
    string PatientId,
    IReadOnlyDictionary<string, JsonElement> Prefetch)
{
    // FHIR id: [A-Za-z0-9\-\.]{1,64}.
    private static readonly Regex FhirId = new(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>Reads a request. The problems name the JSON member, never a value.</summary>
    /// <param name="root">The request body.</param>
    /// <param name="problems">Filled with what is wrong.</param>
    /// <returns>The request, or <see langword="null"/> when there are problems.</returns>
    public static HookRequest? Read(JsonElement root, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("(body): must be a JSON object.");
            return null;
        }

        var hook = String(root, "hook", problems, required: true);
        var instanceText = String(root, "hookInstance", problems, required: true);
        var hookInstance = Guid.Empty;
        if (instanceText is not null && !Guid.TryParseExact(instanceText, "D", out hookInstance))
        {
            problems.Add("hookInstance: must be a UUID.");
        }

        Uri? fhirServer = null;
        if (String(root, "fhirServer", problems, required: false) is { } serverText &&
            (!Uri.TryCreate(serverText, UriKind.Absolute, out fhirServer) || (fhirServer.Scheme != Uri.UriSchemeHttps && fhirServer.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add("fhirServer: must be an absolute http(s) URL.");
            fhirServer = null;
        }

        string? accessToken = null;
        if (root.TryGetProperty("fhirAuthorization", out var authorization) && authorization.ValueKind != JsonValueKind.Null)
        {
            if (authorization.ValueKind != JsonValueKind.Object)
            {
                problems.Add("fhirAuthorization: must be an object.");
            }
            else
            {
                accessToken = String(authorization, "access_token", problems, required: true, path: "fhirAuthorization.access_token");
                if (fhirServer is null)
                {
                    problems.Add("fhirAuthorization: is given without fhirServer.");
                }
            }
        }

        string? patientId = null;
        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            problems.Add("context: must be an object.");
        }
        else
        {
            patientId = String(context, "patientId", problems, required: true, path: "context.patientId");
            if (patientId is not null && !FhirId.IsMatch(patientId))
            {
                problems.Add("context.patientId: must be a FHIR id (1–64 letters, digits, '-' or '.').");
            }
        }

        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("prefetch", out var prefetchElement) && prefetchElement.ValueKind != JsonValueKind.Null)
        {
            if (prefetchElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("prefetch: must be an object.");
            }
            else
            {
                foreach (var member in prefetchElement.EnumerateObject())
                {
                    // No Clone(): the body document outlives the request object, and copying every prefetched Bundle cost time.
                    prefetch[member.Name] = member.Value;
                }
            }
        }

        return problems.Count > 0 ? null : new HookRequest(hook!, hookInstance, fhirServer, accessToken, patientId!, prefetch);
    }

    private static string? String(JsonElement parent, string name, List<string> problems, bool required, string? path = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add((path ?? name) + ": is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add((path ?? name) + ": must be a non-empty string.");
            return null;
        }

        return value.GetString();
    }
}
