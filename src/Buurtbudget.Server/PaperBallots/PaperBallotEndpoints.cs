using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.PaperBallots;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Buurtbudget.Server.Ballots;
using Buurtbudget.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.PaperBallots;

/// <summary>Moderators enter paper ballots one by one against the household's voting code, each twice by two people.</summary>
internal static class PaperBallotEndpoints
{
    public sealed record PaperBallotRequest(string? Code, ImmutableArray<BallotEndpoints.BallotLine>? Entries);

    public sealed record PaperBallotAnswer(bool Counted, string Message, string? Receipt);

    public static void MapPaperBallotEndpoints(this WebApplication app) =>
        app.MapPost("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/paper-ballots", Enter)
            .WithTags("Paper ballots").RequireStaff(StaffAction.EnterPaperBallots);

    /// <summary>201 with a receipt when this entry confirmed an earlier one from another moderator; 202 when it waits for one.</summary>
    private static async Task<Results<Created<PaperBallotAnswer>, Accepted<PaperBallotAnswer>, ProblemHttpResult>> Enter(
        string neighbourhoodId, string cycleId, PaperBallotRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live,
        ILogger<PaperBallotRequest> logger)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Entries is not { } entries || entries.Any(e => string.IsNullOrEmpty(e.ProjectId)) || entries.Length > 1000)
        {
            return TypedResults.Problem("Send the household's voting code and the ballot's entries, each with a projectId and a value.",
                statusCode: 400, title: "The paper ballot could not be read");
        }
        var result = await grains.GetGrain<IPaperBallotsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).EnterAsync(new EnterPaperBallot(
            request.Code, new CastBallot(entries.Select(e => new BallotEntry(e.ProjectId!, e.Value))), user.Member()!));
        StaffAudit.Record(logger, user, result.Counted ? "paper-ballot-confirmed" : "paper-ballot-entered", neighbourhoodId, cycleId);
        if (!result.Counted)
        {
            return TypedResults.Accepted((string?)null, new PaperBallotAnswer(false, result.Message, null));
        }
        live.Changed(neighbourhoodId, cycleId);
        return TypedResults.Created($"/api/receipts/{Uri.EscapeDataString(result.Receipt!.ToString())}",
            new PaperBallotAnswer(true, result.Message, result.Receipt.ToString()));
    }
}
