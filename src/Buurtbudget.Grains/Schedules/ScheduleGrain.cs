using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Schedules;

public sealed class ScheduleGrain : IScheduleGrain, IGrainBase
{
    /// <summary>The one key: there is one schedule book per installation.</summary>
    public const string Key = "all";
    public const string StreamPrefix = "schedules/";

    private readonly IGrainContext _context;
    private readonly TimeProvider _time;
    private readonly EventJournal<ScheduleState, ScheduleEvent> _journal;

    public ScheduleGrain(IGrainContext context, IEventLedger ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _time = time;
        _journal = new(ledger, StreamPrefix + context.Key, ScheduleJson.Instance, context, () => new ScheduleState(), snapshotEvery: 200);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<CycleSchedule> SetAsync(SetSchedule command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var steps = command.Steps.IsDefault ? [] : command.Steps;
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(command.NeighbourhoodId).GetCycleAsync(command.CycleId);
        if (PhaseSchedule.WhyNot(cycle.Phase, steps, _time.GetUtcNow()) is { } whyNot)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, whyNot);
        }
        bool opensVoting = steps.Any(s => s.Phase == CyclePhase.Voting);
        if (opensVoting != command.Voting is not null)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, opensVoting
                ? "The schedule opens voting: give the voting rules it opens with (voting: ballot, rule and the rest, as for open-voting)."
                : "Voting rules only go with a schedule that opens voting.");
        }
        if (command.Voting is { } voting)
        {
            // The same checks as opening voting now, so a schedule cannot wait weeks to fail on its own rules. The
            // projects are only known when voting opens; one stand-in lets the design and rule be checked.
            NeighbourhoodGrain.CheckManifest(new VotingManifest(cycle.BudgetCents,
                voting.Projects is { IsDefaultOrEmpty: false } projects ? projects : [new BallotProject("check", "check", 1)],
                voting.Ballot, voting.Rule, voting.Revote, voting.Eligibility) { Live = voting.Live ?? new() });
        }
        await _journal.AppendAsync(new ScheduleSet(command.NeighbourhoodId, command.CycleId, steps, command.Voting, command.By));
        return _journal.Confirmed.Cycles[CycleKey.Of(command.NeighbourhoodId, command.CycleId)];
    }

    public Task<CycleSchedule?> GetAsync(string neighbourhoodId, string cycleId) =>
        Task.FromResult(_journal.Confirmed.Cycles.GetValueOrDefault(CycleKey.Of(neighbourhoodId, cycleId)));

    public Task<ImmutableArray<DueStep>> DueAsync(DateTimeOffset now) => Task.FromResult(_journal.Confirmed.Cycles.Values
        .SelectMany(c => c.Steps.Where(s => s.Status == StepStatus.Pending && s.StartsAt <= now)
            .Select(s => new DueStep(c.NeighbourhoodId, c.CycleId, s.Phase, s.StartsAt, s.Phase == CyclePhase.Voting ? c.Voting : null)))
        .OrderBy(s => s.StartsAt)
        .ToImmutableArray());

    public Task<DateTimeOffset?> NextAsync() => Task.FromResult(_journal.Confirmed.Cycles.Values
        .SelectMany(c => c.Steps).Where(s => s.Status == StepStatus.Pending)
        .Select(s => (DateTimeOffset?)s.StartsAt).Min());

    public async Task<bool> RecordAsync(StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_journal.Tentative.Cycles.GetValueOrDefault(CycleKey.Of(outcome.NeighbourhoodId, outcome.CycleId)) is not { } schedule
            || !schedule.Steps.Any(s => s.Status == StepStatus.Pending && s.Phase == outcome.Phase && s.StartsAt == outcome.StartsAt))
        {
            return false;
        }
        await _journal.AppendAsync(new ScheduledStepHandled(outcome.NeighbourhoodId, outcome.CycleId, outcome.Phase, outcome.StartsAt,
            outcome.Done, outcome.Reason, outcome.At));
        return true;
    }

    public Task<int> CatchUpAsync() => _journal.CatchUpAsync();
}

public abstract record ScheduleEvent;

public sealed record ScheduleSet(string NeighbourhoodId, string CycleId, ImmutableArray<ScheduledPhase> Steps, ScheduledVoting? Voting, StaffMember By) : ScheduleEvent;

public sealed record ScheduledStepHandled(string NeighbourhoodId, string CycleId, CyclePhase Phase, DateTimeOffset StartsAt, bool Done, string? Reason, DateTimeOffset At)
    : ScheduleEvent;

internal sealed class ScheduleState : IJournaledState<ScheduleEvent>
{
    public Dictionary<string, CycleSchedule> Cycles { get; init; } = new(StringComparer.Ordinal);

    public void Apply(ScheduleEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case ScheduleSet set:
                Cycles[CycleKey.Of(set.NeighbourhoodId, set.CycleId)] = new CycleSchedule(set.NeighbourhoodId, set.CycleId,
                    [.. set.Steps.Select(s => new ScheduledStep(s.Phase, s.StartsAt, StepStatus.Pending, null, null))], set.Voting, set.By);
                break;
            case ScheduledStepHandled handled:
                string key = CycleKey.Of(handled.NeighbourhoodId, handled.CycleId);
                var schedule = Cycles[key];
                Cycles[key] = schedule with
                {
                    Steps = [.. schedule.Steps.Select(s => s.Status == StepStatus.Pending && s.Phase == handled.Phase && s.StartsAt == handled.StartsAt
                        ? s with { Status = handled.Done ? StepStatus.Done : StepStatus.Refused, Outcome = handled.Reason, HandledAt = handled.At }
                        : s)],
                };
                break;
            default:
                throw new InvalidOperationException($"Unknown schedule event {change.GetType().Name}.");
        }
    }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScheduleSet))]
[JsonSerializable(typeof(ScheduledStepHandled))]
[JsonSerializable(typeof(CycleSchedule[]))]
internal sealed partial class ScheduleJsonContext : JsonSerializerContext;

internal static class ScheduleJson
{
    public static IJournalCodec<ScheduleState, ScheduleEvent> Instance { get; } = new JsonJournalCodec<ScheduleState, ScheduleEvent, CycleSchedule[]>(
        new JsonEventKinds<ScheduleEvent>()
            .Add(ScheduleJsonContext.Default.ScheduleSet)
            .Add(ScheduleJsonContext.Default.ScheduledStepHandled),
        ScheduleJsonContext.Default.CycleScheduleArray,
        state => [.. state.Cycles.Values],
        cycles => new() { Cycles = cycles.ToDictionary(c => CycleKey.Of(c.NeighbourhoodId, c.CycleId), StringComparer.Ordinal) });
}
