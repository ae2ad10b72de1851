using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Postgres;

/// <summary>History is append-only in the database itself, not just in our code (G5).</summary>
[Collection(SharedPostgres.Name)]
public sealed class PostgresPrivilegeTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const string InsufficientPrivilege = "42501";
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("privileges"));
        await PostgresLedgerSchema.MigrateAsync(_database.OwnerConnectionString, _database.AppRoleName);
        await using var dataSource = NpgsqlDataSource.Create(_database.AppConnectionString);
        await using var ledger = new PostgresEventLedger(dataSource);
        await ledger.AppendAsync("s", StreamHead.Empty, Events.Ballots(1, 2));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("UPDATE ledger_entries SET payload = '\\x00'::bytea")]
    [InlineData("DELETE FROM ledger_entries")]
    [InlineData("TRUNCATE ledger_entries")]
    [InlineData("DROP TABLE ledger_entries")]
    [InlineData("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only")]
    [InlineData("DELETE FROM ledger_streams")]
    public async Task Refuses_the_app_role_any_change_to_history(string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_database.AppConnectionString, sql));

        Assert.Equal(InsufficientPrivilege, refused.SqlState);
        Assert.Equal(2, await CountEntriesAsync());
    }

    [Theory]
    [InlineData("UPDATE ledger_entries SET payload = '\\x00'::bytea")]
    [InlineData("DELETE FROM ledger_entries")]
    [InlineData("TRUNCATE ledger_entries")]
    public async Task Refuses_even_the_schema_owner_to_update_delete_or_truncate_entries(string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_database.OwnerConnectionString, sql));

        Assert.Equal(InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(2, await CountEntriesAsync());
    }

    private async Task<long> CountEntriesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ledger_entries", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
