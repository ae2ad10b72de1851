using System.Collections.Immutable;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>A neighbourhood's public page: its name, its corporation and its budget cycles.</summary>
internal static class NeighbourhoodEndpoints
{
    public sealed record PublicNeighbourhood(string NeighbourhoodId, string Name, string CorporationId, string CorporationName, ImmutableArray<CycleSummary> Cycles)
    {
        /// <summary>Where its maps open; null until the corporation sets it (the maps then show the whole country).</summary>
        public MapView? Map { get; init; }
    }

    public sealed record NeighbourhoodListing(string NeighbourhoodId, string Name, string CorporationId);

    public static void MapNeighbourhoodEndpoints(this WebApplication app)
    {
        app.MapGet("/api/neighbourhoods", ListNeighbourhoods).WithTags("Neighbourhoods").AllowAnonymous();
        app.MapGet("/api/neighbourhoods/{neighbourhoodId:id}", GetNeighbourhood).WithTags("Neighbourhoods").AllowAnonymous();
    }

    /// <summary>Every neighbourhood on this installation, so a resident can find theirs without knowing its address.</summary>
    private static async Task<Ok<ImmutableArray<NeighbourhoodListing>>> ListNeighbourhoods(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IRegisterGrain>(RegisterGrain.Key).ListNeighbourhoodsAsync())
            .Select(n => new NeighbourhoodListing(n.NeighbourhoodId, n.Name, n.CorporationId)).ToImmutableArray());

    private static async Task<Results<Ok<PublicNeighbourhood>, ProblemHttpResult>> GetNeighbourhood(string neighbourhoodId, IGrainFactory grains)
    {
        var register = grains.GetGrain<IRegisterGrain>(RegisterGrain.Key);
        if (await register.FindNeighbourhoodAsync(neighbourhoodId) is not { } entry)
        {
            return TypedResults.Problem($"No neighbourhood '{neighbourhoodId}' is registered here. Check the address.", statusCode: 404, title: "No such neighbourhood");
        }
        var corporation = await register.GetCorporationAsync(entry.CorporationId);
        var cycles = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ListCyclesAsync();
        // Cycles still being set up are the corporation's business until they open for ideas or voting.
        return TypedResults.Ok(new PublicNeighbourhood(neighbourhoodId, entry.Name, corporation.CorporationId, corporation.Name,
            [.. cycles.Where(c => c.Phase != Domain.Cycles.CyclePhase.Draft)]) { Map = entry.Map });
    }
}
