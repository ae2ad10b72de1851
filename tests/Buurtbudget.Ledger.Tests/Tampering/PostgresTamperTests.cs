using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Tampering;

[Collection(SharedPostgres.Name)]
public sealed class PostgresTamperTests(PostgresCluster cluster) : TamperContract
{
    private PostgresDatabase _database = null!;

    protected override async Task<Dictionary<string, EntryHash>> BuildCleanLedgerAsync()
    {
        _database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("tamper"));
        await PostgresLedgerSchema.MigrateAsync(_database.OwnerConnectionString, _database.AppRoleName);
        await using var dataSource = NpgsqlDataSource.Create(_database.AppConnectionString);
        await using var ledger = new PostgresEventLedger(dataSource);
        return await CleanLedger.BuildAsync(ledger);
    }

    protected override async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.SuperuserConnectionString);
        await connection.OpenAsync();
        // A superuser can switch triggers off for the session. The fixtures use SQLite's unhex(); PostgreSQL never
        // looks up functions in pg_temp, so the attacker's helper goes into public.
        await using var command = new NpgsqlCommand(
            "SET session_replication_role = replica;\n"
            + "CREATE OR REPLACE FUNCTION public.unhex(text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT decode($1, 'hex') $$;\n"
            + sql,
            connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override Task<LedgerRows> ReadRowsAsync() => PostgresLedgerRows.ReadAsync(_database.SuperuserConnectionString);
}
