using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Cli.Tests;

/// <summary><c>buurtbudget migrate</c>, the deployment step that runs the schema migrations as the owner.</summary>
public sealed class MigrateTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task Migrates_as_the_owner_so_the_app_role_may_append_but_never_change_an_entry_and_keep_sessions_and_a_second_run_changes_nothing()
    {
        var database = await cluster.CreateDatabaseAsync("migrate_cli");

        var first = CliRun.Of("migrate", "--postgres", database.OwnerConnectionString, "--app-role", database.AppRoleName);
        var again = CliRun.Of("migrate", "--postgres", database.OwnerConnectionString, "--app-role", database.AppRoleName);

        Assert.Equal((0, 0), (first.ExitCode, again.ExitCode));
        Assert.StartsWith("schema version ", first.Output, StringComparison.Ordinal);
        await using var app = new NpgsqlConnection(database.AppConnectionString);
        await app.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO ledger_entries (stream_id, version, kind, payload, prev_hash, entry_hash) VALUES ('s', 1, 'k', '\\x00', '\\x00', '\\x00')", app);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        await using var update = new NpgsqlCommand("UPDATE ledger_entries SET kind = 'other'", app);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        // The server's sessions table, which the nodes cannot create when only the Job holds the owner's password.
        await using var session = new NpgsqlCommand(
            "INSERT INTO sessions (id_digest, started_at, last_used_at) VALUES (decode(repeat('ab', 32), 'hex'), now(), now()); DELETE FROM sessions", app);
        Assert.Equal(2, await session.ExecuteNonQueryAsync());
    }

    [Fact]
    public void An_unreachable_database_exits_1_without_echoing_the_password()
    {
        var run = CliRun.Of("migrate", "--postgres", $"Host=127.0.0.1;Port={cluster.Port};Database=nope;Username=nobody;Password=s3cret-pw;Timeout=3", "--app-role", "app");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: the PostgreSQL ledger cannot be migrated", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", run.Error, StringComparison.Ordinal);
    }
}
