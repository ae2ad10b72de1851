using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>How every connection to a ledger file is opened, so durability settings cannot be forgotten.</summary>
internal static class SqliteConnections
{
    /// <summary>How long a writer waits for another process holding the file's write lock before failing.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    public static string ConnectionString(string path, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    public static SqliteConnection Open(string path, bool readOnly = false, string? morePragmas = null)
    {
        var connection = new SqliteConnection(ConnectionString(path, readOnly));
        try
        {
            connection.Open();
            // synchronous=FULL: in WAL mode, NORMAL may lose the last commits on power loss; a receipt promises
            // the ballot is stored, so every commit waits for its fsync. busy_timeout lets a second process
            // (a CLI verify, a second server on the same file) wait for the write lock instead of failing.
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; {morePragmas}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
