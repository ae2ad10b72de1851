using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Live;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Buurtbudget.Server.Ballots;

internal static class BallotEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record BallotLine(string? ProjectId, decimal Value);

    public sealed record BallotRequest(ImmutableArray<BallotLine>? Entries);

    public sealed record BallotAccepted(string Receipt, string StreamId, long Position, string EntryHash, bool ReplacedEarlierBallot);

    public sealed record MyBallotResponse(ImmutableArray<BallotLine> Entries, string Receipt, long Position, string EntryHash);

    public static void MapBallotEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}").WithTags("Ballots");
        group.MapPost("/ballots", Cast).RequireAuthorization(Residents.ResidentPolicy);
        group.MapGet("/ballots/mine", Mine).RequireAuthorization(Residents.ResidentPolicy);
        group.MapGet("/published-ballots", Published).AllowAnonymous();
    }

    /// <summary>Casts (or, where the cycle allows, replaces) the signed-in voter's ballot. The receipt is
    /// returned only once the ballot is durably stored; a retry with the same Idempotency-Key returns it again.</summary>
    private static async Task<Results<Created<BallotAccepted>, ProblemHttpResult>> Cast(
        string neighbourhoodId, string cycleId, BallotRequest ballot, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } voterKey)
        {
            return TypedResults.Problem("Your voting code is for another neighbourhood or cycle.", statusCode: 403, title: "Not your vote");
        }
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return TypedResults.Problem($"Send a unique {IdempotencyHeader} header (at most 200 characters) with every new ballot, and the same one when retrying.",
                statusCode: 400, title: $"{IdempotencyHeader} missing");
        }
        if (idempotencyKey.StartsWith(Grains.Neighbourhoods.PaperBallotKey.Prefix, StringComparison.Ordinal))
        {
            // Paper ballots are cast under these keys, and the ballot box keeps them final.
            return TypedResults.Problem($"{IdempotencyHeader} values that start with '{Grains.Neighbourhoods.PaperBallotKey.Prefix}' are kept for paper ballots; choose another.",
                statusCode: 400, title: $"{IdempotencyHeader} reserved");
        }
        if (ballot.Entries is not { } entries || entries.Any(e => string.IsNullOrEmpty(e.ProjectId)) || entries.Length > 1000)
        {
            return TypedResults.Problem("A ballot is a list of entries, each with a projectId and a value.", statusCode: 400, title: "The ballot could not be read");
        }
        var cast = new CastBallot(entries.Select(e => new BallotEntry(e.ProjectId!, e.Value)));
        var result = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId)
            .CastBallotAsync(new CastBallotRequest(cycleId, voterKey, idempotencyKey, cast));
        live.Changed(neighbourhoodId, cycleId);
        var receipt = result.Receipt;
        return TypedResults.Created($"/api/receipts/{Uri.EscapeDataString(receipt.ToString())}",
            new BallotAccepted(receipt.ToString(), receipt.StreamId, receipt.Position, receipt.EntryHash, result.ReplacedEarlierBallot));
    }

    private static async Task<Results<Ok<MyBallotResponse>, ProblemHttpResult>> Mine(
        string neighbourhoodId, string cycleId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } voterKey)
        {
            return TypedResults.Problem("Your voting code is for another neighbourhood or cycle.", statusCode: 403, title: "Not your vote");
        }
        var mine = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetMyBallotAsync(cycleId, voterKey);
        return mine is null
            ? TypedResults.Problem("You have not voted in this cycle yet.", statusCode: 404, title: "No ballot yet")
            : TypedResults.Ok(new MyBallotResponse([.. mine.Ballot.Entries.Select(e => new BallotLine(e.ProjectId, e.Value))],
                mine.Receipt.ToString(), mine.Receipt.Position, mine.Receipt.EntryHash));
    }

    /// <summary>After voting closed: every receipt issued and the counted ballots, in an order unrelated to the receipts.</summary>
    private static async Task<Ok<PublishedBallots>> Published(string neighbourhoodId, string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetPublishedBallotsAsync(cycleId));
}
