using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Buurtbudget.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>A corporation's administrators set up a cycle, open voting (freezing its rules) and close it.</summary>
internal static class CycleAdministrationEndpoints
{
    public sealed record PhaseRequest(CyclePhase? Phase);

    public sealed record NewCycle(string? CycleId, string? Title, long? BudgetCents)
    {
        /// <summary>Who the residents are (voting codes, or an identity provider's claim); voting codes when left out.</summary>
        public Grains.Residence.CycleEligibility? Eligibility { get; init; }
    }

    public sealed record VotingRules(
        ImmutableArray<BallotProject>? Projects, BallotDescription? Ballot, RuleChoice? Rule, RevotePolicy? Revote, Eligibility? Eligibility, LiveResults? Live);

    /// <summary>The staff view of a cycle: the public view plus the size of the census. It holds no voter identities.</summary>
    public sealed record CycleAdministration(CycleEndpoints.PublicCycle Cycle, int Enrolled)
    {
        /// <summary>The schedule with what became of each step: made, or refused and why.</summary>
        public ImmutableArray<Grains.Schedules.ScheduledStep> Schedule { get; init; } = [];
    }

    public static void MapCycleAdministrationEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles").WithTags("Budget cycles");
        group.MapPost("/", Create).RequireStaff(StaffAction.ManageCycles);
        group.MapGet("/{cycleId:id}/administration", Administration).RequireStaff(StaffAction.ReadAdministration);
        group.MapPost("/{cycleId:id}/open-voting", OpenVoting).RequireStaff(StaffAction.ManageCycles);
        group.MapPost("/{cycleId:id}/close-voting", CloseVoting).RequireStaff(StaffAction.ManageCycles);
        group.MapPost("/{cycleId:id}/phase", ChangePhase).RequireStaff(StaffAction.ManageCycles);
    }

    /// <summary>Moves the cycle forward to ideas, deliberation, review, implementation or closed.</summary>
    private static async Task<Results<Ok<CycleAdministration>, ProblemHttpResult>> ChangePhase(
        string neighbourhoodId, string cycleId, PhaseRequest request, ClaimsPrincipal user, CycleTransitions transitions, ILogger<NewCycle> logger)
    {
        if (request.Phase is not { } phase)
        {
            return TypedResults.Problem($"Name the phase to move to: {string.Join(", ", PhaseRules.Order)}.", statusCode: 400, title: "The phase is missing");
        }
        var cycle = await transitions.ChangePhaseAsync(neighbourhoodId, cycleId, phase);
        StaffAudit.Record(logger, user, $"phase-{PhaseRules.Name(phase)}", neighbourhoodId, cycleId);
        return TypedResults.Ok(ToAdministration(cycle));
    }

    private static async Task<Created<CycleAdministration>> Create(
        string neighbourhoodId, NewCycle request, ClaimsPrincipal user, IGrainFactory grains, ILogger<NewCycle> logger,
        SignIn.IdentityProviders.IdentityProviderRegistry providers)
    {
        Residence.EligibilityEndpoints.Check(request.Eligibility, providers);
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId)
            .CreateBudgetCycleAsync(new CreateBudgetCycle(request.CycleId ?? "", request.Title ?? "", request.BudgetCents ?? 0));
        await Residence.EligibilityEndpoints.SetAtCreationAsync(grains, neighbourhoodId, cycle.CycleId, request.Eligibility);
        StaffAudit.Record(logger, user, "create-cycle", neighbourhoodId, cycle.CycleId);
        return TypedResults.Created($"/api/neighbourhoods/{neighbourhoodId}/cycles/{cycle.CycleId}", ToAdministration(cycle));
    }

    private static async Task<Ok<CycleAdministration>> Administration(string neighbourhoodId, string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(ToAdministration(await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId))
            with { Schedule = await ScheduleEndpoints.StepsAsync(grains, neighbourhoodId, cycleId) });

    /// <summary>Freezes the ballot design, rule, revote policy and live-results policy into the manifest whose hash
    /// voters see, and opens the ballot box. Nothing of it can change afterwards.</summary>
    private static async Task<Results<Ok<CycleAdministration>, ProblemHttpResult>> OpenVoting(
        string neighbourhoodId, string cycleId, VotingRules rules, ClaimsPrincipal user, CycleTransitions transitions, ILogger<NewCycle> logger)
    {
        if (rules.Ballot is null || rules.Rule is null)
        {
            return TypedResults.Problem("Say how people vote (ballot) and how the winners are chosen (rule).", statusCode: 400, title: "The voting rules are incomplete");
        }
        var cycle = await transitions.OpenVotingAsync(neighbourhoodId, cycleId, new CycleTransitions.VotingRules(
            rules.Projects, rules.Ballot, rules.Rule, rules.Revote ?? RevotePolicy.LastBallotCounts, rules.Eligibility, rules.Live ?? new LiveResults()));
        StaffAudit.Record(logger, user, "open-voting", neighbourhoodId, cycleId);
        return TypedResults.Ok(ToAdministration(cycle));
    }

    /// <summary>Closes the ballot box; everyone watching gets the final result with its explanations.</summary>
    private static async Task<Ok<CycleAdministration>> CloseVoting(
        string neighbourhoodId, string cycleId, ClaimsPrincipal user, CycleTransitions transitions, ILogger<NewCycle> logger)
    {
        var cycle = await transitions.CloseVotingAsync(neighbourhoodId, cycleId);
        StaffAudit.Record(logger, user, "close-voting", neighbourhoodId, cycleId);
        return TypedResults.Ok(ToAdministration(cycle));
    }

    private static CycleAdministration ToAdministration(CycleView cycle) => new(CycleEndpoints.ToPublic(cycle), cycle.Enrolled);
}
