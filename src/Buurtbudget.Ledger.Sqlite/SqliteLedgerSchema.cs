using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>
/// The ledger file's schema, created and upgraded automatically on open. Each migration runs once, recorded in
/// <c>schema_migrations</c>, inside <c>BEGIN IMMEDIATE</c> so two processes opening a new file do not race.
/// </summary>
internal static class SqliteLedgerSchema
{
    /// <summary>Ordered; never edit a released migration, add the next one.</summary>
    private static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "ledger streams, entries and snapshots", """
            CREATE TABLE ledger_streams (
                stream_id TEXT PRIMARY KEY,
                version   INTEGER NOT NULL CHECK (version > 0),
                head_hash BLOB NOT NULL CHECK (length(head_hash) = 32)
            ) WITHOUT ROWID;
            -- No timestamps: a ballot's entry must not reveal when it was cast (privacy, G8).
            CREATE TABLE ledger_entries (
                stream_id  TEXT NOT NULL,
                version    INTEGER NOT NULL CHECK (version > 0),
                kind       TEXT NOT NULL,
                payload    BLOB NOT NULL,
                prev_hash  BLOB NOT NULL,
                entry_hash BLOB NOT NULL,
                PRIMARY KEY (stream_id, version)
            ) WITHOUT ROWID;
            CREATE TABLE ledger_snapshots (
                stream_id TEXT PRIMARY KEY,
                version   INTEGER NOT NULL,
                head_hash BLOB NOT NULL,
                state     BLOB NOT NULL
            ) WITHOUT ROWID;
            -- Guards against bugs, not against someone holding the file (they can drop these): that is what
            -- the hash chain and `buurtbudget verify` are for.
            CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
            BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: UPDATE refused'); END;
            CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
            BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: DELETE refused'); END;
            """),
        (2, "snapshots move to a file of their own", """
            -- Snapshots are a cache, now kept in ledger.snapshots.db (SqliteSnapshotFile) so that writing one does
            -- not hold this file's write lock. Dropping them here only costs one replay per stream.
            DROP TABLE ledger_snapshots;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    public static void Migrate(SqliteConnection connection)
    {
        // WAL is a property of the file: readers keep reading while the writer commits.
        SqliteConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        SqliteConnections.Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            SqliteConnections.Execute(connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);");
            long applied;
            using (var current = connection.CreateCommand())
            {
                current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations;";
                applied = (long)current.ExecuteScalar()!;
            }

            foreach (var (version, name, sql) in Migrations)
            {
                if (version <= applied)
                {
                    continue;
                }

                SqliteConnections.Execute(connection, sql);
                using var record = connection.CreateCommand();
                record.CommandText = "INSERT INTO schema_migrations (version, name) VALUES ($version, $name);";
                record.Parameters.AddWithValue("$version", version);
                record.Parameters.AddWithValue("$name", name);
                record.ExecuteNonQuery();
            }

            SqliteConnections.Execute(connection, "COMMIT;");
        }
        catch
        {
            SqliteConnections.Execute(connection, "ROLLBACK;");
            throw;
        }
    }
}
