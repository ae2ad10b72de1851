using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.Schedules;
using Buurtbudget.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// An administrator gives a cycle a schedule: the moment each later phase starts. <see cref="CycleScheduler"/> makes
/// the moves when their time comes; the public cycle view shows what is planned, the administration view also what
/// became of each step.
/// </summary>
internal static class ScheduleEndpoints
{
    public sealed record StepRequest(CyclePhase? Phase, DateTimeOffset? StartsAt);

    public sealed record ScheduleRequest(ImmutableArray<StepRequest>? Steps, CycleAdministrationEndpoints.VotingRules? Voting);

    /// <summary>A step as the public sees it: what starts when, and whether it happened.</summary>
    public sealed record PublicStep(CyclePhase Phase, DateTimeOffset StartsAt, StepStatus Status);

    public static void AddCycleSchedule(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CycleTransitions>();
        builder.Services.AddSingleton<CycleScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CycleScheduler>());
    }

    public static void MapScheduleEndpoints(this WebApplication app) =>
        app.MapPut("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/schedule", SetSchedule)
            .WithTags("Budget cycles").RequireStaff(StaffAction.ManageCycles);

    /// <summary>Replaces the cycle's schedule; an empty list of steps clears it. A schedule that opens voting carries
    /// the voting rules, checked now and frozen when voting opens.</summary>
    private static async Task<Results<Ok<ImmutableArray<ScheduledStep>>, ProblemHttpResult>> SetSchedule(
        string neighbourhoodId, string cycleId, ScheduleRequest request, ClaimsPrincipal user, IGrainFactory grains, CycleScheduler scheduler,
        ILogger<ScheduleRequest> logger)
    {
        var steps = request.Steps ?? [];
        if (steps.Any(s => s.Phase is null || s.StartsAt is null))
        {
            return TypedResults.Problem("Give every step a phase and the moment it starts (startsAt, with its UTC offset).", statusCode: 400, title: "A step is incomplete");
        }
        ScheduledVoting? voting = null;
        if (request.Voting is { } rules)
        {
            if (rules.Ballot is null || rules.Rule is null)
            {
                return TypedResults.Problem("Say how people vote (ballot) and how the winners are chosen (rule).", statusCode: 400, title: "The voting rules are incomplete");
            }
            voting = new ScheduledVoting(rules.Ballot, rules.Rule, rules.Revote ?? RevotePolicy.LastBallotCounts, rules.Eligibility ?? Eligibility.Census,
                rules.Live ?? new LiveResults(), rules.Projects);
        }
        var schedule = await grains.GetGrain<IScheduleGrain>(ScheduleGrain.Key).SetAsync(new SetSchedule(neighbourhoodId, cycleId,
            [.. steps.Select(s => new ScheduledPhase(s.Phase!.Value, s.StartsAt!.Value))], voting, user.Member()!));
        scheduler.Wake();
        StaffAudit.Record(logger, user, $"schedule-{string.Join('-', steps.Select(s => PhaseRules.Name(s.Phase!.Value)))}", neighbourhoodId, cycleId);
        return TypedResults.Ok(schedule.Steps);
    }

    /// <summary>The cycle's schedule for the public cycle view (empty when it has none).</summary>
    public static async Task<ImmutableArray<PublicStep>> PublicAsync(IGrainFactory grains, string neighbourhoodId, string cycleId) =>
        [.. (await StepsAsync(grains, neighbourhoodId, cycleId)).Select(s => new PublicStep(s.Phase, s.StartsAt, s.Status))];

    /// <summary>The cycle's schedule with what became of each step, for the administration view.</summary>
    public static async Task<ImmutableArray<ScheduledStep>> StepsAsync(IGrainFactory grains, string neighbourhoodId, string cycleId) =>
        (await grains.GetGrain<IScheduleGrain>(ScheduleGrain.Key).GetAsync(neighbourhoodId, cycleId))?.Steps ?? [];
}
