using Buurtbudget.Ledger.Verification;
using Npgsql;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Reads the ledger tables as raw rows for <see cref="LedgerVerifier"/>, in one repeatable-read snapshot so the
/// heads and entries agree even while nodes keep appending. Any role with SELECT on the tables will do.
/// </summary>
public static class PostgresLedgerRows
{
    /// <param name="streamId">Only this stream, or every stream when null.</param>
    /// <exception cref="NpgsqlException">The database cannot be reached or has no ledger tables.</exception>
    public static async Task<LedgerRows> ReadAsync(string connectionString, string? streamId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var filter = streamId is null ? "" : " WHERE stream_id = $1";

        var entries = new List<RawEntryRow>();
        await using (var command = new NpgsqlCommand(
            "SELECT stream_id, version, kind, payload, prev_hash, entry_hash FROM ledger_entries" + filter + " ORDER BY stream_id COLLATE \"C\", version",
            connection, transaction))
        {
            AddStream(command, streamId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new RawEntryRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                    reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)));
            }
        }

        var heads = new List<RawHeadRow>();
        await using (var command = new NpgsqlCommand(
            "SELECT stream_id, version, head_hash FROM ledger_streams" + filter + " ORDER BY stream_id COLLATE \"C\"",
            connection, transaction))
        {
            AddStream(command, streamId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                heads.Add(new RawHeadRow(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
            }
        }

        return new LedgerRows(entries, heads);
    }

    private static void AddStream(NpgsqlCommand command, string? streamId)
    {
        if (streamId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        }
    }
}
