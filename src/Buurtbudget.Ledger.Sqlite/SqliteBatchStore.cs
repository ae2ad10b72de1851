using Buurtbudget.Ledger.GroupCommit;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>
/// Applies a batch in one <c>BEGIN IMMEDIATE</c> transaction on the writer's own connection. Only the writer loop
/// calls it, one batch at a time, so the connection and its prepared commands need no locking.
/// </summary>
internal sealed class SqliteBatchStore(string path) : IBatchStore, IDisposable
{
    private SqliteConnection? _connection;
    private SqliteCommand? _readHead;
    private SqliteCommand? _insertEntry;
    private SqliteCommand? _writeHead;

    public Task<IReadOnlyList<AppendOutcome>> CommitBatchAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite is synchronous underneath; the writer loop already runs on its own task.
        EnsureOpen();
        try
        {
            return Task.FromResult<IReadOnlyList<AppendOutcome>>(Commit(batch));
        }
        catch
        {
            // The transaction's state is unknown; start the next batch on a fresh connection.
            Close();
            throw;
        }
    }

    private AppendOutcome[] Commit(IReadOnlyList<PendingAppend> batch)
    {
        var connection = _connection!;
        SqliteConnections.Execute(connection, "BEGIN IMMEDIATE;");
        var outcomes = new AppendOutcome[batch.Count];
        // Heads as this batch leaves them, so a pipelined append sees the one before it.
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            if (!heads.TryGetValue(append.StreamId, out var head))
            {
                head = ReadHead(append.StreamId);
            }

            if (head != append.Expected)
            {
                outcomes[i] = AppendOutcome.Conflict;
                continue;
            }

            foreach (var entry in append.Entries)
            {
                InsertEntry(entry);
            }

            heads[append.StreamId] = append.NewHead;
            outcomes[i] = AppendOutcome.Committed;
        }

        foreach (var (streamId, head) in heads)
        {
            WriteHead(streamId, head);
        }

        SqliteConnections.Execute(connection, "COMMIT;");
        return outcomes;
    }

    private StreamHead ReadHead(string streamId)
    {
        _readHead!.Parameters["$stream"].Value = streamId;
        using var reader = _readHead.ExecuteReader();
        return reader.Read()
            ? new StreamHead(reader.GetInt64(0), EntryHash.FromBytes((byte[])reader[1]))
            : StreamHead.Empty;
    }

    private void InsertEntry(LedgerEntry entry)
    {
        var p = _insertEntry!.Parameters;
        p["$stream"].Value = entry.StreamId;
        p["$version"].Value = entry.Version;
        p["$kind"].Value = entry.Kind;
        p["$payload"].Value = entry.Payload.ToArray();
        p["$prev"].Value = entry.PreviousHash.Bytes.ToArray();
        p["$hash"].Value = entry.Hash.Bytes.ToArray();
        _insertEntry.ExecuteNonQuery();
    }

    private void WriteHead(string streamId, StreamHead head)
    {
        var p = _writeHead!.Parameters;
        p["$stream"].Value = streamId;
        p["$version"].Value = head.Version;
        p["$hash"].Value = head.Hash.Bytes.ToArray();
        _writeHead.ExecuteNonQuery();
    }

    private void EnsureOpen()
    {
        if (_connection is not null)
        {
            return;
        }

        var connection = SqliteConnections.Open(path);
        _readHead = Prepare(connection, "SELECT version, head_hash FROM ledger_streams WHERE stream_id = $stream;", "$stream");
        _insertEntry = Prepare(connection,
            "INSERT INTO ledger_entries (stream_id, version, kind, payload, prev_hash, entry_hash) VALUES ($stream, $version, $kind, $payload, $prev, $hash);",
            "$stream", "$version", "$kind", "$payload", "$prev", "$hash");
        _writeHead = Prepare(connection,
            "INSERT INTO ledger_streams (stream_id, version, head_hash) VALUES ($stream, $version, $hash) "
            + "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash;",
            "$stream", "$version", "$hash");
        _connection = connection;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private void Close()
    {
        _readHead?.Dispose();
        _insertEntry?.Dispose();
        _writeHead?.Dispose();
        _connection?.Dispose();
        _readHead = _insertEntry = _writeHead = null;
        _connection = null;
    }

    public void Dispose() => Close();
}
