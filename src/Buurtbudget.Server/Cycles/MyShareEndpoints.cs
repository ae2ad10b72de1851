using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// "Where your share went": under Equal Shares every voter gets the same share of the budget, and the results page
/// shows a signed-in voter which projects theirs helped pay for. Only the voter's own share, and only after the close.
/// </summary>
internal static class MyShareEndpoints
{
    public sealed record MyShare(decimal EndowmentCents, ImmutableArray<SharePayment> Payments, decimal LeftCents);

    public sealed record SharePayment(string ProjectId, decimal AmountCents);

    public static void MapMyShareEndpoints(this WebApplication app) =>
        app.MapGet("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/results/mine", Get)
            .WithTags("Budget cycles").RequireAuthorization(Residents.ResidentPolicy);

    private static async Task<Results<Ok<MyShare>, ProblemHttpResult>> Get(string neighbourhoodId, string cycleId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } voterKey)
        {
            return TypedResults.Problem("You signed in for another neighbourhood or cycle.", statusCode: 403, title: "Not your vote");
        }
        var share = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetShareOfAsync(cycleId, voterKey);
        // Amounts are rounded to whole cents for display; the outcome itself was decided with exact fractions.
        return share is null
            ? TypedResults.Problem("There is no share to show: you did not vote in this cycle, or its rule is not Equal Shares.", statusCode: 404, title: "No share")
            : TypedResults.Ok(new MyShare(Math.Round(share.Endowment, 2), [.. share.Payments.Select(p => new SharePayment(p.ProjectId, Math.Round(p.Amount, 2)))],
                Math.Round(share.Left, 2)));
    }
}
