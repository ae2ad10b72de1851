using System.Collections.Immutable;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Residence;

/// <summary>
/// The budget cycles that take their residents from one identity provider, keyed by the provider's configured name.
/// It exists so that "which cycles am I a resident of?" (<c>GET /api/me</c>) asks one grain instead of every cycle
/// of every neighbourhood. It is an index, not the authority: a listed cycle is admitted only after its own
/// <see cref="ICycleEligibilityGrain"/> says so, which is why <see cref="CycleEligibilityGrain"/> adds a cycle here
/// before it records the provider and removes it only after it recorded another source.
/// </summary>
public interface IProviderCyclesGrain : IGrainWithStringKey
{
    /// <summary>Cycle keys (<c>{neighbourhood}.{cycle}</c>), in the order they were added.</summary>
    Task<ImmutableArray<string>> ListAsync();

    /// <summary>Adding a listed cycle changes nothing.</summary>
    Task AddAsync(string cycleKey);

    /// <summary>Removing a cycle that is not listed changes nothing.</summary>
    Task RemoveAsync(string cycleKey);
}
