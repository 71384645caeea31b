using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.DataRequirements;
using Sarcoma.Consensus.Fhir.Input;
using Task = System.Threading.Tasks.Task;

namespace Sarcoma.Consensus.CdsHooks.Tests.Support;

/// <summary>
/// The EHR's FHIR server, in memory: answers each prefetch template's search (matched by its URL) from a sample bundle,
/// records the requests and their bearer tokens, and can be told to fail or to hang.
/// </summary>
public sealed class StubFhirServer : HttpMessageHandler
{
    public Bundle? Source { get; set; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public ConcurrentQueue<(Uri Url, string? Authorization)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Status != HttpStatusCode.OK || Source is null)
        {
            return new HttpResponseMessage(Status == HttpStatusCode.OK ? HttpStatusCode.NotFound : Status);
        }

        var relative = request.RequestUri!.AbsoluteUri[(CdsHooksFactory.FhirServer.Length + 1)..];
        var query = FhirDataRequirements.Prefetch.FirstOrDefault(q =>
            Uri.UnescapeDataString(q.Template.Replace("{{context.patientId}}", Prefetch.PatientId, StringComparison.Ordinal)) == Uri.UnescapeDataString(relative));
        if (query is null)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(FhirJson.SerializeLine(Prefetch.Searchset(Source, query.Key)), Encoding.UTF8, "application/fhir+json"),
        };
    }
}
