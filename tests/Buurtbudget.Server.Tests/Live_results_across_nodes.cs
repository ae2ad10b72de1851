using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtbudget.Server.Tests;

/// <summary>Two server nodes on one PostgreSQL ledger: a ballot cast on one reaches the watchers of the other.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Live_results_across_nodes(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _dataA = new();
    private readonly TempDirectory _dataB = new();
    private BuurtbudgetApp _nodeA = null!;
    private BuurtbudgetApp _nodeB = null!;
    private string _nodeBUrl = "";

    public async Task InitializeAsync()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("nodes"));
        // Both nodes derive ballot slots from the same secret, as every node of one installation must.
        string secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        void SameSecret(IWebHostBuilder builder) => builder.UseSetting("Buurtbudget:Secret", secret);
        _nodeA = new BuurtbudgetApp(database, _dataA.Path, configure: SameSecret);
        _nodeB = new BuurtbudgetApp(database, _dataB.Path, configure: SameSecret);
        _nodeB.UseKestrel(0);
        _nodeB.StartServer();
        _nodeBUrl = _nodeB.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        var oost = _nodeA.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Leefbaarheidsbudget 2026", 2_000_000));
        await oost.OpenVotingAsync(new OpenVoting("2026", [new("bankjes", "Benches", 400_000), new("bomen", "Trees", 500_000)],
            new BallotDescription(BallotKind.Approval, 1, 2), new RuleChoice(RuleKind.Greedy), RevotePolicy.LastBallotCounts, Eligibility.Census));
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        _dataA.Dispose();
        _dataB.Dispose();
    }

    private static bool Update(JsonElement message, Func<JsonElement, bool> where) =>
        message.GetProperty("type").GetString() == "update" && where(message.GetProperty("update"));

    [Fact]
    public async Task A_watcher_on_one_node_sees_turnout_change_after_a_cast_on_the_other()
    {
        await _nodeB.Services.GetRequiredService<Live.PostgresOtherNodes>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        await using var watcher = NodeLiveClient.Start(_nodeBUrl, "oost", "2026");
        await watcher.NextAsync(m => Update(m, u => u.GetProperty("turnout").GetInt32() == 0));
        var codes = await _nodeA.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2026", ["Dorpsstraat 1"]));
        var voter = _nodeA.Browser();
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in") { Content = JsonContent.Create(new { code = codes.Codes[0].Code }) };
        signIn.Headers.Add("X-Buurtbudget-Request", "1");
        (await voter.SendAsync(signIn)).EnsureSuccessStatusCode();
        var cast = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/ballots")
        {
            Content = JsonContent.Create(new { entries = new[] { new { projectId = "bomen", value = 1 } } }),
        };
        cast.Headers.Add("X-Buurtbudget-Request", "1");
        cast.Headers.Add("Idempotency-Key", "across-1");

        Assert.Equal(HttpStatusCode.Created, (await voter.SendAsync(cast)).StatusCode);

        var seen = await watcher.NextAsync(m => Update(m, u => u.GetProperty("turnout").GetInt32() == 1));
        Assert.Equal("Voting", seen.GetProperty("update").GetProperty("phase").GetString());
        using var http = new HttpClient { BaseAddress = new Uri(_nodeBUrl) };
        var onB = await http.GetFromJsonAsync<JsonElement>("/api/neighbourhoods/oost/cycles/2026");
        Assert.Equal(1, onB.GetProperty("turnout").GetInt32());
    }

    [Fact]
    public async Task A_watcher_on_one_node_sees_proposals_submitted_and_supported_on_the_other()
    {
        var oost = _nodeA.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2027", "Leefbaarheidsbudget 2027", 2_000_000));
        await oost.ChangePhaseAsync("2027", Domain.Cycles.CyclePhase.Ideas);
        var codes = await _nodeA.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2027", ["Kade 1", "Kade 2"]));
        await _nodeB.Services.GetRequiredService<Live.PostgresOtherNodes>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        await using var watcher = NodeLiveClient.Start(_nodeBUrl, "oost", "2027");
        await watcher.NextAsync(m => Update(m, u => u.GetProperty("phase").GetString() == "Ideas"));
        var anna = _nodeA.Browser("10.0.7.1");
        var bram = _nodeA.Browser("10.0.7.2");
        await Api.Expect(await anna.SendAsync(Api.Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = codes.Codes[0].Code })), HttpStatusCode.OK);
        await Api.Expect(await bram.SendAsync(Api.Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = codes.Codes[1].Code })), HttpStatusCode.OK);

        string id = (await Api.Expect(await anna.SendAsync(Api.Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2027/proposals",
            new { title = "Moestuin", description = "Samen", costCents = 90_000 })), HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        var listed = await watcher.NextAsync(m => m.GetProperty("type").GetString() == "proposals");
        await Api.Expect(await bram.SendAsync(Api.Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/2027/proposals/{id}/support")), HttpStatusCode.OK);
        var supported = await watcher.NextAsync(m => m.GetProperty("type").GetString() == "proposals"
            && m.GetProperty("update").GetProperty("proposals")[0].GetProperty("supporters").GetInt32() == 1);

        Assert.Equal((id, "Moestuin"), (listed.GetProperty("update").GetProperty("proposals")[0].GetProperty("proposalId").GetString(),
            listed.GetProperty("update").GetProperty("proposals")[0].GetProperty("title").GetString()));
        Assert.Equal(id, supported.GetProperty("update").GetProperty("proposals")[0].GetProperty("proposalId").GetString());
        using var http = new HttpClient { BaseAddress = new Uri(_nodeBUrl) };
        var onB = await http.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/2027/proposals/{id}");
        Assert.Equal(1, onB.GetProperty("supporters").GetInt32());
    }
}
