using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.Schedules;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// Moves cycles when their scheduled time arrives, on the injected clock. Each due step goes through
/// <see cref="CycleTransitions"/>, exactly as if a member of staff asked at that moment; a move the cycle does not
/// allow then is not made, is logged, and is recorded as refused for the administration view. A step that was due
/// while the server was down is made when it starts again. With several nodes every node runs a scheduler: the
/// first to record a step wins, and a node that finds the cycle already moved records nothing.
/// </summary>
internal sealed partial class CycleScheduler(IGrainFactory grains, CycleTransitions transitions, TimeProvider time, ILogger<CycleScheduler> logger)
    : BackgroundService
{
    /// <summary>How long to wait before trying a step again after the ledger was unavailable.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    // Task.Delay takes at most about 49 days; a step further away is simply waited for in several stretches.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Through, TaskCompletionSource Done)> _waiters = [];

    private IScheduleGrain Schedule => grains.GetGrain<IScheduleGrain>(ScheduleGrain.Key);

    /// <summary>A schedule changed: look again now instead of at the time waited for.</summary>
    public void Wake() => _wake.Release();

    /// <summary>Completes once the scheduler has made (or refused) every step due at <paramref name="through"/>: after a
    /// pass that started at or after that time. Wakes the scheduler, so it never waits for a timer that is not set.</summary>
    public Task HandledThroughAsync(DateTimeOffset through)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((through, done));
        }
        Wake();
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            bool retry = false;
            DateTimeOffset? next = null;
            try
            {
                retry = await RunDueStepsAsync(now);
                next = await Schedule.NextAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(logger, exception);
                retry = true;
            }
            Release(now);
            var wait = next is { } at ? at - time.GetUtcNow() : LongestWait;
            if (retry && wait < RetryAfter)
            {
                wait = RetryAfter;
            }
            await WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait, stoppingToken);
        }
    }

    /// <summary>Makes every step due at <paramref name="now"/>, earliest first. True when one has to be tried again later.</summary>
    private async Task<bool> RunDueStepsAsync(DateTimeOffset now)
    {
        // Another node may have set or recorded steps since this one last read the schedule.
        await Schedule.CatchUpAsync();
        bool retry = false;
        foreach (var step in await Schedule.DueAsync(now))
        {
            var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(step.NeighbourhoodId);
            await neighbourhood.CatchUpAsync();
            bool done;
            string? reason = null;
            try
            {
                await transitions.MoveAsync(step.NeighbourhoodId, step.CycleId, step.Phase, step.Voting is { } voting
                    ? new CycleTransitions.VotingRules(voting.Projects, voting.Ballot, voting.Rule, voting.Revote, voting.Eligibility, voting.Live ?? new())
                    : null);
                done = true;
            }
            catch (Exception exception) when (exception is BudgetCycleException or ProposalException)
            {
                done = false;
                reason = exception.Message;
            }
            catch (Exception exception) when (exception is Ledger.LedgerUnavailableException or Ledger.LedgerConflictException)
            {
                LogStepPostponed(logger, exception, step.NeighbourhoodId, step.CycleId, Domain.Cycles.PhaseRules.Name(step.Phase));
                retry = true;
                continue;
            }
            if (await Schedule.RecordAsync(new StepOutcome(step.NeighbourhoodId, step.CycleId, step.Phase, step.StartsAt, done, reason, time.GetUtcNow())))
            {
                if (done)
                {
                    LogStepMade(logger, step.NeighbourhoodId, step.CycleId, Domain.Cycles.PhaseRules.Name(step.Phase));
                }
                else
                {
                    LogStepRefused(logger, step.NeighbourhoodId, step.CycleId, Domain.Cycles.PhaseRules.Name(step.Phase), reason!);
                }
            }
        }
        return retry;
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(wait, time, stop.Token);
        var woken = _wake.WaitAsync(stop.Token);
        await Task.WhenAny(timer, woken);
        await stop.CancelAsync();
        await Task.WhenAll(timer, woken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private void Release(DateTimeOffset passStartedAt)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            done = [.. _waiters.Where(w => w.Through <= passStartedAt).Select(w => w.Done)];
            _waiters.RemoveAll(w => w.Through <= passStartedAt);
        }
        done.ForEach(d => d.TrySetResult());
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Scheduled move of {Neighbourhood}/{Cycle} to {Phase} made")]
    private static partial void LogStepMade(ILogger logger, string neighbourhood, string cycle, string phase);

    [LoggerMessage(LogLevel.Warning, "Scheduled move of {Neighbourhood}/{Cycle} to {Phase} refused: {Reason}")]
    private static partial void LogStepRefused(ILogger logger, string neighbourhood, string cycle, string phase, string reason);

    [LoggerMessage(LogLevel.Warning, "Scheduled move of {Neighbourhood}/{Cycle} to {Phase} postponed: the ledger is unavailable")]
    private static partial void LogStepPostponed(ILogger logger, Exception exception, string neighbourhood, string cycle, string phase);

    [LoggerMessage(LogLevel.Warning, "The scheduler could not read the schedule; trying again shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
