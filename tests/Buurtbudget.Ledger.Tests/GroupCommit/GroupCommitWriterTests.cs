using Buurtbudget.Ledger.GroupCommit;

namespace Buurtbudget.Ledger.Tests.GroupCommit;

/// <summary>
/// The writer's own promises, with a store that fails on demand (fault injection: a real store cannot be made
/// to fail one chosen batch without long waits). Everything else is covered by the contract on real stores.
/// </summary>
public sealed class GroupCommitWriterTests
{
    /// <summary>Holds each batch until released, then commits it, or throws if told to.</summary>
    private sealed class GatedStore : IBatchStore
    {
        public TaskCompletionSource Release { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The 1-based number of the batch that fails (0: none).</summary>
        public int FailBatch { get; init; }

        public List<int> BatchSizes { get; } = [];

        /// <summary>Whether each batch was committed on a thread-pool thread.</summary>
        public List<bool> OnPoolThread { get; } = [];

        public async Task<IReadOnlyList<AppendOutcome>> CommitBatchAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
        {
            BatchSizes.Add(batch.Count);
            OnPoolThread.Add(Thread.CurrentThread.IsThreadPoolThread);
            Entered.TrySetResult();
            await Release.Task;
            if (BatchSizes.Count == FailBatch)
            {
                throw new IOException("disk on fire");
            }

            return batch.Select(_ => AppendOutcome.Committed).ToArray();
        }
    }

    [Fact]
    public async Task A_store_failure_fails_every_append_of_its_batch_as_unavailable_and_the_next_batch_commits()
    {
        var store = new GatedStore { FailBatch = 2 };
        await using var writer = new GroupCommitWriter(store);
        var first = writer.AppendAsync("a", StreamHead.Empty, Events.Ballots(1));
        await store.Entered.Task;
        // These queue up behind the first batch and form the second one, which fails.
        var queued = Enumerable.Range(0, 5).Select(i => writer.AppendAsync($"s{i}", StreamHead.Empty, Events.Ballots(i))).ToArray();
        store.Release.SetResult();

        Assert.Equal(1, (await first)[^1].Version);
        foreach (var append in queued)
        {
            var failure = await Assert.ThrowsAsync<LedgerUnavailableException>(() => append);
            Assert.IsType<IOException>(failure.InnerException);
        }

        var after = await writer.AppendAsync("b", StreamHead.Empty, Events.Ballots(9));
        Assert.Equal(1, after[^1].Version);
        Assert.Equal([1, 5, 1], store.BatchSizes);
        Assert.Equal(new LedgerCounters(Appends: 7, Commits: 2, Conflicts: 0, FailedBatches: 1), writer.Counters);
    }

    [Fact]
    public async Task Batches_are_capped_at_the_maximum_size()
    {
        var store = new GatedStore();
        await using var writer = new GroupCommitWriter(store, maxBatchSize: 3);
        var first = writer.AppendAsync("a", StreamHead.Empty, Events.Ballots(0));
        await store.Entered.Task;
        var queued = Enumerable.Range(0, 7).Select(i => writer.AppendAsync($"s{i}", StreamHead.Empty, Events.Ballots(i))).ToArray();
        store.Release.SetResult();

        await Task.WhenAll([first, .. queued]);

        Assert.Equal([1, 3, 3, 1], store.BatchSizes);
    }

    [Fact]
    public async Task Refuses_empty_appends_and_a_non_genesis_empty_head_without_reaching_the_store()
    {
        var store = new GatedStore();
        store.Release.SetResult();
        await using var writer = new GroupCommitWriter(store);
        var impossible = new StreamHead(0, ChainHash.Compute("x", 1, "k", "p"u8, EntryHash.Genesis));

        Assert.Throws<ArgumentException>(() => { _ = writer.AppendAsync("s", StreamHead.Empty, []); });
        await Assert.ThrowsAsync<LedgerConflictException>(() => writer.AppendAsync("s", impossible, Events.Ballots(1)));
        Assert.Empty(store.BatchSizes);
    }

    [Fact]
    public async Task Batches_are_committed_on_the_writers_own_thread_not_in_the_thread_pool_queue()
    {
        // Every ballot waits for this one loop; on the pool it would queue behind request work once per commit.
        var store = new GatedStore();
        store.Release.SetResult();
        await using var writer = new GroupCommitWriter(store);
        var first = await writer.AppendAsync("a", StreamHead.Empty, Events.Ballots(1));
        var second = await writer.AppendAsync("a", first[^1].Head, Events.Ballots(2));

        Assert.Equal(2, second[^1].Version);
        Assert.Equal([false, false], store.OnPoolThread);
    }

    [Fact]
    public async Task Disposing_commits_everything_already_queued_then_refuses_new_appends()
    {
        var store = new GatedStore();
        var writer = new GroupCommitWriter(store, maxBatchSize: 2);
        var first = writer.AppendAsync("a", StreamHead.Empty, Events.Ballots(0));
        await store.Entered.Task;
        var queued = Enumerable.Range(0, 3).Select(i => writer.AppendAsync($"s{i}", StreamHead.Empty, Events.Ballots(i))).ToArray();
        var disposing = writer.DisposeAsync();
        store.Release.SetResult();
        await disposing;

        await Task.WhenAll([first, .. queued]);
        Assert.Equal([1, 2, 1], store.BatchSizes);
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.AppendAsync("b", StreamHead.Empty, Events.Ballots(1)); });
    }
}
