using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>Two nodes on one ledger: the one that did not write catches up on request, checking the chain as it goes.</summary>
public sealed class Catching_up_with_another_node : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private ServerNode _writer = null!;
    private ServerNode _watcher = null!;

    public async Task InitializeAsync()
    {
        _writer = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        _watcher = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        await Votes.OpenAsync(_writer.Neighbourhood("oost"), ["anna", "bram"]);
    }

    public async Task DisposeAsync()
    {
        await _watcher.DisposeAsync();
        await _writer.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_node_that_catches_up_sees_the_other_nodes_ballots_and_can_append_after_them()
    {
        Assert.Equal(0, (await _watcher.Neighbourhood("oost").GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
        await _writer.Neighbourhood("oost").CastBallotAsync(Votes.Ballot("anna", "a1", "bomen"));

        int applied = await _watcher.Neighbourhood("oost").CatchUpAsync();

        Assert.Equal(1, applied);
        Assert.Equal(1, (await _watcher.Neighbourhood("oost").GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
        await _watcher.Neighbourhood("oost").CastBallotAsync(Votes.Ballot("bram", "b1", "bankjes"));
        Assert.Equal(0, await _watcher.Neighbourhood("oost").CatchUpAsync());
        Assert.Equal(1, await _writer.Neighbourhood("oost").CatchUpAsync());
        Assert.Equal(2, (await _writer.Neighbourhood("oost").GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
    }
}
