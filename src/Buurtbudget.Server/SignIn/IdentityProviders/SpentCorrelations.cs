using System.Collections.Concurrent;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Makes a flow single use even when someone kept a copy of the correlation cookie and the callback URL: the first
/// callback spends the flow's id, a replay finds it spent. Ids are remembered until the cookie would have expired
/// anyway. This is per server process; across nodes the provider's own rule (an authorization code is redeemed
/// once) is what stops a replay.
/// </summary>
internal sealed class SpentCorrelations(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);

    /// <summary>True the first time for a flow, false for every replay.</summary>
    public bool TrySpend(Correlation correlation)
    {
        var now = time.GetUtcNow();
        foreach (var (id, expires) in _spent)
        {
            if (expires <= now)
            {
                _spent.TryRemove(id, out _);
            }
        }
        return _spent.TryAdd(correlation.Id, correlation.Expires);
    }
}
