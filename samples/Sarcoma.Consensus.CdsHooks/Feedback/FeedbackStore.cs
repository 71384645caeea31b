using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus.CdsHooks.Options;

namespace Sarcoma.Consensus.CdsHooks.Feedback;

/// <summary>
/// One feedback entry as stored: the card's uuid, the outcome, the override reason's code, the accepted suggestions'
/// uuids and the times. Nothing of the patient: the uuids are derived from the hook instance and the card kind only,
/// and the clinician's free-text comment is not kept.
/// </summary>
/// <param name="ServiceId">The CDS Service.</param>
/// <param name="Card">The card's uuid.</param>
/// <param name="Outcome"><c>accepted</c> or <c>overridden</c>.</param>
/// <param name="OverrideReasonSystem">The override reason's code system, or <see langword="null"/>.</param>
/// <param name="OverrideReasonCode">The override reason's code, or <see langword="null"/>.</param>
/// <param name="AcceptedSuggestions">The accepted suggestions' uuids.</param>
/// <param name="OutcomeTimestamp">When the clinician acted (ISO 8601, from the EHR).</param>
/// <param name="ReceivedAt">When the service received it (UTC).</param>
public sealed record FeedbackEntry(
    string ServiceId,
    string Card,
    string Outcome,
    string? OverrideReasonSystem,
    string? OverrideReasonCode,
    IReadOnlyList<string> AcceptedSuggestions,
    DateTimeOffset OutcomeTimestamp,
    DateTimeOffset ReceivedAt);

/// <summary>Where feedback goes. The default is <see cref="SqliteFeedbackStore"/>; a hospital registers its own implementation before the service's to replace it.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores entries, all or none.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The write.</returns>
    Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken);

    /// <summary>Reads the entries stored for a card.</summary>
    /// <param name="card">The card's uuid.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, oldest first.</returns>
    Task<IReadOnlyList<FeedbackEntry>> ForCardAsync(string card, CancellationToken cancellationToken);
}

/// <summary>Feedback in a SQLite file (<c>CdsHooks:Feedback:SqlitePath</c>), one row per entry, written in one transaction per request.</summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly string connectionString;
    private readonly SemaphoreSlim initialise = new(1, 1);
    private volatile bool ready;

    /// <summary>Creates the store; the database and its table are created on first use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="environment">The host environment (a relative path is under the content root).</param>
    public SqliteFeedbackStore(IOptions<CdsHooksOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var path = Path.Combine(environment.ContentRootPath, options.Value.Feedback.SqlitePath);
        DatabasePath = Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>Gets the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public async Task AddAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO feedback (service_id, card, outcome, override_reason_system, override_reason_code, accepted_suggestions, outcome_timestamp, received_at) " +
                "VALUES ($service, $card, $outcome, $system, $code, $accepted, $outcomeAt, $receivedAt)";
            command.Parameters.AddWithValue("$service", entry.ServiceId);
            command.Parameters.AddWithValue("$card", entry.Card);
            command.Parameters.AddWithValue("$outcome", entry.Outcome);
            command.Parameters.AddWithValue("$system", (object?)entry.OverrideReasonSystem ?? DBNull.Value);
            command.Parameters.AddWithValue("$code", (object?)entry.OverrideReasonCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$accepted", string.Join(",", entry.AcceptedSuggestions));
            command.Parameters.AddWithValue("$outcomeAt", entry.OutcomeTimestamp.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$receivedAt", entry.ReceivedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackEntry>> ForCardAsync(string card, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT service_id, card, outcome, override_reason_system, override_reason_code, accepted_suggestions, outcome_timestamp, received_at FROM feedback WHERE card = $card ORDER BY id";
        command.Parameters.AddWithValue("$card", card);
        var result = new List<FeedbackEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var accepted = reader.GetString(5);
            result.Add(new FeedbackEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                accepted.Length == 0 ? Array.Empty<string>() : accepted.Split(','),
                DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!ready)
        {
            await initialise.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!ready)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                    await using var setup = new SqliteConnection(connectionString);
                    await setup.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = setup.CreateCommand();
                    command.CommandText =
                        "PRAGMA journal_mode=WAL;" +
                        "CREATE TABLE IF NOT EXISTS feedback (" +
                        " id INTEGER PRIMARY KEY AUTOINCREMENT, service_id TEXT NOT NULL, card TEXT NOT NULL, outcome TEXT NOT NULL," +
                        " override_reason_system TEXT NULL, override_reason_code TEXT NULL, accepted_suggestions TEXT NOT NULL," +
                        " outcome_timestamp TEXT NOT NULL, received_at TEXT NOT NULL);" +
                        "CREATE INDEX IF NOT EXISTS feedback_card ON feedback (card);";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    ready = true;
                }
            }
            finally
            {
                initialise.Release();
            }
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
