using System;
using System.Collections.Concurrent;
using System.Linq;

namespace Sarcoma.Consensus.CdsHooks.Security;

/// <summary>
/// The <c>jti</c> values seen, per issuer, until their token expires: a second use of a <c>jti</c> is a replay. In memory:
/// a service run on several nodes needs a shared cache (replace this registration).
/// </summary>
internal sealed class ReplayCache
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private int adds;

    public ReplayCache(TimeProvider time)
    {
        this.time = time;
    }

    /// <summary>Records a <c>jti</c>; <see langword="false"/> when it was seen before and has not expired.</summary>
    public bool TryUse(string issuer, string jti, DateTimeOffset keepUntil)
    {
        var now = time.GetUtcNow();
        if (System.Threading.Interlocked.Increment(ref adds) % SweepEvery == 0)
        {
            foreach (var expired in seen.Where(e => e.Value <= now).Select(e => e.Key).ToArray())
            {
                seen.TryRemove(expired, out _);
            }
        }

        var key = issuer + "\n" + jti;
        if (seen.TryAdd(key, keepUntil))
        {
            return true;
        }

        // A jti whose token has long expired may be reused only after it left the cache: replace an expired entry once.
        return seen.TryGetValue(key, out var until) && until <= now && seen.TryUpdate(key, keepUntil, until);
    }
}
