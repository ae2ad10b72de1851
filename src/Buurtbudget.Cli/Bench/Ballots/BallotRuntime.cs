using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>A grain runtime hosting real neighbourhood grains on a ledger, as a server node will.</summary>
internal static class BallotRuntime
{
    public static GrainRuntime Create(IEventLedger ledger, BallotSecrecy secrecy, int snapshotEvery) =>
        // No idle collection: a benchmark decides itself when an activation ends (by disposing the runtime).
        new GrainRuntime(TimeProvider.System, new GrainRuntimeOptions { CollectionPeriod = Timeout.InfiniteTimeSpan })
            .AddGrain<INeighbourhoodGrain, NeighbourhoodGrain>(context => new NeighbourhoodGrain(context, ledger, secrecy, snapshotEvery));
}
