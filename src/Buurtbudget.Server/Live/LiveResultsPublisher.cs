using System.Collections.Concurrent;
using System.Collections.Immutable;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace Buurtbudget.Server.Live;

/// <summary>
/// Coalesces changes into a few pushes per second: a cast only marks its cycle as changed; every
/// <see cref="Interval"/> each changed cycle is read once from its grain and sent once to its group. Bursts of
/// ballots therefore cost one message per interval per group, and a single ballot is never announced on its own
/// the moment it was cast.
/// </summary>
internal sealed partial class LiveResultsPublisher(
    IHubContext<LiveResultsHub, ILiveResultsClient> hub, IGrainFactory grains, Cycles.FinalResults finalResults, TimeProvider time, ILogger<LiveResultsPublisher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<(string Neighbourhood, string Cycle), byte> _changed = new();

    public static string Group(string neighbourhoodId, string cycleId) => $"{neighbourhoodId}/{cycleId}";

    public void Changed(string neighbourhoodId, string cycleId) => _changed.TryAdd((neighbourhoodId, cycleId), 0);

    public async Task<CycleUpdate?> CurrentAsync(string neighbourhoodId, string cycleId)
    {
        try
        {
            var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId);
            var cycle = await neighbourhood.GetCycleAsync(cycleId);
            var results = await finalResults.OfAsync(cycle, neighbourhoodId);
            var selected = results?.Selected
                ?? (Disclosure.AllocationToShow(cycle) ? (await neighbourhood.ComputeOutcomeAsync(cycleId)).Selected : (ImmutableArray<string>?)null);
            return new CycleUpdate(neighbourhoodId, cycleId, cycle.Phase, cycle.Tally?.Turnout ?? 0, Disclosure.CountsToShow(cycle), selected, results);
        }
        catch (BudgetCycleException)
        {
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var key in _changed.Keys)
            {
                _changed.TryRemove(key, out _);
                try
                {
                    if (await CurrentAsync(key.Neighbourhood, key.Cycle) is { } update)
                    {
                        await hub.Clients.Group(Group(key.Neighbourhood, key.Cycle)).CycleUpdated(update);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPushFailed(logger, exception, key.Neighbourhood, key.Cycle);
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not push live results for {Neighbourhood}/{Cycle}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string neighbourhood, string cycle);
}
