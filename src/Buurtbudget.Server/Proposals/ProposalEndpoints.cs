using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Access;
using Buurtbudget.Server.Live;
using Buurtbudget.Server.Residence;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Proposals;

/// <summary>
/// Residents' proposals for a cycle: submitted and edited in the ideas and deliberation phases, supported once per
/// household, with offers of help. Text is stored and returned exactly as written, as JSON strings; pages render it
/// escaped, so markup in it stays text.
/// </summary>
internal static class ProposalEndpoints
{
    /// <param name="CoAuthors">At submission: the households who write it too, named as on their letters.</param>
    /// <param name="Point">Where it is on the map: both latitude and longitude, or neither (null or left out).</param>
    public sealed record ProposalRequest(string? Title, string? Description, long? CostCents, string? Place, string? Category = null,
        ImmutableArray<string>? CoAuthors = null, PointRequest? Point = null);

    /// <summary>A point as sent: degrees north and east (WGS 84).</summary>
    public sealed record PointRequest(double? Latitude, double? Longitude);

    public sealed record WithdrawRequest(string? Reason);

    public sealed record PledgeRequest(string? Text);

    public sealed record MergeRequest(string? DuplicateId);

    public sealed record RulesRequest(long? MinCostCents, long? MaxCostCents, int? SupportThreshold, ImmutableArray<string>? Categories = null);

    public sealed record AmendmentView(int Number, ProposalText Text, AmendmentStatus Status, DateTimeOffset At, bool Mine);

    public sealed record ImplementationRequest(ImplementationStatus? Status, string? Note);

    public sealed record ReviewRequest(bool? Feasible, string? Reason, long? AdjustedCostCents);


    public sealed record PledgeView(int Number, string Text, bool Mine);

    /// <summary>A proposal as anyone sees it; <c>Mine</c> and <c>SupportedByMe</c> only for the signed-in household.</summary>
    public sealed record ProposalDetails(
        string ProposalId, ProposalText Text, ProposalStatus Status, string? WithdrawalReason, ImmutableArray<ProposalRevision> History,
        int Supporters, ImmutableArray<PledgeView> Pledges, FeasibilityReview? Review, long BallotCostCents,
        ImmutableArray<ImplementationUpdate> Implementation, ImmutableArray<string> MergedFrom, string? MergedInto,
        ImmutableArray<AmendmentView> Amendments, bool Mine, bool SupportedByMe)
    {
        /// <summary>How many households write it besides its author (never who).</summary>
        public int CoAuthors { get; init; }

        public ImmutableArray<ImageEndpoints.ImageView> Images { get; init; } = [];
    }

    public static void MapProposalEndpoints(this WebApplication app)
    {
        var cycle = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals").WithTags("Proposals");
        cycle.MapGet("/", List).AllowAnonymous();
        cycle.MapPost("/", Submit).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapGet("/{proposalId:id}", Get).AllowAnonymous();
        cycle.MapPut("/{proposalId:id}", Revise).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapPost("/{proposalId:id}/withdraw", Withdraw).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapPut("/{proposalId:id}/support", Support).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapDelete("/{proposalId:id}/support", WithdrawSupport).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapPost("/{proposalId:id}/pledges", Pledge).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapPost("/{proposalId:id}/review", Review).RequireStaff(StaffAction.ReviewFeasibility);
        cycle.MapPost("/{proposalId:id}/implementation", UpdateImplementation).RequireStaff(StaffAction.ManageCycles);
        cycle.MapPost("/{proposalId:id}/merge", Merge).RequireStaff(StaffAction.Moderate);
        app.MapGet("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposal-rules", GetRules).WithTags("Proposals").AllowAnonymous();
        app.MapPut("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposal-rules", SetRules).WithTags("Proposals").RequireStaff(StaffAction.ManageCycles);
        cycle.MapPost("/{proposalId:id}/amendments", SuggestAmendment).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapPost("/{proposalId:id}/amendments/{number:int}/accept", AcceptAmendment).RequireAuthorization(Residents.ResidentPolicy);
        cycle.MapPost("/{proposalId:id}/amendments/{number:int}/reject", RejectAmendment).RequireAuthorization(Residents.ResidentPolicy);
    }

