using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Snapshots in PostgreSQL as <see cref="SnapshotPages"/>, kept per stream by the SHA-256 of their bytes
/// (<c>ledger_snapshot_pages</c>, schema version 4); <c>ledger_snapshots</c> holds each stream's current snapshot as
/// the list of its pages' hashes.
/// </summary>
/// <remarks>
/// <para>A snapshot of a big ballot box is megabytes. Stored as one value, PostgreSQL cut it into 2 kB TOAST rows with
/// an index entry each, in one statement that kept a core busy for 50–130 ms; on 2 cores the ballots committed
/// meanwhile waited for CPU (half-load p99 50 ms with snapshots, 13–16 ms without, measured 2026-12-03). Rows that fit
/// a page uncompressed skip TOAST, and writing them a slice at a time, with a pause between slices, leaves the CPU to
/// the ballots in between.</para>
/// <para>Only pages whose hash is not stored yet are written, and pages no snapshot names any more are deleted. The
/// write is one transaction, so a reader sees a whole snapshot or the previous one.</para>
/// </remarks>
internal static class PostgresSnapshotPages
{
    /// <summary>Rows per statement: 112 kB. With 64 (half a megabyte), binding and inserting one statement kept a
    /// backend on a core for up to 40 ms; in 3 A/B pairs the longest ballot commit meanwhile was 9.2–31.8 ms, against
    /// 9.6–11.4 ms with 16 and the pause below (docs/performance.md, session 9).</summary>
    public const int PagesPerSlice = 16;

    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(1);

    /// <summary>Snapshot writers of one stream (on any node) take turns; the second int names the stream.</summary>
    private const int LockClass = 0x736e6170; // "snap"

    public static async Task<Snapshot?> ReadAsync(NpgsqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        // One statement, so the page list and the pages come from the same MVCC snapshot even while a newer one is
        // written; the list comes once (a join would repeat it on every page's row), and rows may come in any order.
        await using var command = new NpgsqlCommand("""
            SELECT version, head_hash, length, pages, NULL::bytea, NULL::bytea FROM ledger_snapshots WHERE stream_id = $1
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, hash, bytes FROM ledger_snapshot_pages WHERE stream_id = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        (StreamHead Head, long Length, byte[] List)? header = null;
        var pages = new Dictionary<EntryHash, byte[]>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.IsDBNull(4))
                {
                    header = (new StreamHead(reader.GetInt64(0), EntryHash.FromBytes(reader.GetFieldValue<byte[]>(1))), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
                }
                else
                {
                    pages[EntryHash.FromBytes(reader.GetFieldValue<byte[]>(4))] = reader.GetFieldValue<byte[]>(5);
                }
            }
        }
        if (header is not { } found)
        {
            return null;
        }

        // A page missing or of the wrong size means a broken cache: ignore it, and activation replays instead.
        return SnapshotPages.Assemble(found.Length, found.List, pages) is { } state ? new Snapshot(streamId, found.Head, state) : null;
    }

    public static async Task WriteAsync(NpgsqlConnection connection, Snapshot snapshot, CancellationToken cancellationToken)
    {
        var paged = SnapshotPages.Of(snapshot.State);
        int count = paged.Count;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var turn = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockClass}, hashtext($1))", connection, transaction))
        {
            turn.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            await turn.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        // The stored pages are exactly those the current snapshot lists (every write deletes the rest).
        var stored = new HashSet<EntryHash>();
        await using (var current = new NpgsqlCommand("SELECT version, pages FROM ledger_snapshots WHERE stream_id = $1", connection, transaction))
        {
            current.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            await using var reader = await current.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetInt64(0) >= snapshot.Head.Version)
                {
                    return; // never replace a newer snapshot (or write the same one twice)
                }
                stored.UnionWith(SnapshotPages.Hashes(reader.GetFieldValue<byte[]>(1)));
            }
        }
        if (stored.Count > 0)
        {
            // Trust the list only while every page it names is there: a page lost any other way (by hand) would
            // otherwise never be written again, and every later snapshot of the stream would be ignored.
            await using var present = new NpgsqlCommand("SELECT count(*) FROM ledger_snapshot_pages WHERE stream_id = $1", connection, transaction);
            present.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            if ((long)(await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != stored.Count)
            {
                stored.Clear();
            }
        }
        var missing = new List<int>();
        for (int i = 0; i < count; i++)
        {
            // Adding to the set also skips a page that repeats within this snapshot.
            if (stored.Add(EntryHash.FromBytes(paged.HashOf(i).Span)))
            {
                missing.Add(i);
            }
        }

        for (int first = 0; first < missing.Count; first += PagesPerSlice)
        {
            int slice = Math.Min(PagesPerSlice, missing.Count - first);
            var hashes = new ReadOnlyMemory<byte>[slice];
            var pages = new ReadOnlyMemory<byte>[slice];
            for (int i = 0; i < slice; i++)
            {
                int page = missing[first + i];
                hashes[i] = paged.HashOf(page);
                pages[i] = paged.Page(page);
            }
            long sliceStarted = Stopwatch.GetTimestamp();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO ledger_snapshot_pages (stream_id, hash, bytes) SELECT $1, hash, bytes FROM unnest($2, $3) AS t (hash, bytes) ON CONFLICT DO NOTHING",
                connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = snapshot.StreamId });
            insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>[]> { TypedValue = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>[]> { TypedValue = pages, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (first + slice < missing.Count)
            {
                // A pause as long as the slice took (at least 1 ms): the backend then uses at most half of a core,
                // and the ballots committing meanwhile get the rest. The snapshot takes twice as long; nobody waits for it.
                var took = Stopwatch.GetElapsedTime(sliceStarted);
                await Task.Delay(took > MinimumPause ? took : MinimumPause, cancellationToken).ConfigureAwait(false);
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
                        new() { Value = paged.Length },
                        new() { Value = paged.List },
                    },
                },
                // Pages only older snapshots named (NOT IN a subquery is a hashed anti-join, not a scan per row).
                new("DELETE FROM ledger_snapshot_pages WHERE stream_id = $1 AND hash NOT IN (SELECT unnest($2))")
                {
                    Parameters =
                    {
                        new() { Value = snapshot.StreamId },
                        new NpgsqlParameter<ReadOnlyMemory<byte>[]>
                        {
                            TypedValue = [.. Enumerable.Range(0, count).Select(paged.HashOf)],
                            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea,
                        },
                    },
                },
            },
        })
        {
            await point.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
