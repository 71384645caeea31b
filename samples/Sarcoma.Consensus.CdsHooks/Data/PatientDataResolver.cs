using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus.CdsHooks.Options;
using Sarcoma.Consensus.CdsHooks.Protocol;
using Sarcoma.Consensus.Fhir.DataRequirements;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.CdsHooks.Data;

/// <summary>The request cannot be answered: the HTTP status (400 or 412) and what is wrong, naming keys and FHIR paths, never values.</summary>
internal sealed class HookRequestException : Exception
{
    public HookRequestException(int statusCode, IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        StatusCode = statusCode;
        Problems = problems;
    }

    public int StatusCode { get; }

    public IReadOnlyList<string> Problems { get; }
}

/// <summary>The patient's FHIR data for one hook call, and where each prefetch key came from.</summary>
internal sealed record PatientData(
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<string> Prefetched,
    IReadOnlyList<string> Fetched,
    IReadOnlyList<string> Unavailable);

/// <summary>
/// Gathers the data of <see cref="FhirDataRequirements.Prefetch"/>: each key from the request's <c>prefetch</c> where the
/// EHR gave it, otherwise from the EHR's FHIR server (only a server listed in <c>CdsHooks:FhirServer:AllowedServers</c>,
/// only with a <c>fhirAuthorization</c> token, all searches together within <c>TimeoutSeconds</c>). A key neither
/// prefetched nor fetched stays unavailable: its facts are unknown, never false. Without the cancer conditions
/// (<c>cancerConditions</c>) nothing can be said, and the answer is 412 as the specification asks.
/// </summary>
internal sealed class PatientDataResolver
{
    /// <summary>The key without which the service cannot answer.</summary>
    public const string EssentialKey = "cancerConditions";

    private readonly FhirServerClient client;
    private readonly IOptions<CdsHooksOptions> options;
    private readonly ILogger<PatientDataResolver> logger;

    public PatientDataResolver(FhirServerClient client, IOptions<CdsHooksOptions> options, ILogger<PatientDataResolver> logger)
    {
        this.client = client;
        this.options = options;
        this.logger = logger;
    }

    public async Task<PatientData> ResolveAsync(HookRequest request, CancellationToken cancellationToken)
    {
        var resources = new List<Resource>();
        var prefetched = new List<string>();
        var missing = new List<FhirQuery>();
        var problems = new List<string>();
        foreach (var query in FhirDataRequirements.Prefetch)
        {
            if (!request.Prefetch.TryGetValue(query.Key, out var value) || value.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                missing.Add(query);
                continue;
            }

            Resource resource;
            try
            {
                resource = PrefetchParser.Parse(value);
            }
            catch (FhirInputException e)
            {
                problems.AddRange(e.Errors.Take(5).Select(error => "prefetch." + query.Key + ": " + error.Field + " " + error.Message));
                continue;
            }

            if (resource is OperationOutcome)
            {
                // CDS Hooks 2.0: the EHR may send an OperationOutcome where its prefetch failed; fetch it ourselves.
                missing.Add(query);
                continue;
            }

            resources.Add(resource);
            prefetched.Add(query.Key);
        }

        if (problems.Count > 0)
        {
            throw new HookRequestException(400, problems);
        }

        var fetched = new List<string>();
        var unavailable = new List<string>();
        if (missing.Count > 0)
        {
            if (CanFetch(request))
            {
                var results = await FetchAsync(request, missing, cancellationToken).ConfigureAwait(false);
                foreach (var (query, bundle) in results)
                {
                    if (bundle is null)
                    {
                        unavailable.Add(query.Key);
                    }
                    else
                    {
                        resources.Add(bundle);
                        fetched.Add(query.Key);
                    }
                }
            }
            else
            {
                unavailable.AddRange(missing.Select(q => q.Key));
            }
        }

        if (unavailable.Contains(EssentialKey, StringComparer.Ordinal))
        {
            throw new HookRequestException(412, new[]
            {
                "prefetch." + EssentialKey + ": the cancer conditions were neither prefetched nor fetchable from fhirServer (with fhirAuthorization, from an allowed server); the service cannot evaluate without them.",
            });
        }

        CheckOnePatient(resources, request.PatientId);
        return new PatientData(resources, prefetched, fetched, unavailable);
    }

    private bool CanFetch(HookRequest request)
    {
        if (request.FhirServer is null || request.AccessToken is null)
        {
            return false;
        }

        var server = request.FhirServer.AbsoluteUri.TrimEnd('/') + "/";
        return options.Value.FhirServer.AllowedServers.Any(allowed => server.StartsWith(allowed.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<(FhirQuery Query, Bundle? Bundle)>> FetchAsync(HookRequest request, IReadOnlyList<FhirQuery> queries, CancellationToken cancellationToken)
    {
        var settings = options.Value.FhirServer;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var patient = Uri.EscapeDataString(request.PatientId);
        var tasks = queries.Select(async query =>
        {
            var search = query.Template.Replace("{{context.patientId}}", patient, StringComparison.Ordinal);
            try
            {
                var bundle = await client.SearchAsync(request.FhirServer!, search, request.AccessToken!, settings.MaxPages, timeout.Token).ConfigureAwait(false);
                return (query, (Bundle?)bundle);
            }
            catch (FhirFetchException e)
            {
                Log.FetchFailed(logger, query.Key, e.Message);
                return (query, (Bundle?)null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.FetchFailed(logger, query.Key, "timed out");
                return (query, (Bundle?)null);
            }
        }).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    // Every resource that names a patient must name the patient in context: data of another patient is refused, not mixed in.
    private static void CheckOnePatient(IEnumerable<Resource> resources, string patientId)
    {
        foreach (var resource in resources.SelectMany(Expand))
        {
            var reference = resource switch
            {
                Condition c => c.Subject?.Reference,
                Observation o => o.Subject?.Reference,
                Procedure p => p.Subject?.Reference,
                BodyStructure b => b.Patient?.Reference,
                MedicationAdministration m => m.Subject?.Reference,
                MedicationRequest m => m.Subject?.Reference,
                MedicationStatement m => m.Subject?.Reference,
                Patient p => "Patient/" + p.Id,
                _ => null,
            };
            if (reference is null || reference.StartsWith("urn:", StringComparison.Ordinal) || (resource is Patient && resource.Id is null))
            {
                continue;
            }

            if (!(reference == "Patient/" + patientId || reference.EndsWith("/Patient/" + patientId, StringComparison.Ordinal)))
            {
                throw new HookRequestException(400, new[] { "prefetch: holds a " + resource.TypeName + " of a patient other than context.patientId." });
            }
        }
    }

    private static IEnumerable<Resource> Expand(Resource resource) =>
        resource is Bundle bundle ? bundle.Entry.Where(e => e?.Resource is not null).Select(e => e.Resource!) : new[] { resource };
}
