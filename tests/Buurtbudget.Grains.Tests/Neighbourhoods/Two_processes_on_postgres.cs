using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Xunit.Abstractions;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// Two server processes on one PostgreSQL, both taking ballots for the same cycle: the ledger's expected-head
/// appends turn their collisions into errors the clients retry, so every ballot is recorded exactly once.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Two_processes_on_postgres(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Voters = 600;

    [Fact]
    public async Task Two_processes_casting_for_one_cycle_record_each_ballot_once_and_tallies_agree_after_reload()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("twoprocs"));
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        var secretBytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        string[] arguments = ["--postgres", database.AppConnectionString, "--secret", Convert.ToHexString(secretBytes)];
        await using var first = StormProcess.Start(arguments);
        await using var second = StormProcess.Start(arguments);
        await first.SetupAsync(Voters);
        await second.SetupAsync(Voters);

        // Each process gets every other voter; whatever fails (a collision with the other process) is sent
        // again, to the other process, with the same idempotency key, until everything is acknowledged.
        var hosts = new[] { first, second };
        var unanswered = Enumerable.Range(0, Voters).ToList();
        int rounds = 0, answersExpected0 = 0, answersExpected1 = 0;
        while (unanswered.Count > 0 && rounds < 30)
        {
            var forFirst = unanswered.Where(v => (v + rounds) % 2 == 0).ToList();
            var forSecond = unanswered.Where(v => (v + rounds) % 2 == 1).ToList();
            answersExpected0 += forFirst.Count;
            answersExpected1 += forSecond.Count;
            await Task.WhenAll(
                await first.CastAsync(forFirst.Select(v => (v, $"key-{v}", Choice(v))), answersExpected0, killThen: false),
                await second.CastAsync(forSecond.Select(v => (v, $"key-{v}", Choice(v))), answersExpected1, killThen: false))
                .WaitAsync(TimeSpan.FromSeconds(120));
            unanswered = [.. unanswered.Where(v => !first.Acknowledged.ContainsKey(v) && !second.Acknowledged.ContainsKey(v))];
            rounds++;
        }
        output.WriteLine($"{rounds} rounds; {first.Errors.Count + second.Errors.Count} collisions retried");
        Assert.Empty(unanswered);
        await first.StopAsync();
        await second.StopAsync();

        var receipts = first.Acknowledged.Concat(second.Acknowledged).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Select(a => a.Value).Distinct().Single());
        var rows = await PostgresLedgerRows.ReadAsync(database.SuperuserConnectionString);
        Assert.All(LedgerVerifier.Verify(rows).Streams, s => Assert.Null(s.Problem));
        Assert.Equal(Voters, rows.Entries.Count(e => e.Kind == "BallotCast"));
        Assert.Equal(Voters, receipts.Values.Select(r => r.Position).Distinct().Count());

        await using var reloaded = await ServerNode.OnPostgresAsync(database, new BallotSecrecy(secretBytes));
        var tally = (await reloaded.Neighbourhood("storm").GetCycleAsync("storm")).Tally!;
        Assert.Equal(Voters, tally.Turnout);
        foreach (var project in tally.Projects)
        {
            Assert.Equal(Enumerable.Range(0, Voters).Count(v => Choice(v).Split(',').Contains(project.ProjectId)), project.Ballots);
        }
        var mine = await reloaded.Neighbourhood("storm").GetMyBallotAsync("storm", "voter-17");
        Assert.Equal(receipts[17], (mine!.Receipt.Position, mine.Receipt.EntryHash));
    }

    private static string Choice(int voter) => (voter % 4) switch
    {
        0 => "a",
        1 => "b,c",
        2 => "a,d",
        _ => "c",
    };
}
