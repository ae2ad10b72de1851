namespace Buurtbudget.Ledger.Tests.Contract;

/// <summary>
/// What every <see cref="IEventLedger"/> store promises, run against each real store by a subclass. The
/// subclass only says how to open a ledger on its store; every call of <see cref="OpenStoreAsync"/> in one test
/// opens the same store, as a restarted process would.
/// </summary>
public abstract class LedgerContract : IAsyncLifetime
{
    private readonly List<OpenLedger> _opened = [];

    /// <summary>Opens a (new) ledger instance on this test's store.</summary>
    protected abstract Task<OpenLedger> OpenStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var ledger in _opened)
        {
            await ledger.DisposeAsync();
        }
    }

    protected async Task<OpenLedger> OpenAsync()
    {
        var ledger = await OpenStoreAsync();
        _opened.Add(ledger);
        return ledger;
    }

    [Fact]
    public async Task Appends_then_reads_back_the_same_entries_in_order()
    {
        var ledger = (await OpenAsync()).Ledger;

        var first = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1, 2));
        var second = await ledger.AppendAsync("s", first[^1].Head, Events.Ballots(3));

        var read = await ledger.ReadAsync("s").ToListAsync();
        Assert.Equal([.. first, .. second], read, EntryComparer.Instance);
        Assert.Equal([1L, 2, 3], read.Select(e => e.Version));
        Assert.Equal("""{"ballot":3}""", Events.Text(read[2]));
        Assert.Equal(second[^1].Head, await ledger.ReadHeadAsync("s"));
        Assert.Equal([3L], (await ledger.ReadAsync("s", afterVersion: 2).ToListAsync()).Select(e => e.Version));
    }

    [Fact]
    public async Task Reads_an_unknown_stream_as_empty()
    {
        var ledger = (await OpenAsync()).Ledger;

        Assert.Equal(StreamHead.Empty, await ledger.ReadHeadAsync("nobody"));
        Assert.Empty(await ledger.ReadAsync("nobody").ToListAsync());
        Assert.Null(await ledger.ReadSnapshotAsync("nobody"));
    }

    [Fact]
    public async Task Hashes_entries_exactly_as_ChainHash_does()
    {
        var ledger = (await OpenAsync()).Ledger;

        var written = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1, 2, 3));

        var previous = EntryHash.Genesis;
        foreach (var entry in await ledger.ReadAsync("s").ToListAsync())
        {
            Assert.Equal(previous, entry.PreviousHash);
            Assert.Equal(ChainHash.Compute("s", entry.Version, entry.Kind, entry.Payload.Span, previous), entry.Hash);
            previous = entry.Hash;
        }

        Assert.Equal(ChainHash.Chain("s", StreamHead.Empty, Events.Ballots(1, 2, 3)), written, EntryComparer.Instance);
    }

    [Fact]
    public async Task Appends_with_a_stale_version_conflict_and_write_nothing()
    {
        var ledger = (await OpenAsync()).Ledger;
        var first = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1));
        var second = await ledger.AppendAsync("s", first[^1].Head, Events.Ballots(2));

        var conflict = await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.AppendAsync("s", first[^1].Head, Events.Ballots(99)));
        await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(98)));

        Assert.Equal("s", conflict.StreamId);
        Assert.Equal(second[^1].Head, await ledger.ReadHeadAsync("s"));
        Assert.Equal(2, (await ledger.ReadAsync("s").ToListAsync()).Count);
    }

    [Fact]
    public async Task Appends_with_the_right_version_but_a_wrong_head_hash_conflict_and_write_nothing()
    {
        var ledger = (await OpenAsync()).Ledger;
        var first = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1));
        var forged = new StreamHead(1, ChainHash.Compute("s", 1, "BallotCast", "other"u8, EntryHash.Genesis));

        await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.AppendAsync("s", forged, Events.Ballots(2)));
        await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.AppendAsync("t", new StreamHead(0, forged.Hash), Events.Ballots(2)));

        Assert.Equal(first[^1].Head, await ledger.ReadHeadAsync("s"));
        Assert.Single(await ledger.ReadAsync("s").ToListAsync());
        Assert.Equal(StreamHead.Empty, await ledger.ReadHeadAsync("t"));
    }

    [Fact]
    public async Task Pipelined_appends_to_one_stream_commit_in_the_order_they_were_made()
    {
        var ledger = (await OpenAsync()).Ledger;
        var head = StreamHead.Empty;
        var inFlight = new List<Task<IReadOnlyList<LedgerEntry>>>();
        for (int i = 1; i <= 20; i++)
        {
            // Each append expects the head the previous one will produce, before that one has completed.
            var batch = Events.Ballots(i);
            inFlight.Add(ledger.AppendAsync("s", head, batch));
            head = ChainHash.Chain("s", head, batch)[^1].Head;
        }

        await Task.WhenAll(inFlight);

        Assert.Equal(head, await ledger.ReadHeadAsync("s"));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $$"""{"ballot":{{i}}}"""), (await ledger.ReadAsync("s").ToListAsync()).Select(Events.Text));
    }

    [Fact]
    public async Task A_failed_append_makes_the_next_pipelined_append_of_its_stream_conflict_while_other_streams_commit()
    {
        var ledger = (await OpenAsync()).Ledger;
        var committed = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1));
        var stale = StreamHead.Empty;
        var wouldBe = ChainHash.Chain("s", stale, Events.Ballots(2))[^1].Head;

        var failing = ledger.AppendAsync("s", stale, Events.Ballots(2));
        var pipelined = ledger.AppendAsync("s", wouldBe, Events.Ballots(3));
        var other = ledger.AppendAsync("t", StreamHead.Empty, Events.Ballots(4));

        await Assert.ThrowsAsync<LedgerConflictException>(() => failing);
        await Assert.ThrowsAsync<LedgerConflictException>(() => pipelined);
        Assert.Equal(1, (await other)[^1].Version);
        Assert.Equal(committed[^1].Head, await ledger.ReadHeadAsync("s"));
        Assert.Equal((await other)[^1].Head, await ledger.ReadHeadAsync("t"));
    }

    [Fact]
    public async Task Concurrent_appends_expecting_the_same_head_let_exactly_one_win()
    {
        var ledger = (await OpenAsync()).Ledger;
        var start = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(0));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                await ledger.AppendAsync("s", start[^1].Head, Events.Ballots(i));
                return true;
            }
            catch (LedgerConflictException)
            {
                return false;
            }
        })).ToArray();

        go.SetResult();
        var won = await Task.WhenAll(racers);

        Assert.Single(won, w => w);
        Assert.Equal(2, (await ledger.ReadHeadAsync("s")).Version);
        Assert.Equal(2, (await ledger.ReadAsync("s").ToListAsync()).Count);
    }

    [Fact]
    public async Task Groups_many_concurrent_appends_into_fewer_commits()
    {
        var open = await OpenAsync();
        const int Appends = 200;

        await Task.WhenAll(Enumerable.Range(0, Appends).Select(i => open.Ledger.AppendAsync($"s{i}", StreamHead.Empty, Events.Ballots(i))));

        var counters = open.Counters;
        Assert.Equal(Appends, counters.Appends);
        Assert.InRange(counters.Commits, 1, Appends - 1);
        Assert.Equal(0, counters.Conflicts);
    }

    [Fact]
    public async Task Keeps_committed_entries_across_closing_and_reopening()
    {
        var first = await OpenAsync();
        var written = await first.Ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1, 2));
        await first.DisposeAsync();

        var second = await OpenAsync();
        Assert.Equal(written, await second.Ledger.ReadAsync("s").ToListAsync(), EntryComparer.Instance);
        var more = await second.Ledger.AppendAsync("s", written[^1].Head, Events.Ballots(3));
        Assert.Equal(3, more[^1].Version);
    }

    [Fact]
    public async Task Keeps_only_the_newest_snapshot_of_a_stream()
    {
        var ledger = (await OpenAsync()).Ledger;
        var entries = await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1, 2, 3));

        await ledger.WriteSnapshotAsync(new Snapshot("s", entries[1].Head, "two"u8.ToArray()));
        await ledger.WriteSnapshotAsync(new Snapshot("s", entries[2].Head, "three"u8.ToArray()));
        await ledger.WriteSnapshotAsync(new Snapshot("s", entries[0].Head, "one"u8.ToArray()));

        var snapshot = await ledger.ReadSnapshotAsync("s");
        Assert.NotNull(snapshot);
        Assert.Equal(entries[2].Head, snapshot.Head);
        Assert.Equal("three"u8.ToArray(), snapshot.State.ToArray());
    }
}
