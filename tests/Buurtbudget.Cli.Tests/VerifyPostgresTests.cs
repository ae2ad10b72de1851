using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Cli.Tests;

/// <summary><c>buurtbudget verify --postgres</c> against a real throwaway cluster.</summary>
public sealed class VerifyPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task Verifies_a_postgres_ledger_and_reports_tampering_by_a_superuser()
    {
        var database = await cluster.CreateDatabaseAsync("verify_cli");
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        Dictionary<string, StreamHead> heads;
        await using (var dataSource = NpgsqlDataSource.Create(database.AppConnectionString))
        await using (var ledger = new PostgresEventLedger(dataSource))
        {
            heads = await VerifyLedgers.FillAsync(ledger);
        }

        var intact = CliRun.Of("verify", "--postgres", database.AppConnectionString, "--expect-head", $"ballots={heads["ballots"].Hash}");
        await using (var connection = new NpgsqlConnection(database.SuperuserConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SET session_replication_role = replica;" + VerifyLedgers.AlterSecondBallot, connection);
            await command.ExecuteNonQueryAsync();
        }

        var broken = CliRun.Of("verify", "--postgres", database.AppConnectionString);

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains($"ballots: intact, version 4, head {heads["ballots"].Hash} (matches the expected head)", intact.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.LedgerBroken, broken.ExitCode);
        Assert.Contains("ballots: BROKEN at version 2: altered entry", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_exits_1_without_echoing_the_password()
    {
        var run = CliRun.Of("verify", "--postgres", $"Host=127.0.0.1;Port={cluster.Port};Database=nope;Username=nobody;Password=s3cret-pw;Timeout=3");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: the PostgreSQL ledger cannot be read", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", run.Error, StringComparison.Ordinal);
    }
}
