using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Postgres;

[Collection(SharedPostgres.Name)]
public sealed class PostgresMigrationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Migrations_run_once_when_nodes_start_together_and_again_later()
    {
        var database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("migrations"));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodes = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        })).ToArray();

        go.SetResult();
        var versions = await Task.WhenAll(nodes);
        var again = await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);

        Assert.All(versions, v => Assert.Equal(PostgresLedgerSchema.LatestVersion, v));
        Assert.Equal(PostgresLedgerSchema.LatestVersion, again);
        await using var connection = new NpgsqlConnection(database.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)PostgresLedgerSchema.LatestVersion, (long)(await command.ExecuteScalarAsync())!);

        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var ledger = new PostgresEventLedger(dataSource);
        Assert.Equal(1, (await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1)))[^1].Version);
    }
}
