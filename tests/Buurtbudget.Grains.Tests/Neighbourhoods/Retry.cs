using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>What a well-behaved client does: on a storage conflict or outage, send the same request again
/// (same idempotency key) after a short random back-off, a bounded number of times. The back-off is client
/// behaviour, not test synchronisation: without it two nodes fighting over one grain just collide again.</summary>
internal static class Retry
{
    public static async Task<T> OnStorageFailureAsync<T>(Func<Task<T>> request, int attempts = 50)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (Exception exception) when (attempt < attempts && exception is LedgerConflictException or LedgerUnavailableException)
            {
                await Task.Delay(Random.Shared.Next(1, 2 + Math.Min(100, 1 << Math.Min(attempt, 7))));
            }
        }
    }
}
