using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// Under Equal Shares the results page shows a voter where their own share went. The grain finds the voter's number
/// in the outcome from their slot: a number off by one would show a neighbour's payments.
/// </summary>
public sealed class Where_each_share_went : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private readonly List<ServerNode> _nodes = [];

    // Distinct ballots, so a voter shown another voter's share sees payments for projects they did not approve.
    private static readonly (string Voter, string[] Projects)[] Ballots =
    [
        ("v0", ["bankjes"]),
        ("v1", ["moestuin", "bomen"]),
        ("v2", ["speeltuin"]),
        ("v3", ["bomen", "buurtfeest"]),
        ("v4", ["bankjes", "buurtfeest"]),
        ("v5", ["speeltuin", "moestuin"]),
        ("v2", ["bankjes", "buurtfeest"]), // v2 changes their mind; the last ballot counts
    ];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        _folder.Dispose();
    }

    private ServerNode NewNode()
    {
        var node = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy, snapshotEvery: 4);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Seven voters enrolled, <see cref="Ballots"/> cast in order (v6 does not vote), voting closed.</summary>
    private static async Task VoteAndCloseAsync(INeighbourhoodGrain grain)
    {
        await Votes.OpenAsync(grain, Enumerable.Range(0, 7).Select(i => $"v{i}"));
        int key = 0;
        foreach (var (voter, projects) in Ballots)
        {
            await grain.CastBallotAsync(Votes.Ballot(voter, $"k{key++}", projects));
        }
        await grain.CloseVotingAsync(Votes.Cycle);
    }

    private static async Task<Dictionary<string, VoterShare?>> SharesAsync(INeighbourhoodGrain grain) =>
        (await Task.WhenAll(Enumerable.Range(0, 7).Select(async i => ($"v{i}", await grain.GetShareOfAsync(Votes.Cycle, $"v{i}")))))
            .ToDictionary(s => s.Item1, s => s.Item2);

    [Fact]
    public async Task Each_voter_sees_payments_only_for_projects_on_their_own_last_ballot()
    {
        var grain = NewNode().Neighbourhood("west");
        await VoteAndCloseAsync(grain);

        var shares = await SharesAsync(grain);

        Assert.Null(shares["v6"]); // enrolled, did not vote
        var last = Ballots.GroupBy(b => b.Voter).ToDictionary(g => g.Key, g => g.Last().Projects);
        foreach (var (voter, projects) in last)
        {
            var share = shares[voter]!;
            Assert.All(share.Payments, p => Assert.Contains(p.ProjectId, projects));
            Assert.Equal(share.Endowment, share.Payments.Sum(p => p.Amount) + share.Left, 2);
        }
        // Every project bought with shares is paid in full, by its voters only.
        var paid = shares.Values.OfType<VoterShare>().SelectMany(s => s.Payments).GroupBy(p => p.ProjectId).ToList();
        Assert.NotEmpty(paid);
        foreach (var project in paid)
        {
            Assert.Equal(Votes.Projects.Single(p => p.Id == project.Key).CostCents, project.Sum(p => p.Amount), 2); // shares are decimals of a fraction
        }
        Assert.Empty(shares["v2"]!.Payments.Where(p => p.ProjectId == "speeltuin"));
    }

    [Fact]
    public async Task A_neighbourhood_reactivated_from_its_snapshot_shows_every_voter_the_same_share()
    {
        var first = NewNode();
        var grain = first.Neighbourhood("west");
        await VoteAndCloseAsync(grain);
        var before = await SharesAsync(grain);
        await first.Runtime.DisposeAsync();

        var after = await SharesAsync(NewNode().Neighbourhood("west"));

        Assert.NotNull(await first.Ledger.ReadSnapshotAsync("neighbourhood/west"));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var voter in before.Keys)
        {
            Assert.Equal(before[voter]?.Payments.AsEnumerable(), after[voter]?.Payments.AsEnumerable());
            Assert.Equal(before[voter]?.Left, after[voter]?.Left);
        }
    }
}
