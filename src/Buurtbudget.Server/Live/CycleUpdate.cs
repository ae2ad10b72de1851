using System.Collections.Immutable;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Server.Live;

/// <summary>
/// What watchers of a cycle receive: phase and turnout always; per-project counts and the (provisional) allocation
/// only as far as <see cref="Disclosure"/> allows; after the close the final results with their explanations.
/// </summary>
public sealed record CycleUpdate(
    string NeighbourhoodId, string CycleId, CyclePhase Phase, int Turnout, ImmutableArray<ProjectTally>? Counts, ImmutableArray<string>? Selected,
    Cycles.CycleResults? Results);

/// <summary>The hub's only message, server to client.</summary>
public interface ILiveResultsClient
{
    Task CycleUpdated(CycleUpdate update);
}
