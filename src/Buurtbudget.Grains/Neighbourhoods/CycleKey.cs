namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// The key of a grain that belongs to one budget cycle (its proposals, rounds, paper ballots):
/// <c>{neighbourhood}.{cycle}</c>. Ids never contain '.' (<see cref="BudgetIds"/>), so the key splits back unambiguously.
/// </summary>
public static class CycleKey
{
    public static string Of(string neighbourhoodId, string cycleId) => $"{neighbourhoodId}.{cycleId}";

    public static (string NeighbourhoodId, string CycleId) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        return (key[..dot], key[(dot + 1)..]);
    }
}
