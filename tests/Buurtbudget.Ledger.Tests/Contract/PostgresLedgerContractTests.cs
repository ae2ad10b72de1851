using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Contract;

/// <summary>The ledger contract on the shared PostgreSQL cluster, each test in its own migrated database.</summary>
[Collection(SharedPostgres.Name)]
public class PostgresLedgerContractTests(PostgresCluster cluster) : LedgerContract
{
    /// <summary>Writer lanes of the ledger under test.</summary>
    protected virtual int Lanes => PostgresEventLedger.DefaultLanes;

    private PostgresDatabase? _database;

    public override async Task InitializeAsync()
    {
        _database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("contract"));
        await PostgresLedgerSchema.MigrateAsync(_database.OwnerConnectionString, _database.AppRoleName);
    }

    protected override Task<OpenLedger> OpenStoreAsync()
    {
        var dataSource = NpgsqlDataSource.Create(_database!.AppConnectionString);
        var ledger = new PostgresEventLedger(dataSource, lanes: Lanes);
        return Task.FromResult(new OpenLedger(ledger, () => ledger.Counters, async () =>
        {
            await ledger.DisposeAsync();
            await dataSource.DisposeAsync();
        }));
    }
}

/// <summary>The same contract with several writer lanes: a stream's appends must keep their order within its lane.</summary>
[Collection(SharedPostgres.Name)]
public sealed class PostgresLedgerWithLanesContractTests(PostgresCluster cluster) : PostgresLedgerContractTests(cluster)
{
    protected override int Lanes => 3;
}
