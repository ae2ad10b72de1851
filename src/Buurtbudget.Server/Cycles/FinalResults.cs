using System.Collections.Concurrent;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// Final results, computed once per closed cycle: a closed cycle's ballots never change, and Equal Shares with
/// completion on a large neighbourhood takes long enough that every page view must not repeat it.
/// </summary>
internal sealed class FinalResults(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<(string Neighbourhood, string Cycle), Lazy<Task<CycleResults>>> _computed = new();

    /// <summary>The results, or null while the cycle is not closed.</summary>
    public async Task<CycleResults?> OfAsync(CycleView cycle, string neighbourhoodId)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Phase != CyclePhase.Closed)
        {
            return null;
        }
        var key = (neighbourhoodId, cycle.CycleId);
        var computed = _computed.GetOrAdd(key, k => new(() => ComputeAsync(k.Neighbourhood, k.Cycle)));
        try
        {
            return await computed.Value;
        }
        catch
        {
            // A failed computation (say the ledger was unavailable) is tried again by the next caller.
            _computed.TryRemove(new KeyValuePair<(string, string), Lazy<Task<CycleResults>>>(key, computed));
            throw;
        }
    }

    private async Task<CycleResults> ComputeAsync(string neighbourhoodId, string cycleId) =>
        CycleResults.From(await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ComputeOutcomeAsync(cycleId));
}
