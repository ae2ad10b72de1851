using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;
using Xunit.Abstractions;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

[Collection(SharedPostgres.Name)]
public sealed class Concurrent_casts_on_postgres(PostgresCluster cluster, ITestOutputHelper output)
{
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();

    private static int Seed()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BUURTBUDGET_GRAINS_SEED");
        return fromEnvironment is null ? Random.Shared.Next() : int.Parse(fromEnvironment, System.Globalization.CultureInfo.InvariantCulture);
    }

    // An asynchronous barrier: every call is parked on one gate before it is opened, without holding a thread
    // (a blocking barrier with 1,000 parties would starve the thread pool on two cores).
    private static async Task<T[]> ReleasedTogether<T>(int count, Func<int, Task<T>> call)
    {
        int arrived = 0;
        var everyoneArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref arrived) == count)
            {
                everyoneArrived.SetResult();
            }
            await gate.Task;
            try
            {
                return (Value: await call(i), Error: (Exception?)null);
            }
            catch (Exception exception)
            {
                return (Value: default(T)!, Error: exception);
            }
        })).ToArray();
        await everyoneArrived.Task;
        gate.SetResult();
        var results = await Task.WhenAll(calls);
        var unexpected = results.Select(r => r.Error).OfType<Exception>().Where(e => e is not BudgetCycleException).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        return [.. results.Where(r => r.Error is null).Select(r => r.Value)];
    }

    [Theory]
    [InlineData(RevotePolicy.LastBallotCounts)]
    [InlineData(RevotePolicy.FirstBallotIsFinal)]
    public async Task A_thousand_simultaneous_ballots_of_one_voter_leave_exactly_one_current_ballot(RevotePolicy revote)
    {
        int seed = Seed();
        output.WriteLine($"seed {seed} (set BUURTBUDGET_GRAINS_SEED to repeat)");
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("onevoter"));
        await using var node = await ServerNode.OnPostgresAsync(database, _secrecy);
        var west = node.Neighbourhood("west");
        await Votes.OpenAsync(west, ["anna"], Votes.Opening(revote: revote));
        var random = new Random(seed);
        var ballots = Enumerable.Range(0, 1000).Select(_ => Votes.RandomBallot(random)).ToArray();

        var accepted = await ReleasedTogether(1000, i => west.CastBallotAsync(new CastBallotRequest(Votes.Cycle, "anna", $"key-{i}", ballots[i])));

        var cycle = await west.GetCycleAsync(Votes.Cycle);
        Assert.Equal(1, cycle.Tally!.Turnout);
        Assert.Equal(revote == RevotePolicy.LastBallotCounts ? 1000 : 1, accepted.Length);
        var mine = await west.GetMyBallotAsync(Votes.Cycle, "anna");
        Assert.Equal(accepted.MaxBy(a => a.Receipt.Position)!.Receipt, mine!.Receipt);
        var entries = await node.Ledger.ReadAsync("neighbourhood/west").Where(e => e.Kind == "BallotCast").CountAsync();
        Assert.Equal(accepted.Length, entries);
        Assert.True(cycle.Tally.Projects.Sum(p => p.Ballots) == mine.Ballot.Entries.Length);
    }

    [Fact]
    public async Task A_thousand_simultaneous_retries_of_one_request_record_one_ballot_and_return_one_receipt()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("retries"));
        await using var node = await ServerNode.OnPostgresAsync(database, _secrecy);
        var west = node.Neighbourhood("west");
        await Votes.OpenAsync(west, ["anna"]);

        var results = await ReleasedTogether(1000, _ => west.CastBallotAsync(Votes.Ballot("anna", "the-only-key", "bomen")));

        Assert.Equal(1000, results.Length);
        Assert.Single(results.Select(r => r.Receipt).Distinct());
        Assert.Equal(1, await node.Ledger.ReadAsync("neighbourhood/west").CountAsync(e => e.Kind == "BallotCast"));
    }

    [Fact]
    public async Task Ballots_racing_the_close_are_either_recorded_before_it_or_refused()
    {
        int seed = Seed();
        output.WriteLine($"seed {seed}");
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("race"));
        await using var node = await ServerNode.OnPostgresAsync(database, _secrecy);
        var west = node.Neighbourhood("west");
        var voters = Enumerable.Range(0, 400).Select(i => $"voter-{i}").ToArray();
        await Votes.OpenAsync(west, voters);
        var random = new Random(seed);
        int closeAt = random.Next(0, voters.Length);

        var outcomes = await ReleasedTogether(voters.Length + 1, async i =>
        {
            if (i == voters.Length)
            {
                await west.CloseVotingAsync(Votes.Cycle);
                return (Receipt: (BallotReceipt?)null, Closed: true);
            }
            var result = await west.CastBallotAsync(new CastBallotRequest(Votes.Cycle, voters[i], "k", Votes.RandomBallot(new Random(seed + i))));
            return (Receipt: (BallotReceipt?)result.Receipt, Closed: false);
        });

        var closing = (await west.GetCycleAsync(Votes.Cycle)).Closing!;
        var accepted = outcomes.Where(o => !o.Closed).Select(o => o.Receipt!).ToList();
        Assert.All(accepted, receipt => Assert.True(receipt.Position < closing.Position));
        var ledger = await node.Ledger.ReadAsync("neighbourhood/west").ToListAsync();
        Assert.DoesNotContain(ledger, e => e.Kind == "BallotCast" && e.Version > closing.Position);
        Assert.Equal(accepted.Count, ledger.Count(e => e.Kind == "BallotCast"));
        Assert.Equal(accepted.Count, (await west.GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
        output.WriteLine($"{accepted.Count} of {voters.Length} ballots made it before the close (close released as call {closeAt}).");
    }

    [Fact]
    public async Task Two_nodes_casting_for_one_cycle_record_each_ballot_exactly_once_and_agree_after_reload()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("twonodes"));
        await using var first = await ServerNode.OnPostgresAsync(database, _secrecy);
        await using var second = await ServerNode.OnPostgresAsync(database, _secrecy);
        var voters = Enumerable.Range(0, 300).Select(i => $"voter-{i}").ToArray();
        await Votes.OpenAsync(first.Neighbourhood("west"), voters);

        // Both nodes hold an activation of the same neighbourhood (as after a failover or a routing mistake);
        // the ledger's expected-head appends make the loser reload and the client's retry finish the job.
        var receipts = await ReleasedTogether(voters.Length, i =>
        {
            var node = i % 2 == 0 ? first : second;
            var request = Votes.Ballot(voters[i], $"key-{i}", Votes.Projects[i % Votes.Projects.Length].Id);
            return Retry.OnStorageFailureAsync(() => node.Neighbourhood("west").CastBallotAsync(request));
        });

        Assert.Equal(voters.Length, receipts.Length);
        Assert.Equal(voters.Length, receipts.Select(r => r.Receipt.Position).Distinct().Count());
        var ledger = await first.Ledger.ReadAsync("neighbourhood/west").ToListAsync();
        Assert.Equal(voters.Length, ledger.Count(e => e.Kind == "BallotCast"));
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(v => (long)v), ledger.Select(e => e.Version));

        await first.Runtime.DisposeAsync();
        await second.Runtime.DisposeAsync();
        await using var reloaded = await ServerNode.OnPostgresAsync(database, _secrecy);
        var tally = (await reloaded.Neighbourhood("west").GetCycleAsync(Votes.Cycle)).Tally!;
        Assert.Equal(voters.Length, tally.Turnout);
        Assert.All(tally.Projects, p => Assert.Equal(voters.Length / Votes.Projects.Length, p.Ballots));
        foreach (var (voter, i) in voters.Select((v, i) => (v, i)))
        {
            Assert.Equal(receipts[i].Receipt, (await reloaded.Neighbourhood("west").GetMyBallotAsync(Votes.Cycle, voter))!.Receipt);
        }
    }
}
