using Npgsql;
using NpgsqlTypes;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// One run of appends (<see cref="ChainRun"/>) as ONE statement: a data-modifying CTE moves the stream's head only if it is still the expected
/// one, and the entries are inserted only if it moved. The head row's lock serializes writers on every node; a
/// writer that lost the race sees the new row (READ COMMITTED re-checks the WHERE) and inserts nothing. So
/// 0 rows is a conflict, and a conflict never aborts the batch's transaction.
/// </summary>
internal static class AppendStatement
{
    private const string InsertEntries = """
        INSERT INTO ledger_entries (stream_id, version, kind, payload, prev_hash, entry_hash)
        SELECT $1, e.version, e.kind, e.payload, e.prev_hash, e.entry_hash
        FROM unnest($4::bigint[], $5::text[], $6::bytea[], $7::bytea[], $8::bytea[]) AS e(version, kind, payload, prev_hash, entry_hash)
        WHERE EXISTS (SELECT 1 FROM head)
        """;

    /// <summary>$1 stream, $2 new version, $3 new head hash, $4–$8 the entries' columns, $9/$10 the expected head.</summary>
    private const string ExtendStream = """
        WITH head AS (
            UPDATE ledger_streams SET version = $2, head_hash = $3
            WHERE stream_id = $1 AND version = $9 AND head_hash = $10
            RETURNING 1)
        """ + "\n" + InsertEntries;

    /// <summary>A new stream: the head row must not exist yet (a concurrent creator wins, we do nothing).</summary>
    private const string CreateStream = """
        WITH head AS (
            INSERT INTO ledger_streams (stream_id, version, head_hash) VALUES ($1, $2, $3)
            ON CONFLICT (stream_id) DO NOTHING
            RETURNING 1)
        """ + "\n" + InsertEntries;

    public static NpgsqlBatchCommand For(ChainRun append)
    {
        var command = new NpgsqlBatchCommand(append.CreatesStream ? CreateStream : ExtendStream);
        var entries = append.Entries;
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = append.StreamId });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = append.NewHead.Version });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = append.NewHead.Hash.Bytes.ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = entries.Select(e => e.Version).ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = entries.Select(e => e.Kind).ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = entries.Select(e => e.Payload.ToArray()).ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = entries.Select(e => e.PreviousHash.Bytes.ToArray()).ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = entries.Select(e => e.Hash.Bytes.ToArray()).ToArray() });
        if (!append.CreatesStream)
        {
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = append.Expected.Version });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = append.Expected.Hash.Bytes.ToArray() });
        }

        return command;
    }
}
