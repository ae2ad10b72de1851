using System.Collections.Immutable;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Server.Live;

/// <summary>
/// What watchers of a cycle receive. While voting is open only the turnout (and the phase) is sent: per-project
/// numbers would let a neighbour see what someone just voted (G9). Counts appear once voting has closed.
/// </summary>
public sealed record CycleUpdate(string NeighbourhoodId, string CycleId, CyclePhase Phase, int Turnout, ImmutableArray<ProjectTally>? Counts);

/// <summary>The hub's only message, server to client.</summary>
public interface ILiveResultsClient
{
    Task CycleUpdated(CycleUpdate update);
}
