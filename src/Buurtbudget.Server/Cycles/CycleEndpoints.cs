using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

internal static class CycleEndpoints
{
    /// <summary>
    /// A cycle as the public sees it. Per-project counts follow the cycle's frozen live-results policy
    /// (<see cref="Disclosure"/>): turnout only while voting unless the corporation chose more, everything after the close.
    /// </summary>
    public sealed record PublicCycle(
        string CycleId,
        string Title,
        long BudgetCents,
        CyclePhase Phase,
        string? ManifestHash,
        BallotDescription? Ballot,
        ImmutableArray<BallotProject> Projects,
        int? Turnout,
        ImmutableArray<ProjectTally>? Counts,
        LiveResults? Live,
        BallotReceipt? Closing);

    public static void MapCycleEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles").WithTags("Budget cycles").AllowAnonymous();
        group.MapGet("/{cycleId:id}", GetCycle);
        group.MapGet("/{cycleId:id}/results", GetResults);
    }

    public static void AddCycles(this WebApplicationBuilder builder) => builder.Services.AddSingleton<FinalResults>();

    /// <summary>The outcome with every project's explanation, once voting has closed.</summary>
    private static async Task<Ok<CycleResults>> GetResults(string neighbourhoodId, string cycleId, IGrainFactory grains, FinalResults results)
    {
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        return TypedResults.Ok(await results.OfAsync(cycle, neighbourhoodId)
            ?? throw new BudgetCycleException(CyclePhase.Closed == cycle.Phase ? CycleProblem.InvalidCommand : CycleProblem.WrongPhase,
                $"The results of '{cycle.Title}' are published when voting closes."));
    }

    private static async Task<Ok<PublicCycle>> GetCycle(string neighbourhoodId, string cycleId, IGrainFactory grains)
    {
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        return TypedResults.Ok(ToPublic(cycle));
    }

    public static PublicCycle ToPublic(CycleView cycle) => new(
        cycle.CycleId,
        cycle.Title,
        cycle.BudgetCents,
        cycle.Phase,
        cycle.ManifestHash,
        cycle.Manifest?.Ballot,
        cycle.Manifest?.Projects ?? [],
        cycle.Tally?.Turnout,
        Disclosure.CountsToShow(cycle),
        cycle.Manifest?.Live,
        cycle.Closing);
}
