using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sarcoma.Consensus.CdsHooks.Feedback;

/// <summary>Healthy when the feedback store answers a read.</summary>
internal sealed class FeedbackStoreHealthCheck : IHealthCheck
{
    private readonly IFeedbackStore store;

    public FeedbackStoreHealthCheck(IFeedbackStore store)
    {
        this.store = store;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ForCardAsync(Guid.Empty.ToString("D"), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SqliteException or System.IO.IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The feedback store cannot be read.");
        }
    }
}
