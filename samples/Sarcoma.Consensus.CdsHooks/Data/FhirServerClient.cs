using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.CdsHooks.Data;

/// <summary>A FHIR search failed: the server's status code, or a timeout; never a value from the response.</summary>
internal sealed class FhirFetchException : Exception
{
    public FhirFetchException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The typed <see cref="HttpClient"/> that runs a prefetch template against the EHR's FHIR server with the
/// <c>fhirAuthorization</c> bearer token, when the EHR did not prefetch it. One attempt per search (no retries: an EHR
/// that is slow now would only get slower), bounded pages, bounded size; the caller bounds the time.
/// </summary>
internal sealed class FhirServerClient
{
    /// <summary>The largest response read, 16 MiB.</summary>
    public const long MaxResponseBytes = 16L * 1024 * 1024;

    private readonly HttpClient http;

    public FhirServerClient(HttpClient http)
    {
        this.http = http;
    }

    /// <summary>Runs one search and follows <c>next</c> links on the same server.</summary>
    /// <param name="baseUrl">The FHIR base URL.</param>
    /// <param name="relativeSearch">The search, relative to the base (<c>Condition?patient=123</c>).</param>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="maxPages">The most pages read.</param>
    /// <param name="cancellationToken">Cancels the search (timeout or request aborted).</param>
    /// <returns>One Bundle holding every entry read.</returns>
    /// <exception cref="FhirFetchException">The server answered an error, or the answer is not a FHIR Bundle.</exception>
    public async Task<Bundle> SearchAsync(Uri baseUrl, string relativeSearch, string accessToken, int maxPages, CancellationToken cancellationToken)
    {
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        var next = new Uri(root, relativeSearch);
        Bundle? result = null;
        for (var page = 0; page < maxPages && next is not null; page++)
        {
            var bundle = await GetBundleAsync(next, accessToken, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                result = bundle;
            }
            else
            {
                result.Entry.AddRange(bundle.Entry);
            }

            var link = bundle.Link.FirstOrDefault(l => l.Relation == "next")?.Url;
            next = link is not null && Uri.TryCreate(link, UriKind.Absolute, out var nextUri) &&
                   nextUri.AbsoluteUri.StartsWith(root.AbsoluteUri, StringComparison.Ordinal)
                ? nextUri
                : null;
        }

        result!.Link.Clear();
        return result;
    }

    private async Task<Bundle> GetBundleAsync(Uri url, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new FhirFetchException("The FHIR server could not be reached.", e);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new FhirFetchException(FormattableString.Invariant($"The FHIR server answered HTTP {(int)response.StatusCode}."));
            }

            if (response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                throw new FhirFetchException("The FHIR server's answer is larger than the service reads.");
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length > MaxResponseBytes)
            {
                throw new FhirFetchException("The FHIR server's answer is larger than the service reads.");
            }

            try
            {
                return FhirJson.ParseBundle(text);
            }
            catch (FhirInputException e)
            {
                throw new FhirFetchException("The FHIR server's answer is not a FHIR R4 Bundle.", e);
            }
        }
    }
}
