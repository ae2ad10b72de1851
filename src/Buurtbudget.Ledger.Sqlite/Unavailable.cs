using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>Turns SQLite failures on the read side into the port's <see cref="LedgerUnavailableException"/>.</summary>
internal static class Unavailable
{
    public static async Task<T> Wrap<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"The ledger file could not be read: {e.Message}", e);
        }
    }
}
