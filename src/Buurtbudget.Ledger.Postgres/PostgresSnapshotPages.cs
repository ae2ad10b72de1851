using Npgsql;
using NpgsqlTypes;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Snapshots in PostgreSQL as rows of at most <see cref="PageSize"/> bytes (<c>ledger_snapshot_pages</c>, schema
/// version 4), with <c>ledger_snapshots</c> naming each stream's current one.
/// </summary>
/// <remarks>
/// A snapshot of a big ballot box is megabytes. Stored as one value, PostgreSQL cut it into 2 kB TOAST rows with an
/// index entry each, in one statement that kept a core busy for 50–130 ms; on 2 cores the ballots committed meanwhile
/// waited for CPU (half-load p99 50 ms with snapshots, 13–16 ms without, measured 2026-12-03). Rows that fit a page
/// uncompressed skip TOAST, and writing them a slice at a time, with a pause between slices, leaves the CPU to the
/// ballots in between. The write is one transaction, so a reader sees a whole snapshot or the previous one.
/// </remarks>
internal static class PostgresSnapshotPages
{
    /// <summary>Bytes per row: with the row's other columns (a stream id of up to ~900 bytes) it fits one 8 kB page.</summary>
    public const int PageSize = 7 * 1024;

    /// <summary>Rows per statement: about half a megabyte.</summary>
    public const int PagesPerSlice = 64;

    /// <summary>Snapshot writers of one stream (on any node) take turns; the second int names the stream.</summary>
    private const int LockClass = 0x736e6170; // "snap"

    public static async Task<Snapshot?> ReadAsync(NpgsqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        // One statement, so pointer and pages come from the same MVCC snapshot even while a newer one is written.
        await using var command = new NpgsqlCommand("""
            SELECT s.version, s.head_hash, s.length, s.pages, p.page, p.bytes
            FROM ledger_snapshots s LEFT JOIN ledger_snapshot_pages p ON p.stream_id = s.stream_id AND p.version = s.version
            WHERE s.stream_id = $1 ORDER BY p.page
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        StreamHead? head = null;
        byte[] state = [];
        int expectedPages = 0, pages = 0, filled = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (head is null)
            {
                head = new StreamHead(reader.GetInt64(0), EntryHash.FromBytes(reader.GetFieldValue<byte[]>(1)));
                state = new byte[checked((int)reader.GetInt64(2))];
                expectedPages = reader.GetInt32(3);
            }
            if (reader.IsDBNull(4))
            {
                break;
            }
            // A page out of place or of the wrong size means a broken cache: ignore it and replay instead.
            var bytes = reader.GetFieldValue<byte[]>(5);
            if (reader.GetInt32(4) != pages || filled + bytes.Length > state.Length)
            {
                return null;
            }
            bytes.CopyTo(state, filled);
            filled += bytes.Length;
            pages++;
        }
        return head is { } found && pages == expectedPages && filled == state.Length ? new Snapshot(streamId, found, state) : null;
    }

    public static async Task WriteAsync(NpgsqlConnection connection, Snapshot snapshot, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var turn = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockClass}, hashtext($1))", connection, transaction))
        {
            turn.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            await turn.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var current = new NpgsqlCommand("SELECT version FROM ledger_snapshots WHERE stream_id = $1", connection, transaction))
        {
            current.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            if (await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version && version >= snapshot.Head.Version)
            {
                return; // never replace a newer snapshot (or write the same one twice)
            }
        }

        var state = snapshot.State;
        int pages = (state.Length + PageSize - 1) / PageSize;
        for (int first = 0; first < pages; first += PagesPerSlice)
        {
            int count = Math.Min(PagesPerSlice, pages - first);
            var numbers = new int[count];
            var slices = new ReadOnlyMemory<byte>[count];
            for (int i = 0; i < count; i++)
            {
                int offset = (first + i) * PageSize;
                numbers[i] = first + i;
                slices[i] = state.Slice(offset, Math.Min(PageSize, state.Length - offset));
            }
            await using var insert = new NpgsqlCommand(
                "INSERT INTO ledger_snapshot_pages (stream_id, version, page, bytes) SELECT $1, $2, page, bytes FROM unnest($3, $4) AS t (page, bytes)",
                connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            insert.Parameters.Add(new NpgsqlParameter { Value = snapshot.Head.Version });
            insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = numbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>[]> { TypedValue = slices, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (first + count < pages)
            {
                // A breath between slices: the ballots committing meanwhile get the CPU this backend would take.
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var point = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("""
                    INSERT INTO ledger_snapshots (stream_id, version, head_hash, length, pages) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash, length = excluded.length, pages = excluded.pages
                    """)
                {
                    Parameters =
                    {
                        new() { Value = snapshot.StreamId },
                        new() { Value = snapshot.Head.Version },
                        new() { Value = snapshot.Head.Hash.Bytes.ToArray() },
                        new() { Value = (long)state.Length },
                        new() { Value = pages },
                    },
                },
                new("DELETE FROM ledger_snapshot_pages WHERE stream_id = $1 AND version <> $2")
                {
                    Parameters = { new() { Value = snapshot.StreamId }, new() { Value = snapshot.Head.Version } },
                },
            },
        })
        {
            await point.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
