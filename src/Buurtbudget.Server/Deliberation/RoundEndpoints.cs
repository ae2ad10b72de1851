using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Deliberation;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Deliberation;

/// <summary>Moderators run time-boxed deliberation rounds; anyone can read them and their summaries.</summary>
internal static class RoundEndpoints
{
    public sealed record NewRound(string? Question, ImmutableArray<string>? ProposalIds, DateTimeOffset? ClosesAt);

    public sealed record RoundSummary(string? Summary);

    public static void MapRoundEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/rounds").WithTags("Deliberation");
        group.MapGet("/", List).AllowAnonymous();
        group.MapPost("/", Open).RequireStaff(StaffAction.Moderate);
        group.MapPost("/{number:int}/close", Close).RequireStaff(StaffAction.Moderate);
    }

    private static async Task<Ok<ImmutableArray<DeliberationRound>>> List(string neighbourhoodId, string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await Rounds(grains, neighbourhoodId, cycleId).ListRoundsAsync());

    private static async Task<Results<Created<DeliberationRound>, ProblemHttpResult>> Open(
        string neighbourhoodId, string cycleId, NewRound request, ClaimsPrincipal user, IGrainFactory grains, ILogger<NewRound> logger)
    {
        if (request.ClosesAt is not { } closesAt)
        {
            return TypedResults.Problem("Say when the round ends (closesAt, an ISO 8601 date and time).", statusCode: 400, title: "The round has no end");
        }
        var round = await Rounds(grains, neighbourhoodId, cycleId).OpenRoundAsync(new OpenRound(request.Question ?? "", request.ProposalIds ?? [], closesAt, user.Member()!));
        StaffAudit.Record(logger, user, $"open-round-{round.Number}", neighbourhoodId, cycleId);
        return TypedResults.Created($"/api/neighbourhoods/{neighbourhoodId}/cycles/{cycleId}/rounds", round);
    }

    private static async Task<Ok<DeliberationRound>> Close(
        string neighbourhoodId, string cycleId, int number, RoundSummary request, ClaimsPrincipal user, IGrainFactory grains, ILogger<NewRound> logger)
    {
        var round = await Rounds(grains, neighbourhoodId, cycleId).CloseRoundAsync(new CloseRound(number, request.Summary ?? "", user.Member()!));
        StaffAudit.Record(logger, user, $"close-round-{number}", neighbourhoodId, cycleId);
        return TypedResults.Ok(round);
    }

    private static IDeliberationGrain Rounds(IGrainFactory grains, string neighbourhoodId, string cycleId) =>
        grains.GetGrain<IDeliberationGrain>(CycleKey.Of(neighbourhoodId, cycleId));
}
