using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus.CdsHooks.Options;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.CdsHooks.Links;

/// <summary>
/// What a card link opens: one hook call's evaluation inputs, the mapped patient and the evaluation date. The report is
/// evaluated again and rendered (HTML, Questionnaire) only when a link is opened: the engine gives the same report for the
/// same patient and date, byte for byte, and a mapping (the patient, its pending lesions and its mapping report) is a few KB where a report is about 40 KB, so the store no longer
/// keeps up to <c>MaxEntries</c> reports alive on the heap (which the garbage collector paid for on every hook call).
/// </summary>
/// <param name="Mapping">The mapping of the hook call's FHIR data: the patient, and the lesions read from the record that
/// wait for a clinician's confirmation (<see cref="Sarcoma.Consensus.Fhir.Mapping.McodeMapping.PendingLesions"/>), which the
/// Questionnaire link asks to confirm.</param>
/// <param name="AsOf">The date the hook call evaluated as of (<see cref="ConsensusReport.AsOf"/>).</param>
internal sealed record EvaluationArtifact(Sarcoma.Consensus.Fhir.Mapping.McodeMapping Mapping, LocalDate AsOf)
{
    /// <summary>Gets the patient mapped from the hook call's FHIR data (the one evaluated).</summary>
    public Patient Patient => Mapping.Patient;
}

/// <summary>
/// Holds the evaluations behind card links in memory only (never on disk, never logged), under an unguessable token
/// (256 random bits) that is the link's only credential, for <c>CdsHooks:Links:LifetimeMinutes</c>; at most
/// <c>MaxEntries</c>, the oldest evicted first. A restart forgets them all.
/// </summary>
internal sealed class ArtifactStore
{
    private readonly ConcurrentDictionary<string, (EvaluationArtifact Artifact, DateTimeOffset ExpiresAt)> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private readonly TimeProvider time;
    private readonly LinkOptions options;

    public ArtifactStore(TimeProvider time, IOptions<CdsHooksOptions> options)
    {
        this.time = time;
        this.options = options.Value.Links;
    }

    public int Count => entries.Count;

    public string Add(EvaluationArtifact artifact)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        entries[token] = (artifact, time.GetUtcNow().AddMinutes(options.LifetimeMinutes));
        order.Enqueue(token);
        while (entries.Count > options.MaxEntries && order.TryDequeue(out var oldest))
        {
            entries.TryRemove(oldest, out _);
        }

        return token;
    }

    public EvaluationArtifact? Get(string token)
    {
        if (!entries.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= time.GetUtcNow())
        {
            entries.TryRemove(token, out _);
            return null;
        }

        return entry.Artifact;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
