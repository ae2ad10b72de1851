using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Schedules;

/// <summary>
/// Every cycle's schedule: when each later phase starts. One grain (key <see cref="ScheduleGrain.Key"/>) because the
/// scheduler asks it one question, "what is due now?", and it is small: a few steps per cycle. Invalid schedules
/// throw <see cref="BudgetCycleException"/> and change nothing. The moves themselves are made by the server's
/// scheduler through the same calls a member of staff makes; this grain records what became of each step.
/// </summary>
public interface IScheduleGrain : IGrainWithStringKey
{
    /// <summary>Replaces the cycle's schedule (an empty list of steps clears it).</summary>
    Task<CycleSchedule> SetAsync(SetSchedule command);

    Task<CycleSchedule?> GetAsync(string neighbourhoodId, string cycleId);

    /// <summary>The pending steps whose time has come at <paramref name="now"/>, earliest first.</summary>
    Task<ImmutableArray<DueStep>> DueAsync(DateTimeOffset now);

    /// <summary>When the earliest pending step starts, or null when nothing is pending.</summary>
    Task<DateTimeOffset?> NextAsync();

    /// <summary>Records that a due step was made or refused. False (and nothing recorded) when the step is no longer
    /// pending: the schedule was replaced meanwhile, or another node recorded it first.</summary>
    Task<bool> RecordAsync(StepOutcome outcome);

    /// <summary>Applies what other server nodes appended since this activation last read the ledger.</summary>
    Task<int> CatchUpAsync();
}

/// <summary>The rules voting opens with when the schedule opens it; frozen then, exactly as by the open-voting
/// request. Without <paramref name="Projects"/> the ballot is the proposals judged feasible by then.</summary>
public sealed record ScheduledVoting(BallotDescription Ballot, RuleChoice Rule, RevotePolicy Revote, Eligibility Eligibility, LiveResults Live,
    ImmutableArray<BallotProject>? Projects = null);

public sealed record SetSchedule(string NeighbourhoodId, string CycleId, ImmutableArray<ScheduledPhase> Steps, ScheduledVoting? Voting, StaffMember By);

public enum StepStatus
{
    Pending,

    /// <summary>The cycle moved to the phase at its time.</summary>
    Done,

    /// <summary>The move was not allowed at its time (see the outcome); the cycle did not change.</summary>
    Refused,
}

/// <param name="Outcome">For a refused step, why; for a done one, null.</param>
public sealed record ScheduledStep(CyclePhase Phase, DateTimeOffset StartsAt, StepStatus Status, string? Outcome, DateTimeOffset? HandledAt);

public sealed record CycleSchedule(string NeighbourhoodId, string CycleId, ImmutableArray<ScheduledStep> Steps, ScheduledVoting? Voting, StaffMember SetBy);

public sealed record DueStep(string NeighbourhoodId, string CycleId, CyclePhase Phase, DateTimeOffset StartsAt, ScheduledVoting? Voting);

public sealed record StepOutcome(string NeighbourhoodId, string CycleId, CyclePhase Phase, DateTimeOffset StartsAt, bool Done, string? Reason, DateTimeOffset At);
