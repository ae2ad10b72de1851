using System.Net;
using System.Net.Http.Json;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Buurtbudget.Server.Tests;

/// <summary>The load benchmarks' endpoints and plain hub exist only when Buurtbudget:Benchmark:Enabled is true.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Benchmark_endpoints(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync() =>
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("bench_off")), _data.Path);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Theory]
    [InlineData("GET", "/bench/hello")]
    [InlineData("GET", "/bench/sends")]
    [InlineData("POST", "/bench/setup")]
    [InlineData("POST", "/bench/plain-broadcast?neighbourhood=bench&cycle=2026")]
    [InlineData("POST", "/bench/memory")]
    [InlineData("POST", "/bench/ballot-times")]
    [InlineData("POST", "/bench/plain-hub/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/bench/plain-hub")]
    public async Task Are_not_found_when_benchmarking_is_off_which_is_the_default(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        // The CSRF header is sent so that a 404 cannot hide behind the 403 every header-less write gets.
        request.Headers.Add("X-Buurtbudget-Request", "1");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { neighbourhood = "bench", cycle = "2026", voters = 1 });
        }

        var response = await _app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Answer_only_loopback_callers_when_switched_on()
    {
        // Proves the paths above are the real ones: switched on, the same endpoint answers, but only from loopback.
        await using var on = _app.WithWebHostBuilder(builder => builder.UseSetting("Buurtbudget:Benchmark:Enabled", "true"));
        HttpClient Client(string address)
        {
            var http = on.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
            http.DefaultRequestHeaders.Add(BuurtbudgetApp.ClientHeader, address);
            return http;
        }

        var local = await Client("127.0.0.1").GetAsync(new Uri("/bench/hello", UriKind.Relative));
        var remote = await Client("10.0.0.1").GetAsync(new Uri("/bench/hello", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remote.StatusCode);
    }

    [Fact]
    public async Task Time_each_cast_ballot_in_the_server_split_where_the_endpoint_starts()
    {
        await using var on = _app.WithWebHostBuilder(builder => builder.UseSetting("Buurtbudget:Benchmark:Enabled", "true"));
        var voter = on.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        voter.DefaultRequestHeaders.Add(BuurtbudgetApp.ClientHeader, "127.0.0.1");
        var setup = await Api.Expect(await voter.SendAsync(Api.Write(HttpMethod.Post, "/bench/setup", new { neighbourhood = "bench", cycle = "2026", voters = 1 })), HttpStatusCode.OK);
        string code = setup.GetProperty("codes")[0].GetString()!;
        await Api.Expect(await voter.SendAsync(Api.Write(HttpMethod.Post, "/api/neighbourhoods/bench/sign-in", new { code })), HttpStatusCode.OK);
        await Api.Expect(await voter.SendAsync(Api.Write(HttpMethod.Post, "/bench/ballot-times")), HttpStatusCode.OK); // forget set-up and sign-in

        var cast = Api.Write(HttpMethod.Post, "/api/neighbourhoods/bench/cycles/2026/ballots", new { entries = new[] { new { projectId = "bomen", value = 1 } } });
        cast.Headers.Add("Idempotency-Key", "timed-1");
        await Api.Expect(await voter.SendAsync(cast), HttpStatusCode.Created);
        await Api.Expect(await voter.GetAsync(new Uri("/api/neighbourhoods/bench/cycles/2026/ballots/mine", UriKind.Relative)), HttpStatusCode.OK);
        var times = await Api.Expect(await voter.SendAsync(Api.Write(HttpMethod.Post, "/bench/ballot-times")), HttpStatusCode.OK);
        var again = await Api.Expect(await voter.SendAsync(Api.Write(HttpMethod.Post, "/bench/ballot-times")), HttpStatusCode.OK);

        // One cast, timed once at each point (reading "mine" is not a cast); reading empties the record.
        double[] Of(System.Text.Json.JsonElement body, string name) => [.. body.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];
        var (total, before, endpoint) = (Assert.Single(Of(times, "total")), Assert.Single(Of(times, "beforeEndpoint")), Assert.Single(Of(times, "endpoint")));
        Assert.True(before > 0 && endpoint > 0, $"before {before} ms, endpoint {endpoint} ms");
        // Within a microsecond: each figure is whole 100 ns ticks turned into milliseconds, which may round the sum up.
        Assert.True(total + 0.001 >= before + endpoint, $"total {total} ms < before {before} ms + endpoint {endpoint} ms");
        Assert.Empty(Of(again, "total"));
    }
}
