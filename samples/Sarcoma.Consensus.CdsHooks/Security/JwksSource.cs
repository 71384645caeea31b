using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Sarcoma.Consensus.CdsHooks.Options;

namespace Sarcoma.Consensus.CdsHooks.Security;

/// <summary>
/// The public keys of each trusted issuer: from its configured JWKS file (read once) or JWKS URL (fetched through a typed
/// <see cref="HttpClient"/>, kept for <c>JwksCacheMinutes</c>, refreshed early when a token names an unknown <c>kid</c>,
/// at most once a minute). The token's own <c>jku</c> header is never followed: keys come from configuration only.
/// </summary>
internal sealed class JwksSource
{
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);
    private readonly HttpClient http;
    private readonly IHostEnvironment environment;
    private readonly TimeProvider time;
    private readonly SecurityOptions options;
    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt)> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim refresh = new(1, 1);

    public JwksSource(HttpClient http, IHostEnvironment environment, TimeProvider time, IOptions<CdsHooksOptions> options)
    {
        this.http = http;
        this.environment = environment;
        this.time = time;
        this.options = options.Value.Security;
    }

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(TrustedIssuerOptions issuer, string? kid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(issuer.Issuer, out var cached))
        {
            var fresh = now - cached.FetchedAt < TimeSpan.FromMinutes(options.JwksCacheMinutes);
            var known = kid is null || cached.Keys.Any(k => k.KeyId == kid);
            if ((fresh && known) || issuer.JwksPath is not null || now - cached.FetchedAt < MinimumRefreshInterval)
            {
                return cached.Keys;
            }
        }

        await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string json;
            if (issuer.JwksPath is not null)
            {
                json = await File.ReadAllTextAsync(Path.Combine(environment.ContentRootPath, issuer.JwksPath), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var response = await http.GetAsync(issuer.JwksUri, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }

            var keys = new JsonWebKeySet(json).GetSigningKeys().ToArray();
            cache[issuer.Issuer] = (keys, now);
            return keys;
        }
        finally
        {
            refresh.Release();
        }
    }
}
