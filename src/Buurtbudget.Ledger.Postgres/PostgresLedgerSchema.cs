using System.Globalization;
using Npgsql;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Creates and upgrades the ledger's tables, run by the schema owner at startup. Idempotent, versioned in
/// <c>schema_migrations</c>, and serialized by a transaction-scoped advisory lock so two nodes starting together
/// do not race. Afterwards the application role may only read, append entries and move heads and snapshots.
/// </summary>
public static class PostgresLedgerSchema
{
    /// <summary>"buurtbud" in ASCII: the advisory lock that serializes migrations of this schema.</summary>
    private const long MigrationLock = 0x6275757274627564;

    /// <summary>Ordered; never edit a released migration, add the next one.</summary>
    private static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "ledger streams, entries, snapshots and the append-only trigger", """
            CREATE TABLE ledger_streams (
                stream_id text PRIMARY KEY,
                version   bigint NOT NULL CHECK (version > 0),
                head_hash bytea NOT NULL CHECK (length(head_hash) = 32)
            );
            -- No timestamps: a ballot's entry must not reveal when it was cast (privacy, G8). Order is the version.
            CREATE TABLE ledger_entries (
                stream_id  text NOT NULL,
                version    bigint NOT NULL CHECK (version > 0),
                kind       text NOT NULL,
                payload    bytea NOT NULL,
                prev_hash  bytea NOT NULL,
                entry_hash bytea NOT NULL,
                PRIMARY KEY (stream_id, version)
            );
            CREATE TABLE ledger_snapshots (
                stream_id text PRIMARY KEY,
                version   bigint NOT NULL,
                head_hash bytea NOT NULL,
                state     bytea NOT NULL
            );
            -- History is append-only for every role, the owner included; only a superuser who disables triggers
            -- can change it, and the hash chain makes that visible to `buurtbudget verify`.
            CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'ledger_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
                FOR EACH ROW EXECUTE FUNCTION ledger_entries_refuse_change();
            CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change();
            """),
        (2, "proposal images, content-addressed", """
            -- Image bytes stay out of the ledger's payloads: a proposal's events name an image by this hash only.
            -- Keyed by the SHA-256 of the bytes, so a row can only ever hold the bytes it is named after.
            CREATE TABLE images (
                hash  bytea PRIMARY KEY CHECK (length(hash) = 32),
                bytes bytea NOT NULL CHECK (length(bytes) > 0)
            );
            """),
        (3, "snapshots are an unlogged cache, stored uncompressed", """
            -- A snapshot of a big ballot box is tens of megabytes. Logged, it went through the WAL, and every ballot
            -- committed after it waited until those megabytes were flushed: a stall of 100-300 ms each time. Unlogged,
            -- it skips the WAL. After a crash PostgreSQL empties the table and a standby never has it; both only mean
            -- that the next activation replays the stream from its start and writes a new snapshot.
            ALTER TABLE ledger_snapshots SET UNLOGGED;
            -- Snapshots are mostly hashes, which do not compress; trying cost the backend 100+ ms of CPU per write.
            ALTER TABLE ledger_snapshots ALTER COLUMN state SET STORAGE EXTERNAL;
            """),
        (4, "snapshots in page-sized rows, kept by their hash", """
            -- Even unlogged, one multi-megabyte value is cut into 2 kB TOAST rows with an index entry each, in one
            -- statement that kept a core busy for 50-130 ms while ballots waited for CPU. Rows that fit a page
            -- uncompressed skip TOAST, and the server writes them a slice at a time. Pages are kept per stream by
            -- the SHA-256 of their bytes: a neighbourhood's next snapshot repeats most pages of its last one, and
            -- only new pages are written (PostgresSnapshotPages).
            CREATE UNLOGGED TABLE ledger_snapshot_pages (
                stream_id text NOT NULL,
                hash      bytea NOT NULL CHECK (length(hash) = 32),
                bytes     bytea NOT NULL,
                PRIMARY KEY (stream_id, hash)
            );
            -- Every column plain: a row is bigger than the TOAST threshold (2 kB), and PostgreSQL would otherwise move
            -- the hash or a long stream id out of line to get under it, one TOAST row and index entry per page.
            ALTER TABLE ledger_snapshot_pages ALTER COLUMN stream_id SET STORAGE PLAIN,
                ALTER COLUMN hash SET STORAGE PLAIN, ALTER COLUMN bytes SET STORAGE PLAIN;
            -- A cache: dropping the old snapshots costs one replay per stream, and the next activation writes new ones.
            TRUNCATE ledger_snapshots;
            ALTER TABLE ledger_snapshots DROP COLUMN state;
            ALTER TABLE ledger_snapshots ADD COLUMN length bigint NOT NULL CHECK (length >= 0);
            -- The snapshot's pages in order: their hashes, 32 bytes each.
            ALTER TABLE ledger_snapshots ADD COLUMN pages bytea NOT NULL CHECK (length(pages) % 32 = 0);
            ALTER TABLE ledger_snapshots ALTER COLUMN pages SET STORAGE EXTERNAL;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies missing migrations and (re)grants the application role its least privileges.</summary>
    /// <returns>The schema version now in place.</returns>
    public static async Task<int> MigrateAsync(string ownerConnectionString, string appRoleName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(appRoleName);
        // Unpooled: the owner's connection is used once at start-up and must not linger in a global pool afterwards
        // holding a slot with the most powerful role (Bug_002).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLock.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL)", cancellationToken).ConfigureAwait(false);

        int applied;
        await using (var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection))
        {
            applied = (int)(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        foreach (var (version, name, sql) in Migrations)
        {
            if (version <= applied)
            {
                continue;
            }

            await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            record.Parameters.Add(new NpgsqlParameter { Value = name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var app = QuoteIdentifier(appRoleName);
        await ExecuteAsync(connection, $"""
            REVOKE ALL ON ledger_entries, ledger_streams, ledger_snapshots, ledger_snapshot_pages, schema_migrations, images FROM PUBLIC;
            REVOKE ALL ON ledger_entries, ledger_streams, ledger_snapshots, ledger_snapshot_pages, schema_migrations, images FROM {app};
            GRANT SELECT, INSERT ON ledger_entries, images TO {app};
            GRANT SELECT, INSERT, UPDATE ON ledger_streams, ledger_snapshots TO {app};
            GRANT SELECT, INSERT, DELETE ON ledger_snapshot_pages TO {app};
            GRANT SELECT ON schema_migrations TO {app};
            """, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return LatestVersion;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
