using Buurtbudget.Ledger.Verification;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>
/// Reads a ledger file's tables as raw rows for <see cref="LedgerVerifier"/>: read-only, straight from the
/// tables, never through the ledger (which would trust its own schema and types).
/// </summary>
public static class SqliteLedgerRows
{
    /// <param name="streamId">Only this stream, or every stream when null.</param>
    /// <exception cref="SqliteException">The file is missing, not SQLite, or has no ledger tables.</exception>
    public static LedgerRows Read(string path, string? streamId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        using var connection = new SqliteConnection(SqliteConnections.ConnectionString(path, readOnly: true));
        connection.Open();
        try
        {
            var filter = streamId is null ? "" : " WHERE stream_id = $stream";
            var entries = new List<RawEntryRow>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT stream_id, version, kind, payload, prev_hash, entry_hash FROM ledger_entries"
                    + filter + " ORDER BY stream_id, version;";
                AddStream(command, streamId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    entries.Add(new RawEntryRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                        Bytes(reader, 3), Bytes(reader, 4), Bytes(reader, 5)));
                }
            }

            var heads = new List<RawHeadRow>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT stream_id, version, head_hash FROM ledger_streams" + filter + " ORDER BY stream_id;";
                AddStream(command, streamId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    heads.Add(new RawHeadRow(reader.GetString(0), reader.GetInt64(1), Bytes(reader, 2)));
                }
            }

            return new LedgerRows(entries, heads);
        }
        finally
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    private static void AddStream(SqliteCommand command, string? streamId)
    {
        if (streamId is not null)
        {
            command.Parameters.AddWithValue("$stream", streamId);
        }
    }

    /// <summary>A tampered row may hold text or NULL where bytes belong; read whatever is there as bytes.</summary>
    private static byte[] Bytes(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetValue(ordinal) switch
        {
            byte[] bytes => bytes,
            var other => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        };
}
