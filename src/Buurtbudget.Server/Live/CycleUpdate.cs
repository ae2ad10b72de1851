using Buurtbudget.Domain.Cycles;
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

/// <summary>The cycle's proposals as the public list shows them, after any of them changed.</summary>
public sealed record ProposalsUpdate(string NeighbourhoodId, string CycleId, ImmutableArray<ProposalSummary> Proposals);

/// <summary>One proposal in the public list.</summary>
/// <param name="GoesForward">Whether it has the support the cycle asks for to go on to review and the ballot.</param>
public sealed record ProposalSummary(string ProposalId, string Title, long CostCents, string? Place, Grains.Proposals.ProposalStatus Status,
    int Supporters, int Pledges, bool GoesForward)
{
    /// <summary>The category from the cycle's list, or null when the cycle has none.</summary>
    public string? Category { get; init; }

    /// <summary>Where it is on the map, when its authors said; the list shows <see cref="Place"/> in words either way.</summary>
    public Grains.Proposals.GeoPoint? Point { get; init; }
}

/// <summary>The hub's messages, server to client only.</summary>
public interface ILiveResultsClient
{
    Task CycleUpdated(CycleUpdate update);

    Task ProposalsUpdated(ProposalsUpdate update);
}
