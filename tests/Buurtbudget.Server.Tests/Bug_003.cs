using System.Net;
using Buurtbudget.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// Bug 003: when the session cache of 64 voters ran out at once under load, each check opened a connection of its
/// own. The server's pool allowed Npgsql's default of 100, PostgreSQL refused the connections past its own limit
/// (53300), and voters got 500 "Something went wrong on our side" (seen in the HTTP load benchmark, session 8).
/// The pool now has a limit that waits instead, and a database that cannot take a request is 503 with Retry-After.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Bug_003(PostgresCluster cluster)
{
    [Fact]
    public async Task The_pool_stays_at_twenty_connections_unless_the_connection_string_sets_a_limit()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("bug003"));
        using var data = new TempDirectory();
        await using (var app = new BuurtbudgetApp(database, data.Path))
        {
            Assert.Equal(20, PoolLimitOf(app));
        }
        await using (var app = new BuurtbudgetApp(database, data.Path,
            configure: web => web.UseSetting("Buurtbudget:Postgres:ConnectionString", database.AppConnectionString + ";Maximum Pool Size=7")))
        {
            Assert.Equal(7, PoolLimitOf(app));
        }
    }

    [Fact]
    public async Task A_database_with_no_free_connection_answers_503_with_Retry_After_and_signing_in_works_once_one_is_free()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("bug003"));
        using var data = new TempDirectory();
        await using var app = new BuurtbudgetApp(database, data.Path,
            configure: web => web.UseSetting("Buurtbudget:Postgres:ConnectionString", database.AppConnectionString + ";Maximum Pool Size=3;Timeout=1"));
        await app.RegisterYmereAsync();
        var codes = await app.CycleOfOostAsync("Dorpsstraat 1");
        var pool = app.Services.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        try
        {
            // Take every connection the pool will give; the next one waits its Timeout (1 s) and is refused.
            while (held.Count <= 3)
            {
                try
                {
                    held.Add(await pool.OpenConnectionAsync());
                }
                catch (NpgsqlException)
                {
                    break;
                }
            }
            Assert.InRange(held.Count, 1, 3);

            // Signing in writes the new session down, so it needs a connection.
            var refused = await app.Browser().SendAsync(Api.Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = codes[0].Code }));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
            Assert.Contains("try again", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        var resident = await app.ResidentOfOostAsync(codes[0].Code, "10.0.0.9");
        await Api.Expect(await resident.GetAsync("/api/me"), HttpStatusCode.OK);
    }

    private static int PoolLimitOf(BuurtbudgetApp app) =>
        new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxPoolSize;
}
