using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Postgres;

/// <summary>Two server nodes (two data sources, two writers) on one database never fork a stream.</summary>
[Collection(SharedPostgres.Name)]
public sealed class PostgresTwoNodeTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_nodes_appending_to_one_stream_build_one_linear_chain()
    {
        const int PerNode = 25;
        var database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("two_nodes"));
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        await using var sourceA = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var nodeA = new PostgresEventLedger(sourceA);
        await using var nodeB = new PostgresEventLedger(sourceB);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var nodes = new[]
        {
            Task.Run(() => AppendUntilAsync(nodeA, 1000, PerNode, go.Task)),
            Task.Run(() => AppendUntilAsync(nodeB, 2000, PerNode, go.Task)),
        };
        go.SetResult();
        var results = await Task.WhenAll(nodes);

        var rows = await PostgresLedgerRows.ReadAsync(database.SuperuserConnectionString);
        Assert.Equal(Enumerable.Range(1, 2 * PerNode).Select(v => (long)v), rows.Entries.Select(e => e.Version));
        var verdict = LedgerVerifier.Verify(rows).Stream("ballots");
        Assert.True(verdict.IsIntact, verdict.Problem?.Message);
        Assert.Equal(2 * PerNode, verdict.Head!.Value.Version);
        // Every acknowledged append is in the chain exactly where its caller was told.
        var stored = rows.Entries.ToDictionary(e => e.Version, e => Convert.ToHexStringLower(e.EntryHash));
        Assert.All(results.SelectMany(r => r), e => Assert.Equal(e.Hash.ToString(), stored[e.Version]));
    }

    [Fact]
    public async Task Two_nodes_batching_appends_to_the_same_streams_never_deadlock_or_fork()
    {
        const int Streams = 8, PerStream = 6;
        var database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("two_nodes_many"));
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        await using var sourceA = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var nodeA = new PostgresEventLedger(sourceA);
        await using var nodeB = new PostgresEventLedger(sourceB);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Both nodes write every stream at once, so their batches hold the same head rows, queued in opposite
        // orders; a deadlock would surface as LedgerUnavailableException and fail the test.
        var writers = Enumerable.Range(0, Streams).SelectMany(s => new[]
        {
            Task.Run(() => AppendUntilAsync(nodeA, $"stream-{s}", 1000, PerStream, go.Task)),
            Task.Run(() => AppendUntilAsync(nodeB, $"stream-{Streams - 1 - s}", 2000, PerStream, go.Task)),
        }).ToArray();
        go.SetResult();
        await Task.WhenAll(writers);

        var report = LedgerVerifier.Verify(await PostgresLedgerRows.ReadAsync(database.SuperuserConnectionString));
        Assert.True(report.IsIntact);
        Assert.All(report.Streams, s => Assert.Equal(2 * PerStream, s.Head!.Value.Version));
    }

    /// <summary>A node's loop: read the head, append, and on a conflict (the other node won) read again.</summary>
    private static Task<List<LedgerEntry>> AppendUntilAsync(PostgresEventLedger node, int firstBallot, int count, Task go) =>
        AppendUntilAsync(node, "ballots", firstBallot, count, go);

    private static async Task<List<LedgerEntry>> AppendUntilAsync(PostgresEventLedger node, string stream, int firstBallot, int count, Task go)
    {
        await go;
        var acknowledged = new List<LedgerEntry>();
        while (acknowledged.Count < count)
        {
            var head = await node.ReadHeadAsync(stream);
            try
            {
                acknowledged.AddRange(await node.AppendAsync(stream, head, Events.Ballots(firstBallot + acknowledged.Count)));
            }
            catch (LedgerConflictException)
            {
                // The other node appended first; reload and decide again.
            }
        }

        return acknowledged;
    }
}
