using System.Net;
using System.Net.Http.Json;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;

namespace Buurtbudget.Server.Tests;

/// <summary>Guessing spread over many addresses still meets the server-wide brake on voting-code attempts.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Guessing_from_many_addresses(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync() =>
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("brake")), _data.Path,
            codeAttemptsPerClientPerMinute: 100, codeAttemptsPerMinute: 5);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private async Task<HttpResponseMessage> Guess(string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in") { Content = JsonContent.Create(new { code = VotingCode.NewCode() }) };
        request.Headers.Add("X-Buurtbudget-Request", "1");
        return await _app.Browser(client).SendAsync(request);
    }

    [Fact]
    public async Task The_server_wide_limit_stops_code_guessing_spread_over_many_clients_but_not_other_requests()
    {
        for (int client = 1; client <= 5; client++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Guess($"10.1.0.{client}")).StatusCode);
        }

        var sixth = await Guess("10.1.0.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await _app.Browser("10.1.0.7").GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Identity_provider_sign_ins_are_limited_per_client_and_other_clients_are_unaffected()
    {
        var looping = _app.Browser("10.2.0.1");
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await looping.GetAsync("/api/sign-in/nowhere")).StatusCode);
        }

        var limited = await looping.GetAsync("/api/sign-in/nowhere/callback?code=x&state=y");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser("10.2.0.2").GetAsync("/api/sign-in/nowhere")).StatusCode);
    }
}
