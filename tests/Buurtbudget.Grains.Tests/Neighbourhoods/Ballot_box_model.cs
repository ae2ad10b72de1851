using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Testing;
using Xunit.Abstractions;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// Model-based: random sequences of casts, retries, invalid ballots, reloads and a final close, checked after
/// every step against a plain model of "the last valid ballot of each voter counts".
/// </summary>
public sealed class Ballot_box_model(ITestOutputHelper output)
{
    [Fact]
    public async Task The_tally_is_always_a_fold_over_each_voters_last_valid_ballot()
    {
        int baseSeed = int.TryParse(Environment.GetEnvironmentVariable("BUURTBUDGET_GRAINS_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"seeds {baseSeed}..{baseSeed + 19} (set BUURTBUDGET_GRAINS_SEED to repeat)");
        for (int seed = baseSeed; seed < baseSeed + 20; seed++)
        {
            await RunOneSequence(seed);
        }
    }

    private static async Task RunOneSequence(int seed)
    {
        var random = new Random(seed);
        using var folder = new TempDirectory();
        var secrecy = BallotSecrecy.CreateRandom();
        var node = ServerNode.OnSqlite(folder.File("ledger.db"), secrecy, snapshotEvery: random.Next(3, 30));
        try
        {
            var voters = Enumerable.Range(0, 12).Select(i => $"voter-{i}").ToArray();
            await Votes.OpenAsync(node.Neighbourhood("model"), voters[..10]);
            var current = new Dictionary<string, CastBallot>();
            var sent = new List<(string Voter, string Key, CastBallot Ballot, BallotReceipt Receipt)>();
            for (int step = 0; step < 60; step++)
            {
                var grain = node.Neighbourhood("model");
                int action = random.Next(10);
                if (action == 0 && sent.Count > 0)
                {
                    var (voter, key, ballot, receipt) = sent[random.Next(sent.Count)];
                    var again = await grain.CastBallotAsync(new CastBallotRequest(Votes.Cycle, voter, key, ballot));
                    Assert.Equal(receipt, again.Receipt);
                }
                else if (action == 1)
                {
                    await node.DisposeAsync();
                    node = ServerNode.OnSqlite(folder.File("ledger.db"), secrecy, snapshotEvery: random.Next(3, 30));
                }
                else
                {
                    var voter = voters[random.Next(voters.Length)];
                    var ballot = random.Next(5) == 0 ? CastBallot.OfMarks("bankjes", "zwembad") : Votes.RandomBallot(random);
                    var key = $"k{step}";
                    bool eligible = Array.IndexOf(voters, voter) < 10;
                    bool valid = !ballot.Entries.Any(e => e.ProjectId == "zwembad");
                    try
                    {
                        var result = await grain.CastBallotAsync(new CastBallotRequest(Votes.Cycle, voter, key, ballot));
                        Assert.True(eligible && valid, $"seed {seed} step {step}: accepted a ballot it should refuse");
                        Assert.Equal(current.ContainsKey(voter), result.ReplacedEarlierBallot);
                        current[voter] = ballot;
                        sent.Add((voter, key, ballot, result.Receipt));
                    }
                    catch (BudgetCycleException refused)
                    {
                        Assert.False(eligible && valid, $"seed {seed} step {step}: refused a good ballot: {refused.Message}");
                        Assert.Equal(eligible ? CycleProblem.InvalidBallot : CycleProblem.NotEligible, refused.Problem);
                    }
                }
                await AssertTallyIsFold(node.Neighbourhood("model"), current, seed, step);
            }
            await node.Neighbourhood("model").CloseVotingAsync(Votes.Cycle);
            var published = await node.Neighbourhood("model").GetPublishedBallotsAsync(Votes.Cycle);
            Assert.Equal(current.Values.Select(Text).Order(StringComparer.Ordinal), published.Ballots.Select(Text));
            Assert.Equal(sent.Count, published.Receipts.Length);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    private static string Text(CastBallot ballot) => string.Join(",", ballot.Entries.Select(e => e.ProjectId));

    private static async Task AssertTallyIsFold(INeighbourhoodGrain grain, Dictionary<string, CastBallot> current, int seed, int step)
    {
        var tally = (await grain.GetCycleAsync(Votes.Cycle)).Tally!;
        Assert.True(current.Count == tally.Turnout, $"seed {seed} step {step}: turnout {tally.Turnout}, model {current.Count}");
        foreach (var project in tally.Projects)
        {
            int expected = current.Values.Count(b => b.Entries.Any(e => e.ProjectId == project.ProjectId));
            Assert.True(expected == project.Ballots, $"seed {seed} step {step}: {project.ProjectId} has {project.Ballots}, model {expected}");
        }
        foreach (var (voter, ballot) in current)
        {
            Assert.Equal(ballot, (await grain.GetMyBallotAsync(Votes.Cycle, voter))!.Ballot);
        }
    }
}
