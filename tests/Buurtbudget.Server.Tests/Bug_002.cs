using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// Bug 002: the server created its PostgreSQL data source inside the ledger's factory and never disposed it, so
/// every stopped server left its pooled connections open until PostgreSQL's slots ran out (seen as 53300 in a
/// test run that started many servers), and the migration left the schema owner's connection in a global pool.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Bug_002(PostgresCluster cluster)
{
    [Fact]
    public async Task A_stopped_server_leaves_no_connection_open()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("bug002"));
        using var data = new TempDirectory();
        await using (var app = new BuurtbudgetApp(database, data.Path))
        {
            (await app.Browser().GetAsync("/health/ready")).EnsureSuccessStatusCode();
            Assert.True(await OpenConnectionsAsync(database.Name) > 0);
        }

        Assert.Equal("", await StillConnectedAsync(database.Name));
    }

    /// <summary>
    /// A PostgreSQL backend leaves pg_stat_activity a moment after its client closed the socket (the server process
    /// notices the close asynchronously), and there is nothing to wait on from here; so the test looks again for up
    /// to 10 s. A connection the server really left open is still listed then.
    /// </summary>
    private async Task<string> StillConnectedAsync(string databaseName)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string connected;
        while ((connected = await WhoIsConnectedAsync(databaseName)) != "" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return connected;
    }

    private async Task<string> WhoIsConnectedAsync(string databaseName)
    {
        await using var connection = new NpgsqlConnection(cluster.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(usename || ':' || state || ':' || left(query, 60), ' | '), '') FROM pg_stat_activity WHERE datname = $1 AND usename <> current_user", connection) { Parameters = { new() { Value = databaseName } } };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> OpenConnectionsAsync(string databaseName)
    {
        await using var connection = new NpgsqlConnection(cluster.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND usename <> current_user", connection) { Parameters = { new() { Value = databaseName } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
