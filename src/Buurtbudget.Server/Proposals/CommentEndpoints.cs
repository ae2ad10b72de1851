using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Buurtbudget.Server.Residence;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Proposals;

/// <summary>
/// The discussion of a proposal: threaded comments while the cycle takes proposals, flags from residents (enough of
/// them hide a comment until a moderator looks), moderators hiding or restoring with a reason, and a public
/// moderation log of who did what, when and why. A hidden comment's text is shown to moderators only.
/// </summary>
internal static class CommentEndpoints
{
    public sealed record CommentRequest(string? Text, int? ReplyTo);

    public sealed record ModerationRequest(string? Reason);

    public sealed record CommentView(int Number, int? ReplyTo, string? Text, DateTimeOffset At, bool Hidden, int Flags, bool Mine, bool FlaggedByMe);

    /// <param name="Comment">The comment hidden or restored; null for an action on the proposal itself (a merge, a review).</param>
    public sealed record LogEntry(int? Comment, string Action, string Reason, string By, DateTimeOffset At);

    public static void MapCommentEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}").WithTags("Discussion");
        group.MapGet("/comments", List).AllowAnonymous();
        group.MapPost("/comments", Post).RequireAuthorization(Residents.ResidentPolicy);
        group.MapPut("/comments/{number:int}/flag", Flag).RequireAuthorization(Residents.ResidentPolicy);
        group.MapPost("/comments/{number:int}/hide", Hide).RequireStaff(StaffAction.Moderate);
        group.MapPost("/comments/{number:int}/restore", Restore).RequireStaff(StaffAction.Moderate);
        group.MapGet("/moderation-log", Log).AllowAnonymous();
    }

    private static async Task<Results<Ok<ImmutableArray<CommentView>>, ProblemHttpResult>> List(
        string neighbourhoodId, string cycleId, string proposalId, HttpContext context, IGrainFactory grains, IAuthorizationService authorization, ResidentCheck residents)
    {
        var view = await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).GetAsync();
        if (view is null)
        {
            return ProposalEndpoints.NoSuchProposal();
        }
        // The same policy that guards hiding decides who may read what was hidden.
        bool moderator = (await authorization.AuthorizeAsync(context.User, context, [new StaffRequirement(StaffAction.Moderate)])).Succeeded;
        string? resident = await residents.VoterInAsync(context.User, neighbourhoodId, cycleId);
        return TypedResults.Ok(view.Comments.Select(c => new CommentView(c.Number, c.ReplyTo, c.Hidden && !moderator ? null : c.Text, c.At, c.Hidden,
            c.Flags.Length, c.AuthorKey == resident, resident is not null && c.Flags.Contains(resident))).ToImmutableArray());
    }

    private static async Task<Results<Created<CommentView>, ProblemHttpResult>> Post(
        string neighbourhoodId, string cycleId, string proposalId, CommentRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return ProposalEndpoints.NotYourCycle();
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (!PhaseRules.AcceptsProposals(cycle.Phase))
        {
            return TypedResults.Problem($"The discussion is open in the ideas and deliberation phases; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.",
                statusCode: 409, title: "Not in this phase");
        }
        var view = await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).CommentAsync(resident, request.Text ?? "", request.ReplyTo);
        var posted = view.Comments[^1];
        return TypedResults.Created($"/api/neighbourhoods/{neighbourhoodId}/cycles/{cycleId}/proposals/{proposalId}/comments",
            new CommentView(posted.Number, posted.ReplyTo, posted.Text, posted.At, posted.Hidden, 0, true, false));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Flag(
        string neighbourhoodId, string cycleId, string proposalId, int number, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return ProposalEndpoints.NotYourCycle();
        }
        await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).FlagCommentAsync(resident, number);
        return TypedResults.NoContent();
    }

    private static Task<Results<NoContent, ProblemHttpResult>> Hide(
        string neighbourhoodId, string cycleId, string proposalId, int number, ModerationRequest request, ClaimsPrincipal user, IGrainFactory grains, ILogger<ModerationRequest> logger) =>
        Moderate(neighbourhoodId, cycleId, proposalId, number, hide: true, request, user, grains, logger);

    private static Task<Results<NoContent, ProblemHttpResult>> Restore(
        string neighbourhoodId, string cycleId, string proposalId, int number, ModerationRequest request, ClaimsPrincipal user, IGrainFactory grains, ILogger<ModerationRequest> logger) =>
        Moderate(neighbourhoodId, cycleId, proposalId, number, hide: false, request, user, grains, logger);

    private static async Task<Results<NoContent, ProblemHttpResult>> Moderate(
        string neighbourhoodId, string cycleId, string proposalId, int number, bool hide, ModerationRequest request, ClaimsPrincipal user,
        IGrainFactory grains, ILogger logger)
    {
        var moderator = user.Member()!;
        await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).ModerateCommentAsync(
            new ModerateComment(number, hide, request.Reason ?? "", moderator, user.FindFirstValue(StaffIdentity.NameClaim)));
        StaffAudit.Record(logger, user, $"{(hide ? "hide" : "restore")}-comment-{proposalId}-{number}", neighbourhoodId, cycleId);
        return TypedResults.NoContent();
    }

    /// <summary>Public: what moderators (or residents' flags) did, when and why; never the hidden text.</summary>
    private static async Task<Results<Ok<ImmutableArray<LogEntry>>, ProblemHttpResult>> Log(string neighbourhoodId, string cycleId, string proposalId, IGrainFactory grains)
    {
        var view = await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).GetAsync();
        return view is null
            ? ProposalEndpoints.NoSuchProposal()
            : TypedResults.Ok(view.ModerationLog.Select(e => e.Action is { } action
                ? new LogEntry(null, action, e.Reason, e.ByName ?? (action.StartsWith("reviewed", StringComparison.Ordinal) ? "the corporation" : "a moderator"), e.At)
                : new LogEntry(e.Comment, e.Hidden ? "hidden" : "restored", e.Reason, e.By is null ? "residents' flags" : e.ByName ?? "a moderator", e.At)).ToImmutableArray());
    }
}
