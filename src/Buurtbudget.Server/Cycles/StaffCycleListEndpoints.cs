using System.Collections.Immutable;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// Every cycle of a neighbourhood for its staff, drafts included: the public neighbourhood page leaves drafts out,
/// but the administrators setting one up need to find it again.
/// </summary>
internal static class StaffCycleListEndpoints
{
    public static void MapStaffCycleListEndpoints(this WebApplication app) =>
        app.MapGet("/api/neighbourhoods/{neighbourhoodId:id}/cycles", ListEveryCycle)
            .WithTags("Budget cycles").RequireStaff(StaffAction.ReadAdministration);

    private static async Task<Ok<ImmutableArray<CycleSummary>>> ListEveryCycle(string neighbourhoodId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ListCyclesAsync());
}
