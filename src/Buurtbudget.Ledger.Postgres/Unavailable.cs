using Npgsql;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>Turns PostgreSQL and connection failures on the read side into <see cref="LedgerUnavailableException"/>.</summary>
internal static class Unavailable
{
    public static async Task<T> Wrap<T>(NpgsqlDataSource dataSource, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            // Idle pooled connections are likely dead as well (server restarted); start afresh next time.
            dataSource.Clear();
            throw new LedgerUnavailableException($"The ledger database could not be read: {e.Message}", e);
        }
    }
}
