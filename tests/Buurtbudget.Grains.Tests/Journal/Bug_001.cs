using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Journal;

/// <summary>
/// Bug 001: when the ledger's commit finished before the journal had queued the entries it was committing (the
/// writer thread was quicker than the grain's thread got to its await), the confirmed state never received
/// them: a revoked voting code stayed live, a created cycle stayed invisible to reads.
/// </summary>
public sealed class Bug_001
{
    /// <summary>A real SQLite ledger whose appends are already committed when AppendAsync returns: the extreme
    /// of the race, made deterministic.</summary>
    private sealed class CommitsBeforeReturning(IEventLedger inner) : IEventLedger
    {
        public Task<IReadOnlyList<LedgerEntry>> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default)
        {
            var committed = inner.AppendAsync(streamId, expected, entries, cancellationToken);
            ((IAsyncResult)committed).AsyncWaitHandle.WaitOne();
            return committed;
        }

        public IAsyncEnumerable<LedgerEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(streamId, afterVersion, cancellationToken);

        public Task<StreamHead> ReadHeadAsync(string streamId, CancellationToken cancellationToken = default) => inner.ReadHeadAsync(streamId, cancellationToken);

        public Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) => inner.ReadSnapshotAsync(streamId, cancellationToken);

        public Task WriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default) => inner.WriteSnapshotAsync(snapshot, cancellationToken);
    }

    [Fact]
    public async Task Events_whose_commit_finished_before_they_were_queued_still_reach_the_confirmed_state()
    {
        using var folder = new TempDirectory();
        await using var sqlite = SqliteEventLedger.Open(folder.File("ledger.db"));
        var ledger = new CommitsBeforeReturning(sqlite);
        await using var runtime = new GrainRuntime(TimeProvider.System, new GrainRuntimeOptions { CollectionPeriod = Timeout.InfiniteTimeSpan })
            .AddGrain<INeighbourhoodGrain, NeighbourhoodGrain>(context => new NeighbourhoodGrain(context, ledger, BallotSecrecy.CreateRandom()));
        var grain = runtime.GetGrain<INeighbourhoodGrain>("oost");

        var created = await grain.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Leefbaarheidsbudget 2026", 1_000_000));

        Assert.Equal("2026", created.CycleId);
        Assert.Equal(CyclePhase.Draft, (await grain.GetCycleAsync("2026")).Phase);
    }
}
