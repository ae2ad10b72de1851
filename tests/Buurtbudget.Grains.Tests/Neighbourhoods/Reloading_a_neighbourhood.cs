using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

public sealed class Reloading_a_neighbourhood : IAsyncLifetime
{
    private const string Stream = "neighbourhood/noord";
    private readonly TempDirectory _folder = new();
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private readonly List<ServerNode> _nodes = [];

    private string File => _folder.File("ledger.db");

    private ServerNode NewNode(int snapshotEvery = 10_000)
    {
        var node = ServerNode.OnSqlite(File, _secrecy, snapshotEvery);
        _nodes.Add(node);
        return node;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        _folder.Dispose();
    }

    private static async Task<List<BallotReceipt>> CastMany(INeighbourhoodGrain grain, int count)
    {
        var voters = Enumerable.Range(0, count).Select(i => $"voter-{i}").ToArray();
        await Votes.OpenAsync(grain, voters);
        var receipts = await Task.WhenAll(voters.Select((v, i) =>
            grain.CastBallotAsync(Votes.Ballot(v, "k", Votes.Projects[i % Votes.Projects.Length].Id))));
        return [.. receipts.Select(r => r.Receipt)];
    }

    [Fact]
    public async Task A_neighbourhood_activated_from_a_snapshot_equals_one_replayed_from_the_start()
    {
        var first = NewNode(snapshotEvery: 25);
        var receipts = await CastMany(first.Neighbourhood("noord"), 120);
        var before = await first.Neighbourhood("noord").GetCycleAsync(Votes.Cycle);
        await first.Runtime.DisposeAsync();
        var snapshot = await first.Ledger.ReadSnapshotAsync(Stream);

        var fromSnapshot = await NewNode().Neighbourhood("noord").GetCycleAsync(Votes.Cycle);

        Assert.NotNull(snapshot);
        Assert.InRange(snapshot.Head.Version, (await first.Ledger.ReadHeadAsync(Stream)).Version - 25, long.MaxValue);
        Assert.Equal(before.Tally!.Projects.AsEnumerable(), fromSnapshot.Tally!.Projects.AsEnumerable());
        Assert.Equal(before.ManifestHash, fromSnapshot.ManifestHash);
        var grain = _nodes[^1].Neighbourhood("noord");
        Assert.Equal(receipts[7], (await grain.GetMyBallotAsync(Votes.Cycle, "voter-7"))!.Receipt);
        Assert.Equal(receipts[7], (await grain.CastBallotAsync(Votes.Ballot("voter-7", "k", Votes.Projects[7 % 5].Id))).Receipt);
    }

    [Fact]
    public async Task A_snapshot_that_disagrees_with_the_ledger_is_ignored()
    {
        var first = NewNode();
        await CastMany(first.Neighbourhood("noord"), 30);
        var head = await first.Ledger.ReadHeadAsync(Stream);
        var empty = new NeighbourhoodJson().CaptureState(new NeighbourhoodState())();
        await first.Ledger.WriteSnapshotAsync(new Snapshot(Stream, new StreamHead(head.Version, EntryHash.Of("forged"u8)), empty));
        await first.Runtime.DisposeAsync();

        var cycle = await NewNode().Neighbourhood("noord").GetCycleAsync(Votes.Cycle);

        Assert.Equal(30, cycle.Tally!.Turnout);
    }

    [Fact]
    public async Task A_snapshot_in_an_unknown_format_is_ignored_and_the_ledger_replayed()
    {
        var first = NewNode();
        await CastMany(first.Neighbourhood("noord"), 12);
        var head = await first.Ledger.ReadHeadAsync(Stream);
        await first.Ledger.WriteSnapshotAsync(new Snapshot(Stream, head, "{\"an\": \"old JSON snapshot\"}"u8.ToArray()));
        await first.Runtime.DisposeAsync();

        var cycle = await NewNode().Neighbourhood("noord").GetCycleAsync(Votes.Cycle);

        Assert.Equal(12, cycle.Tally!.Turnout);
    }

    [Fact]
    public async Task A_ledger_altered_behind_the_applications_back_stops_the_neighbourhood_from_activating()
    {
        var first = NewNode();
        var receipts = await CastMany(first.Neighbourhood("noord"), 10);
        await first.DisposeAsync();
        _nodes.Remove(first);
        await using (var connection = new SqliteConnection($"Data Source={File};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // An attacker with the file drops the append-only trigger and moves a vote.
            command.CommandText = "DROP TRIGGER ledger_entries_no_update; UPDATE ledger_entries SET payload = CAST(replace(CAST(payload AS TEXT), 'bankjes', 'moestuin') AS BLOB) WHERE version = $v;";
            command.Parameters.AddWithValue("$v", receipts[0].Position);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var refused = await Assert.ThrowsAsync<LedgerIntegrityException>(() => NewNode().Neighbourhood("noord").GetCycleAsync(Votes.Cycle));

        Assert.Equal(receipts[0].Position, refused.Version);
    }

    [Fact]
    public async Task A_turn_whose_append_conflicts_leaves_no_trace_and_the_retry_succeeds()
    {
        var stale = NewNode();
        var other = NewNode();
        var grain = stale.Neighbourhood("noord");
        await Votes.OpenAsync(grain, ["anna", "bram"]);
        await grain.CastBallotAsync(Votes.Ballot("anna", "a1", "bomen"));
        // Another node writes to the same neighbourhood meanwhile (a routing mistake or a failover).
        await other.Neighbourhood("noord").CreateBudgetCycleAsync(new CreateBudgetCycle("2027", "Next year", 1_000_000));

        await Assert.ThrowsAsync<LedgerConflictException>(() => grain.CastBallotAsync(Votes.Ballot("bram", "b1", "bankjes")));

        var cycle = await Retry.OnStorageFailureAsync(() => grain.GetCycleAsync(Votes.Cycle));
        Assert.Equal(1, cycle.Tally!.Turnout);
        Assert.Null(await grain.GetMyBallotAsync(Votes.Cycle, "bram"));
        Assert.Equal("Next year", (await grain.GetCycleAsync("2027")).Title);
        var retried = await Retry.OnStorageFailureAsync(() => grain.CastBallotAsync(Votes.Ballot("bram", "b1", "bankjes")));
        Assert.Equal(2, (await grain.GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
        var fromOtherNode = await Retry.OnStorageFailureAsync(() => other.Neighbourhood("noord").CastBallotAsync(Votes.Ballot("bram", "b1", "bankjes")));
        Assert.Equal(retried.Receipt, fromOtherNode.Receipt);
    }
}
