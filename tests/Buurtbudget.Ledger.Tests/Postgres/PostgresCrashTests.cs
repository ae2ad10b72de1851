using System.Collections.Concurrent;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Postgres;

/// <summary>No lost votes after acknowledgement (G4): PostgreSQL crashing mid-burst loses nothing a caller was told is stored.</summary>
[Collection(SharedPostgres.Name)]
public sealed class PostgresCrashTests(PostgresCluster cluster)
{
    private const int Writers = 8;
    private const int CrashAfterAcknowledged = 40;

    [Fact]
    public async Task Crashing_the_database_mid_burst_keeps_every_acknowledged_append_and_recovers()
    {
        var database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("crash"));
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var ledger = new PostgresEventLedger(dataSource);
        var acknowledged = new ConcurrentBag<LedgerEntry>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new ConcurrentBag<Exception>();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var head = StreamHead.Empty;
            for (int i = 0; ; i++)
            {
                try
                {
                    var written = await ledger.AppendAsync($"stream-{w}", head, Events.Ballots(i));
                    foreach (var entry in written)
                    {
                        acknowledged.Add(entry);
                    }

                    head = written[^1].Head;
                    if (acknowledged.Count >= CrashAfterAcknowledged)
                    {
                        enough.TrySetResult();
                    }
                }
                catch (Exception e) when (e is LedgerUnavailableException or LedgerConflictException)
                {
                    // Unavailable is the only acceptable failure; a conflict would mean a fork or a lost write.
                    failures.Add(e);
                    return;
                }
            }
        })).ToArray();

        await enough.Task;
        try
        {
            await cluster.StopImmediateAsync();
            await Task.WhenAll(writers);
        }
        finally
        {
            await cluster.StartAgainAsync();
        }

        Assert.Equal(Writers, failures.Count);
        Assert.All(failures, f => Assert.IsType<LedgerUnavailableException>(f));
        var rows = await PostgresLedgerRows.ReadAsync(database.SuperuserConnectionString);
        var report = LedgerVerifier.Verify(rows);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems.Select(p => p.Message)));
        var stored = rows.Entries.ToDictionary(e => (e.StreamId, e.Version), e => Convert.ToHexStringLower(e.EntryHash));
        Assert.All(acknowledged, e => Assert.Equal(e.Hash.ToString(), stored[(e.StreamId, e.Version)]));

        // The same ledger instance works again once the database is back: the next batch commits.
        var head = await ledger.ReadHeadAsync("stream-0");
        var after = await ledger.AppendAsync("stream-0", head, Events.Ballots(-1));
        Assert.Equal(head.Version + 1, after[^1].Version);
    }
}
