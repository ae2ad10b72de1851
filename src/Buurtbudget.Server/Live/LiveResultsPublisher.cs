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
    IHubContext<LiveResultsHub, ILiveResultsClient> hub, IGrainFactory grains, Cycles.FinalResults finalResults, IServiceProvider services,
    TimeProvider time, ILogger<LiveResultsPublisher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Changed cycles, and whether the change happened on this node (true: tell the others too).</summary>
    private readonly ConcurrentDictionary<(string Neighbourhood, string Cycle), bool> _changed = new();

    public static string Group(string neighbourhoodId, string cycleId) => $"{neighbourhoodId}/{cycleId}";

    public void Changed(string neighbourhoodId, string cycleId) => _changed[(neighbourhoodId, cycleId)] = true;

    /// <summary>Cycles with changed proposals, and whether the change happened on this node (true: tell the others too).</summary>
    private readonly ConcurrentDictionary<(string Neighbourhood, string Cycle), bool> _proposalsChanged = new();

    /// <summary>A proposal of the cycle changed (submitted, supported, reviewed, …): watchers get the list again.</summary>
    public void ProposalsChanged(string neighbourhoodId, string cycleId) => _proposalsChanged[(neighbourhoodId, cycleId)] = true;

    /// <summary>Another node changed a proposal of the cycle: catch the proposals up from the ledger and push here.</summary>
    public void ProposalsChangedElsewhere(string neighbourhoodId, string cycleId) => _proposalsChanged.TryAdd((neighbourhoodId, cycleId), false);

    /// <summary>Another node changed the cycle: catch up from the ledger and push here, without telling anyone.</summary>
    public void ChangedElsewhere(string neighbourhoodId, string cycleId) => _changed.TryAdd((neighbourhoodId, cycleId), false);

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
        // Resolved here, not injected: the PostgreSQL notifier needs this publisher, and this publisher needs it.
        var otherNodes = services.GetRequiredService<IOtherNodes>();
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var local = new List<(string Neighbourhood, string Cycle)>();
            foreach (var key in _changed.Keys)
            {
                if (!_changed.TryRemove(key, out bool here))
                {
                    continue;
                }
                try
                {
                    if (here)
                    {
                        local.Add(key);
                    }
                    else if (BudgetIds.IsValid(key.Neighbourhood) && BudgetIds.IsValid(key.Cycle))
                    {
                        await grains.GetGrain<INeighbourhoodGrain>(key.Neighbourhood).CatchUpAsync();
                    }
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
            var localProposals = new List<(string Neighbourhood, string Cycle)>();
            foreach (var key in _proposalsChanged.Keys)
            {
                if (!_proposalsChanged.TryRemove(key, out bool here))
                {
                    continue;
                }
                try
                {
                    if (here)
                    {
                        localProposals.Add(key);
                    }
                    else if (BudgetIds.IsValid(key.Neighbourhood) && BudgetIds.IsValid(key.Cycle))
                    {
                        await grains.GetGrain<Grains.Proposals.ICycleProposalsGrain>(CycleKey.Of(key.Neighbourhood, key.Cycle)).CatchUpAsync();
                    }
                    else
                    {
                        continue;
                    }
                    var proposals = await Proposals.ProposalEndpoints.SummariesAsync(grains, key.Neighbourhood, key.Cycle);
                    await hub.Clients.Group(Group(key.Neighbourhood, key.Cycle)).ProposalsUpdated(new ProposalsUpdate(key.Neighbourhood, key.Cycle, proposals));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPushFailed(logger, exception, key.Neighbourhood, key.Cycle);
                }
            }
            try
            {
                await otherNodes.AnnounceAsync(local, localProposals, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogAnnounceFailed(logger, exception, local.Count + localProposals.Count);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not tell the other nodes about {Count} changed cycles")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(LogLevel.Warning, "Could not push live results for {Neighbourhood}/{Cycle}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string neighbourhood, string cycle);
}
