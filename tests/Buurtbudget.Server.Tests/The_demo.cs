using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Buurtbudget.Server.Tests;

/// <summary>What `dotnet run` shows on a fresh clone: a demo corporation and neighbourhood with a cycle open for voting.</summary>
[Collection(SharedPostgres.Name)]
public sealed class The_demo(PostgresCluster cluster)
{
    [Fact]
    public async Task A_fresh_server_seeds_a_demo_neighbourhood_open_for_voting_and_a_restart_seeds_nothing_twice()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("demo"));
        using var data = new TempDirectory();
        string secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        void Demo(IWebHostBuilder web)
        {
            web.UseSetting("Buurtbudget:Demo", "true");
            web.UseSetting("Buurtbudget:Secret", secret);
        }

        for (int start = 1; start <= 2; start++)
        {
            await using var app = new BuurtbudgetApp(database, data.Path, configure: Demo);
            var page = await app.Browser().GetFromJsonAsync<JsonElement>("/api/neighbourhoods/demo");
            var cycle = await app.Browser().GetFromJsonAsync<JsonElement>("/api/neighbourhoods/demo/cycles/2026");

            Assert.Equal("demo-corporatie", page.GetProperty("corporationId").GetString());
            Assert.Single(page.GetProperty("cycles").EnumerateArray());
            Assert.Equal("Voting", cycle.GetProperty("phase").GetString());
            Assert.True(cycle.GetProperty("projects").GetArrayLength() > 0);
        }
    }
}
