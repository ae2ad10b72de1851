using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Xunit.Abstractions;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// Nothing acknowledged is ever lost: a host taking a storm of ballots is killed with SIGKILL at random moments;
/// after every restart each receipt it gave is in the ledger and the ledger verifies. Unacknowledged ballots are
/// sent again with the same idempotency key, so in the end every voter has exactly one ballot.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Crash_recovery(PostgresCluster cluster, ITestOutputHelper output)
{
    // Each life of the host brings a new wave of voters (plus everyone not acknowledged yet), so every kill
    // lands in the middle of a storm.
    private const int VotersPerLife = 1000;

    private static readonly string[] ProjectChoices = ["a", "b", "c", "d", "a,b", "a,c", "b,d", "a,b,c"];

    private static int Kills =>
        int.TryParse(Environment.GetEnvironmentVariable("BUURTBUDGET_CRASH_KILLS"), out var kills) ? kills : 10;

    private static string Secret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Ballots_acknowledged_before_a_SIGKILL_survive_it_on_sqlite()
    {
        using var folder = new TempDirectory();
        var file = folder.File("ledger.db");
        await StormWithKills(["--sqlite", file, "--secret", Secret()], () => Task.FromResult(SqliteLedgerRows.Read(file)));
    }

    [Fact]
    public async Task Ballots_acknowledged_before_a_SIGKILL_survive_it_on_postgres()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("sigkill"));
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        await StormWithKills(["--postgres", database.AppConnectionString, "--secret", Secret()],
            () => PostgresLedgerRows.ReadAsync(database.SuperuserConnectionString));
    }

    private async Task StormWithKills(string[] hostArguments, Func<Task<LedgerRows>> readLedger)
    {
        int seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}, {Kills} kills");
        var random = new Random(seed);
        int voters = VotersPerLife * (Kills + 1);
        var acknowledged = new Dictionary<int, (long Position, string Hash)>();
        for (int life = 0; life <= Kills; life++)
        {
            bool kill = life < Kills;
            var pending = Enumerable.Range(0, VotersPerLife * (life + 1)).Where(v => !acknowledged.ContainsKey(v)).ToList();
            await using var host = StormProcess.Start(hostArguments);
            await host.SetupAsync(voters);
            int killAfter = kill ? random.Next(1, pending.Count / 2) : pending.Count;
            var answered = await host.CastAsync(pending.Select(v => (v, $"key-{v}", ProjectChoices[v % ProjectChoices.Length])), killAfter, killThen: kill);
            try
            {
                await answered.WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"life {life}: waited for {killAfter} of {pending.Count} answers; {host.Describe()}");
            }
            if (kill)
            {
                await host.KillAsync();
            }
            else
            {
                await host.StopAsync();
            }

            foreach (var (voter, receipt) in host.Acknowledged)
            {
                // A ballot acknowledged in an earlier life and re-sent must come back with the very same receipt.
                if (acknowledged.TryGetValue(voter, out var earlier))
                {
                    Assert.Equal(earlier, receipt);
                }
                acknowledged[voter] = receipt;
            }
            output.WriteLine($"life {life}: {host.Acknowledged.Count} acknowledged, {host.Errors.Count} errors, {(kill ? "killed" : "stopped")}");
            await AssertEveryReceiptIsInAnIntactLedger(await readLedger(), acknowledged);
        }

        Assert.Equal(voters, acknowledged.Count);
        var rows = await readLedger();
        Assert.Equal(voters, rows.Entries.Count(e => e.Kind == "BallotCast"));
    }

    private static Task AssertEveryReceiptIsInAnIntactLedger(LedgerRows rows, IReadOnlyDictionary<int, (long Position, string Hash)> acknowledged)
    {
        var report = LedgerVerifier.Verify(rows);
        Assert.True(report.Streams.All(s => s.Problem is null), string.Join("; ", report.Streams.Select(s => s.Problem?.Message)));
        var entries = rows.Entries.Where(e => e.StreamId == "neighbourhood/storm").ToDictionary(e => e.Version);
        foreach (var (voter, (position, hash)) in acknowledged)
        {
            Assert.True(entries.TryGetValue(position, out var entry), $"voter {voter}'s receipt #{position} is missing");
            Assert.Equal(hash, Convert.ToHexStringLower(entry.EntryHash));
            Assert.Equal("BallotCast", entry.Kind);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task When_postgres_stops_mid_storm_callers_get_errors_never_receipts_for_lost_ballots()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("pgstop"));
        var secrecy = BallotSecrecy.CreateRandom();
        var voters = Enumerable.Range(0, 800).Select(i => $"voter-{i}").ToArray();
        await using (var node = await ServerNode.OnPostgresAsync(database, secrecy))
        {
            var west = node.Neighbourhood("west");
            await Votes.OpenAsync(west, voters);
            int answered = 0;
            var someAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var casts = voters.Select((voter, i) => Task.Run(async () =>
            {
                try
                {
                    return (Receipt: (BallotReceipt?)(await west.CastBallotAsync(Votes.Ballot(voter, $"key-{i}", "bomen"))).Receipt, Error: (Exception?)null);
                }
                catch (Exception exception)
                {
                    return (Receipt: null, Error: exception);
                }
                finally
                {
                    if (Interlocked.Increment(ref answered) == 50)
                    {
                        someAnswered.SetResult();
                    }
                }
            })).ToArray();
            await someAnswered.Task;
            await cluster.StopImmediateAsync();
            var results = await Task.WhenAll(casts);
            await cluster.StartAgainAsync();

            var failures = results.Where(r => r.Error is not null).ToList();
            output.WriteLine($"{results.Length - failures.Count} receipts, {failures.Count} errors while PostgreSQL was down");
            Assert.All(failures, f => Assert.True(f.Error is LedgerUnavailableException or LedgerConflictException, f.Error!.ToString()));
            Assert.NotEmpty(failures);

            // Every receipt given is in the ledger; every failed request succeeds when sent again.
            var rows = await PostgresLedgerRows.ReadAsync(database.SuperuserConnectionString);
            Assert.All(LedgerVerifier.Verify(rows).Streams, s => Assert.Null(s.Problem));
            var stored = rows.Entries.ToDictionary(e => e.Version, e => Convert.ToHexStringLower(e.EntryHash));
            Assert.All(results.Where(r => r.Receipt is not null), r => Assert.Equal(r.Receipt!.EntryHash, stored[r.Receipt.Position]));
            var retried = await Task.WhenAll(voters.Select((voter, i) => results[i].Error is null
                ? Task.FromResult(results[i].Receipt!)
                : Retry.OnStorageFailureAsync(async () => (await west.CastBallotAsync(Votes.Ballot(voter, $"key-{i}", "bomen"))).Receipt)));
            Assert.Equal(voters.Length, retried.Select(r => r.Position).Distinct().Count());
            Assert.Equal(voters.Length, (await west.GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
        }
    }
}
