using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Live;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtbudget.Server.Tests;

/// <summary>A real SignalR client (the official JavaScript one, under Node) watching a cycle on a real Kestrel.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Live_results(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Cycle = "2026";
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("live"));
        _app = new BuurtbudgetApp(database, _data.Path);
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        await oost.OpenVotingAsync(new OpenVoting(Cycle,
            [new("bankjes", "Benches", 400_000), new("bomen", "Trees", 500_000)],
            new BallotDescription(BallotKind.Approval, 1, 2), new RuleChoice(RuleKind.Greedy), RevotePolicy.LastBallotCounts, Eligibility.Census));
        _codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes(Cycle, ["Dorpsstraat 1"]))).Codes;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private static bool Update(JsonElement message, Func<JsonElement, bool> where) =>
        message.GetProperty("type").GetString() == "update" && where(message.GetProperty("update"));

    /// <summary>Over plain HTTP on loopback the Secure session cookie is carried by hand, as a browser on localhost would.</summary>
    private async Task CastOverHttp()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_baseUrl) };
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in") { Content = JsonContent.Create(new { code = _codes[0].Code }) };
        signIn.Headers.Add("X-Buurtbudget-Request", "1");
        using var signedIn = await http.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var cast = new HttpRequestMessage(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{Cycle}/ballots")
        {
            Content = JsonContent.Create(new { entries = new[] { new { projectId = "bomen", value = 1 } } }),
        };
        cast.Headers.Add("X-Buurtbudget-Request", "1");
        cast.Headers.Add("Idempotency-Key", "live-1");
        cast.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(cast)).StatusCode);
    }

    [Fact]
    public async Task A_watcher_sees_turnout_change_after_a_cast_but_no_per_project_numbers_until_the_close()
    {
        await using var watcher = NodeLiveClient.Start(_baseUrl, "oost", Cycle);
        // The hub sends the current state while the client is still finishing its handshake, so this first update
        // may come before or after the client's "connected" line: wait for the update itself.
        var first = await watcher.NextAsync(m => Update(m, u => true));
        Assert.Equal(0, first.GetProperty("update").GetProperty("turnout").GetInt32());

        await CastOverHttp();

        var afterCast = await watcher.NextAsync(m => Update(m, u => u.GetProperty("turnout").GetInt32() == 1));
        Assert.Equal(JsonValueKind.Null, afterCast.GetProperty("update").GetProperty("counts").ValueKind);
        Assert.Equal("Voting", afterCast.GetProperty("update").GetProperty("phase").GetString());

        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").CloseVotingAsync(Cycle);
        _app.Services.GetRequiredService<LiveResultsPublisher>().Changed("oost", Cycle);
        var closed = await watcher.NextAsync(m => Update(m, u => u.GetProperty("phase").GetString() == "Results"));
        var counts = closed.GetProperty("update").GetProperty("counts").EnumerateArray().ToList();
        Assert.Equal(1, counts.Single(c => c.GetProperty("projectId").GetString() == "bomen").GetProperty("ballots").GetInt32());
        Assert.Contains("bomen", closed.GetProperty("update").GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, afterCast.GetProperty("update").GetProperty("selected").ValueKind);
        var explained = closed.GetProperty("update").GetProperty("results").GetProperty("projects").EnumerateArray()
            .Single(p => p.GetProperty("projectId").GetString() == "bomen");
        Assert.Equal(("Funded", 1), (explained.GetProperty("verdict").GetString(), explained.GetProperty("supporters").GetInt32()));
        Assert.Equal(JsonValueKind.Null, afterCast.GetProperty("update").GetProperty("results").ValueKind);
    }

    [Fact]
    public async Task Watchers_get_the_proposal_list_again_when_a_resident_submits_or_supports_a_proposal()
    {
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2027", "Leefbaarheidsbudget 2027", 1_000_000));
        await oost.ChangePhaseAsync("2027", Domain.Cycles.CyclePhase.Ideas);
        var code = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2027", ["Kade 1"]))).Codes[0].Code;
        await using var watcher = NodeLiveClient.Start(_baseUrl, "oost", "2027");
        await watcher.NextAsync(m => Update(m, u => u.GetProperty("phase").GetString() == "Ideas"));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_baseUrl) };
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in") { Content = JsonContent.Create(new { code }) };
        signIn.Headers.Add("X-Buurtbudget-Request", "1");
        using var signedIn = await http.SendAsync(signIn);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        async Task<JsonElement> Send(HttpMethod method, string path, object? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add("X-Buurtbudget-Request", "1");
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var created = await Send(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2027/proposals", new { title = "Moestuin", description = "Samen", costCents = 90_000 });
        var listed = await watcher.NextAsync(m => m.GetProperty("type").GetString() == "proposals");
        string id = created.GetProperty("proposalId").GetString()!;
        await Send(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/2027/proposals/{id}/support", null);
        var supported = await watcher.NextAsync(m => m.GetProperty("type").GetString() == "proposals"
            && m.GetProperty("update").GetProperty("proposals")[0].GetProperty("supporters").GetInt32() == 1);

        Assert.Equal(("Moestuin", 0), (listed.GetProperty("update").GetProperty("proposals")[0].GetProperty("title").GetString(),
            listed.GetProperty("update").GetProperty("proposals")[0].GetProperty("supporters").GetInt32()));
        Assert.Equal(id, supported.GetProperty("update").GetProperty("proposals")[0].GetProperty("proposalId").GetString());
    }

    [Fact]
    public async Task A_handshake_from_another_sites_page_is_refused()
    {
        await using var foreign = NodeLiveClient.Start(_baseUrl, "oost", Cycle, origin: "https://evil.example");

        var answer = await foreign.NextAsync(m => m.GetProperty("type").GetString() is "refused" or "connected");

        Assert.Equal("refused", answer.GetProperty("type").GetString());
    }
}
