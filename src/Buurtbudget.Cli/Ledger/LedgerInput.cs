using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Ledger.Verification;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buurtbudget.Cli.Ledger;

/// <summary>Reads a ledger's raw rows from the store named on the command line, turning every way that can fail
/// into one user-facing message (exit code 1). Connection strings are never echoed: they may hold a password.</summary>
internal static class LedgerInput
{
    public static LedgerRows ReadSqlite(string path, string? streamId)
    {
        try
        {
            return SqliteLedgerRows.Read(path, streamId);
        }
        catch (FileNotFoundException)
        {
            throw new UserErrorException($"{path}: no such file");
        }
        catch (SqliteException e)
        {
            throw new UserErrorException($"{path}: cannot be read as a Buurtbudget ledger: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{path}: cannot be read: {e.Message}");
        }
    }

    public static LedgerRows ReadPostgres(string connectionString, string? streamId)
    {
        try
        {
            return PostgresLedgerRows.ReadAsync(connectionString, streamId).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"--postgres: not a valid connection string: {e.Message}", ExitCodes.Usage);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            throw new UserErrorException($"the PostgreSQL ledger cannot be read: {e.Message}");
        }
    }
}
