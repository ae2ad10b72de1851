using Microsoft.Data.Sqlite;

namespace Buurtbudget.Server.Sessions;

/// <summary>
/// Sessions in <c>{DataDirectory}/sessions.db</c>, beside the ledger file: a separate file because sessions change
/// and disappear, while the ledger only grows. Nodes that share the data directory share it.
/// </summary>
internal sealed class SqliteSessionStore : ISessionStore
{
    public const string FileName = "sessions.db";

    private readonly string _connectionString;

    public SqliteSessionStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS sessions (
                id_digest    BLOB PRIMARY KEY CHECK (length(id_digest) = 32),
                holder       BLOB,
                started_at   INTEGER NOT NULL,
                last_used_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS sessions_by_holder ON sessions (holder) WHERE holder IS NOT NULL;
            """);
    }

    public Task StartAsync(SessionRecord session, CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, "INSERT INTO sessions (id_digest, holder, started_at, last_used_at) VALUES ($id, $holder, $started, $used);",
            ("$id", session.IdDigest), ("$holder", (object?)session.Holder ?? DBNull.Value),
            ("$started", session.StartedAt.ToUnixTimeMilliseconds()), ("$used", session.LastUsedAt.ToUnixTimeMilliseconds()));
        return command.ExecuteNonQuery();
    });

    public Task<SessionRecord?> FindAsync(byte[] idDigest, CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, "SELECT holder, started_at, last_used_at FROM sessions WHERE id_digest = $id;", ("$id", idDigest));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new SessionRecord(idDigest, reader.IsDBNull(0) ? null : (byte[])reader[0],
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
            : null;
    });

    public Task RecordUseAsync(byte[] idDigest, DateTimeOffset at, CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, "UPDATE sessions SET last_used_at = max(last_used_at, $at) WHERE id_digest = $id;",
            ("$id", idDigest), ("$at", at.ToUnixTimeMilliseconds()));
        return command.ExecuteNonQuery();
    });

    public async Task<bool> EndAsync(byte[] idDigest, CancellationToken cancellationToken) => await Run(connection =>
    {
        using var command = Command(connection, "DELETE FROM sessions WHERE id_digest = $id;", ("$id", idDigest));
        return command.ExecuteNonQuery();
    }) > 0;

    public Task<int> EndAllOfAsync(byte[] holder, CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, "DELETE FROM sessions WHERE holder = $holder;", ("$holder", holder));
        return command.ExecuteNonQuery();
    });

    public Task<int> PurgeAsync(DateTimeOffset idleBefore, DateTimeOffset startedBefore, CancellationToken cancellationToken) => Run(connection =>
    {
        using var command = Command(connection, "DELETE FROM sessions WHERE last_used_at < $idle OR started_at < $started;",
            ("$idle", idleBefore.ToUnixTimeMilliseconds()), ("$started", startedBefore.ToUnixTimeMilliseconds()));
        return command.ExecuteNonQuery();
    });

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // A sign-out must survive a crash as surely as the sign-in did.
        Execute(connection, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;");
        return connection;
    }

    // SQLite has no asynchronous I/O; the calls are short and rare (sign-in, sign-out, one use-record a minute).
    private Task<T> Run<T>(Func<SqliteConnection, T> work)
    {
        using var connection = Open();
        return Task.FromResult(work(connection));
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