    private static async Task<Ok<ProposalRules>> GetRules(string neighbourhoodId, string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).GetRulesAsync());

    /// <summary>The corporation sets the cost limits and the support a proposal needs, before or while ideas are collected.</summary>
    private static async Task<Ok<ProposalRules>> SetRules(string neighbourhoodId, string cycleId, RulesRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId))
            .SetRulesAsync(new ProposalRules(request.MinCostCents ?? 0, request.MaxCostCents, request.SupportThreshold ?? 0) { Categories = request.Categories ?? [] }));

    /// <summary>Another resident suggests a better version while the cycle takes proposals; the authors decide.</summary>
    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult, ValidationProblem>> SuggestAmendment(
        string neighbourhoodId, string cycleId, string proposalId, ProposalRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live)
    {
        if (ProposalPoints.Problem(request.Point) is { } badPoint)
        {
            return badPoint;
        }
        if (await NotWhileEditable(grains, neighbourhoodId, cycleId, user) is { } closed)
        {
            return closed;
        }
        // NotWhileEditable found the resident's sign-in for this cycle.
        string resident = user.VoterIn(neighbourhoodId, cycleId)!;
        var view = await Proposal(grains, neighbourhoodId, cycleId, proposalId).SuggestAmendmentAsync(resident, TextOf(request));
        live.ProposalsChanged(neighbourhoodId, cycleId);
        return TypedResults.Ok(Details(proposalId, view, resident));
    }

    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> AcceptAmendment(
        string neighbourhoodId, string cycleId, string proposalId, int number, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live)
    {
        if (await NotWhileEditable(grains, neighbourhoodId, cycleId, user) is { } closed)
        {
            return closed;
        }
        return await Act(neighbourhoodId, cycleId, proposalId, user, grains, live, (proposal, resident) => proposal.AnswerAmendmentAsync(resident, number, accept: true));
    }

    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> RejectAmendment(
        string neighbourhoodId, string cycleId, string proposalId, int number, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live) =>
        await Act(neighbourhoodId, cycleId, proposalId, user, grains, live, (proposal, resident) => proposal.AnswerAmendmentAsync(resident, number, accept: false));

    // Whose cycle it is is checked first, so a resident of another cycle learns nothing about this one's phase.
    private static async Task<ProblemHttpResult?> NotWhileEditable(IGrainFactory grains, string neighbourhoodId, string cycleId, ClaimsPrincipal user)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is null)
        {
            return NotYourCycle();
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        return PhaseRules.AcceptsProposals(cycle.Phase)
            ? null
            : TypedResults.Problem($"Proposals change until the review starts; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.", statusCode: 409, title: "Not in this phase");
    }

    /// <summary>A moderator merges a duplicate into this proposal before the vote: authors, supporters (each household
    /// once) and pledges carry over, and the duplicate points here. Repeating the request changes nothing.</summary>
    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Merge(
        string neighbourhoodId, string cycleId, string proposalId, MergeRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live,
        ILogger<MergeRequest> logger)
    {
        if (!Grains.Neighbourhoods.BudgetIds.IsValid(request.DuplicateId) || request.DuplicateId == proposalId)
        {
            return TypedResults.Problem("Name the duplicate to merge into this proposal (duplicateId), another proposal of this cycle.", statusCode: 400, title: "Which duplicate?");
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (!PhaseRules.AcceptsProposals(cycle.Phase) && cycle.Phase != CyclePhase.Review)
        {
            return TypedResults.Problem($"Proposals are merged before the vote; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.", statusCode: 409, title: "Not in this phase");
        }
        var duplicate = Proposal(grains, neighbourhoodId, cycleId, request.DuplicateId);
        if (await duplicate.GetAsync() is not { } source)
        {
            return TypedResults.Problem("There is no such duplicate in this cycle.", statusCode: 404, title: "No such proposal");
        }
        var moderator = user.Member()!;
        // Target first: if the second step fails, a retry finds the duplicate already taken in and only marks it.
        string? name = user.FindFirstValue(StaffIdentity.NameClaim);
        var view = await Proposal(grains, neighbourhoodId, cycleId, proposalId).AbsorbAsync(request.DuplicateId, source, moderator, name);
        await duplicate.MarkMergedAsync(proposalId, moderator, name);
        live.ProposalsChanged(neighbourhoodId, cycleId);
        StaffAudit.Record(logger, user, $"merge-{request.DuplicateId}-into-{proposalId}", neighbourhoodId, cycleId);
        return TypedResults.Ok(Details(proposalId, view, null));
    }

    /// <summary>Progress on a funded proposal, after the vote: planned, in progress, done or cancelled, with a note.</summary>
    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> UpdateImplementation(
        string neighbourhoodId, string cycleId, string proposalId, ImplementationRequest request, ClaimsPrincipal user, IGrainFactory grains,
        Cycles.FinalResults results, ILogger<ReviewRequest> logger)
    {
        if (request.Status is not { } status)
        {
            return TypedResults.Problem("Give the status: Planned, InProgress, Done or Cancelled.", statusCode: 400, title: "The status is missing");
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        var outcome = await results.OfAsync(cycle, neighbourhoodId);
        if (outcome is null || cycle.Phase is not (CyclePhase.Results or CyclePhase.Implementation))
        {
            return TypedResults.Problem($"Progress is reported after the vote, in the results and implementation phases; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.",
                statusCode: 409, title: "Not in this phase");
        }
        if (!outcome.Selected.Contains(proposalId))
        {
            return TypedResults.Problem("Only funded proposals have an implementation to report on.", statusCode: 409, title: "Not funded");
        }
        var view = await Proposal(grains, neighbourhoodId, cycleId, proposalId).UpdateImplementationAsync(status, request.Note ?? "", user.Member()!);
        StaffAudit.Record(logger, user, $"implementation-{proposalId}-{status}", neighbourhoodId, cycleId);
        return TypedResults.Ok(Details(proposalId, view, null));
    }

    /// <summary>The corporation judges a proposal feasible (optionally at its own cost estimate) or not, with a reason.</summary>
    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Review(
        string neighbourhoodId, string cycleId, string proposalId, ReviewRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live,
        ILogger<ReviewRequest> logger)
    {
        if (request.Feasible is not { } feasible)
        {
            return TypedResults.Problem("Say whether the proposal is feasible (true or false).", statusCode: 400, title: "The verdict is missing");
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (cycle.Phase != CyclePhase.Review)
        {
            return TypedResults.Problem($"Proposals are reviewed in the review phase; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.",
                statusCode: 409, title: "Not in this phase");
        }
        var view = await Proposal(grains, neighbourhoodId, cycleId, proposalId).ReviewAsync(new FeasibilityReview(feasible, request.Reason, request.AdjustedCostCents),
            user.Member(), user.FindFirstValue(StaffIdentity.NameClaim));
        live.ProposalsChanged(neighbourhoodId, cycleId);
        StaffAudit.Record(logger, user, $"review-{proposalId}-{(feasible ? "feasible" : "not-feasible")}", neighbourhoodId, cycleId);
        return TypedResults.Ok(Details(proposalId, view, null));
    }

    /// <summary>Every open proposal at its current cost, for a simulation before the review.</summary>
    public static async Task<ImmutableArray<BallotProject>> OpenProjectsAsync(IGrainFactory grains, string neighbourhoodId, string cycleId)
    {
        var ids = await grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).ListAsync();
        var views = await Task.WhenAll(ids.Select(id => Proposal(grains, neighbourhoodId, cycleId, id).GetAsync()));
        return [.. ids.Zip(views).Where(p => p.Second is { Status: ProposalStatus.Open })
            .Select(p => new BallotProject(p.First, p.Second!.Text.Title, p.Second.BallotCostCents))];
    }

    /// <summary>The open proposals that have the support the cycle asks for and were judged feasible, as they go on the ballot (reviewed cost where there is one).</summary>
    public static async Task<ImmutableArray<BallotProject>> FeasibleProjectsAsync(IGrainFactory grains, string neighbourhoodId, string cycleId)
    {
        var index = grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId));
        var ids = await index.ListAsync();
        var rules = await index.GetRulesAsync();
        var views = await Task.WhenAll(ids.Select(id => Proposal(grains, neighbourhoodId, cycleId, id).GetAsync()));
        return [.. ids.Zip(views)
            .Where(p => p.Second is { Status: ProposalStatus.Open, Review.Feasible: true } && rules.GoesForward(p.Second.Supporters.Length))
            .Select(p => new BallotProject(p.First, p.Second!.Text.Title, p.Second.BallotCostCents))];
    }

    /// <summary>The cycle's proposals, or with <c>?category=</c> those of one category.</summary>
    private static async Task<Ok<ImmutableArray<ProposalSummary>>> List(string neighbourhoodId, string cycleId, string? category, IGrainFactory grains)
    {
        var all = await SummariesAsync(grains, neighbourhoodId, cycleId);
        return TypedResults.Ok(category is null ? all : [.. all.Where(p => string.Equals(p.Category, category, StringComparison.Ordinal))]);
    }

    /// <summary>The public list, also pushed to watchers when a proposal changes.</summary>
    public static async Task<ImmutableArray<ProposalSummary>> SummariesAsync(IGrainFactory grains, string neighbourhoodId, string cycleId)
    {
        var index = grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId));
        var ids = await index.ListAsync();
        var rules = await index.GetRulesAsync();
        var views = await Task.WhenAll(ids.Select(id => Proposal(grains, neighbourhoodId, cycleId, id).GetAsync()));
        return [.. ids.Zip(views)
            .Where(p => p.Second is not null)
            .Select(p => new ProposalSummary(p.First, p.Second!.Text.Title, p.Second.BallotCostCents, p.Second.Text.Place, p.Second.Status,
                p.Second.Supporters.Length, p.Second.Pledges.Length, rules.GoesForward(p.Second.Supporters.Length))
            {
                Category = p.Second.Text.Category,
                Point = p.Second.Text.Point,
            })];
    }

    private static async Task<Results<Created<ProposalDetails>, ProblemHttpResult, ValidationProblem>> Submit(
        string neighbourhoodId, string cycleId, ProposalRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return NotYourCycle();
        }
        if (ProposalPoints.Problem(request.Point) is { } badPoint)
        {
            return badPoint;
        }
        var coAuthors = ImmutableArray.CreateBuilder<string>();
        foreach (var household in request.CoAuthors ?? [])
        {
            if (household is null || household.Length > 200
                || await grains.GetGrain<IVotingCodesGrain>(neighbourhoodId).VoterKeyOfHouseholdAsync(cycleId, household) is not { } coAuthor)
            {
                // A validation problem naming the field, so the form shows it next to the co-authors.
                const string why = "Name each co-author's household exactly as on their voting-code letter; a household without a letter for this cycle cannot write with you.";
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["coAuthors"] = [why] }, detail: why, title: "Unknown co-author");
            }
            coAuthors.Add(coAuthor);
        }
        var view = await grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).SubmitAsync(resident, TextOf(request), coAuthors.ToImmutable());
        string proposalId = view.Id[(view.Id.LastIndexOf('.') + 1)..];
        live.ProposalsChanged(neighbourhoodId, cycleId);
        return TypedResults.Created($"/api/neighbourhoods/{neighbourhoodId}/cycles/{cycleId}/proposals/{proposalId}", Details(proposalId, view, resident));
    }

    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Get(
        string neighbourhoodId, string cycleId, string proposalId, ClaimsPrincipal user, IGrainFactory grains, ResidentCheck residents)
    {
        var view = await Proposal(grains, neighbourhoodId, cycleId, proposalId).GetAsync();
        return view is null
            ? NoSuchProposal()
            : TypedResults.Ok(Details(proposalId, view, await residents.VoterInAsync(user, neighbourhoodId, cycleId)));
    }

    /// <summary>The author edits the proposal while the cycle takes proposals; every version stays in the history.</summary>
    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult, ValidationProblem>> Revise(
        string neighbourhoodId, string cycleId, string proposalId, ProposalRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return NotYourCycle();
        }
        if (ProposalPoints.Problem(request.Point) is { } badPoint)
        {
            return badPoint;
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (!PhaseRules.AcceptsProposals(cycle.Phase))
        {
            return TypedResults.Problem($"Proposals can be edited until the review starts; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.",
                statusCode: 409, title: "Not in this phase");
        }
        var view = await Proposal(grains, neighbourhoodId, cycleId, proposalId).ReviseAsync(new ReviseProposal(resident, TextOf(request)));
        live.ProposalsChanged(neighbourhoodId, cycleId);
        return TypedResults.Ok(Details(proposalId, view, resident));
    }

    private static Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Withdraw(
        string neighbourhoodId, string cycleId, string proposalId, WithdrawRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live) =>
        Act(neighbourhoodId, cycleId, proposalId, user, grains, live, (proposal, resident) => proposal.WithdrawAsync(new WithdrawProposal(resident, request.Reason ?? "")));

    private static Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Support(
        string neighbourhoodId, string cycleId, string proposalId, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live) =>
        Act(neighbourhoodId, cycleId, proposalId, user, grains, live, (proposal, resident) => proposal.SupportAsync(resident));

    private static Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> WithdrawSupport(
        string neighbourhoodId, string cycleId, string proposalId, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live) =>
        Act(neighbourhoodId, cycleId, proposalId, user, grains, live, (proposal, resident) => proposal.WithdrawSupportAsync(resident));

    private static Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Pledge(
        string neighbourhoodId, string cycleId, string proposalId, PledgeRequest request, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live) =>
        Act(neighbourhoodId, cycleId, proposalId, user, grains, live, (proposal, resident) => proposal.PledgeAsync(resident, request.Text ?? ""));

    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Act(
        string neighbourhoodId, string cycleId, string proposalId, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live,
        Func<IProposalGrain, string, Task<ProposalView>> act)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return NotYourCycle();
        }
        var view = await act(Proposal(grains, neighbourhoodId, cycleId, proposalId), resident);
        live.ProposalsChanged(neighbourhoodId, cycleId);
        return TypedResults.Ok(Details(proposalId, view, resident));
    }

    public static IProposalGrain Proposal(IGrainFactory grains, string neighbourhoodId, string cycleId, string proposalId) =>
        grains.GetGrain<IProposalGrain>(CycleProposalsGrain.ProposalKey(neighbourhoodId, cycleId, proposalId));

    private static ProposalText TextOf(ProposalRequest request) =>
        new(request.Title ?? "", request.Description ?? "", request.CostCents ?? 0, request.Place, request.Category, ProposalPoints.Of(request.Point));

    private static ProposalDetails Details(string proposalId, ProposalView view, string? resident) => new(
        proposalId, view.Text, view.Status, view.WithdrawalReason, view.History, view.Supporters.Length,
        [.. view.Pledges.Select(p => new PledgeView(p.Number, p.Text, p.PledgerKey == resident))], view.Review, view.BallotCostCents, view.Implementation, view.MergedFrom, view.MergedInto,
        [.. view.Amendments.Select(a => new AmendmentView(a.Number, a.Text, a.Status, a.At, a.SuggesterKey == resident))],
        view.AuthorKey == resident || (resident is not null && view.CoAuthors.Contains(resident)), resident is not null && view.Supporters.Contains(resident))
    {
        CoAuthors = view.CoAuthors.Length,
        Images = [.. view.Images.Select(i => new ImageEndpoints.ImageView(i.Hash, i.ContentType, i.Size,
            ImageEndpoints.UrlOf(view.NeighbourhoodId, view.CycleId, proposalId, i.Hash)) { Alt = i.Alt })],
    };

    public static ProblemHttpResult NoSuchProposal() =>
        TypedResults.Problem("There is no proposal with this id in this cycle.", statusCode: 404, title: "No such proposal");

    public static ProblemHttpResult NotYourCycle() =>
        TypedResults.Problem("Your sign-in is for another neighbourhood or cycle.", statusCode: 403, title: "Not your neighbourhood");
}
