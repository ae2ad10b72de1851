using System.Collections.Immutable;
using System.Net;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;
using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>Under Equal Shares a signed-in voter sees, after the close, their equal share and what it paid for.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Where_your_share_went(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("share")), _data.Path);
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        // Budget €30,000 for three households: a share of €10,000 each.
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Leefbaarheidsbudget 2026", 3_000_000));
        await oost.OpenVotingAsync(new OpenVoting("2026",
            [new("bankjes", "Benches", 1_200_000), new("bomen", "Trees", 600_000), new("feest", "Party", 2_900_000)],
            new BallotDescription(BallotKind.Approval, 1, 3), new RuleChoice(RuleKind.EqualShares), RevotePolicy.LastBallotCounts, Eligibility.Census));
        _codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2026", ["Kade 1", "Kade 2", "Kade 3", "Kade 4"]))).Codes;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private async Task<HttpClient> VoteAsync(int household, params string[] projects)
    {
        var browser = _app.Browser($"10.0.0.{household + 1}");
        await Expect(await browser.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = _codes[household].Code })), HttpStatusCode.OK);
        var ballot = Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/ballots", new { entries = projects.Select(p => new { projectId = p, value = 1 }) });
        ballot.Headers.Add("Idempotency-Key", $"ballot-{household}");
        await Expect(await browser.SendAsync(ballot), HttpStatusCode.Created);
        return browser;
    }

    [Fact]
    public async Task Each_voter_sees_their_own_share_split_over_the_projects_they_helped_pay_for()
    {
        var benchesAndTrees = await VoteAsync(0, "bankjes", "bomen");
        var benches = await VoteAsync(1, "bankjes");
        var party = await VoteAsync(2, "feest");
        await Expect(await benches.GetAsync("/api/neighbourhoods/oost/cycles/2026/results/mine"), HttpStatusCode.Conflict);
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").CloseVotingAsync("2026");

        // Benches (€12,000) is bought first by its two supporters at €6,000 each; trees (€6,000) has one supporter
        // with €4,000 left; the party (€29,000) is far beyond its one supporter's €10,000.
        var first = await Expect(await benchesAndTrees.GetAsync("/api/neighbourhoods/oost/cycles/2026/results/mine"), HttpStatusCode.OK);
        Assert.Equal(1_000_000m, first.GetProperty("endowmentCents").GetDecimal());
        var payments = first.GetProperty("payments").EnumerateArray().ToDictionary(p => p.GetProperty("projectId").GetString()!, p => p.GetProperty("amountCents").GetDecimal());
        Assert.Equal(600_000m, payments["bankjes"]);
        Assert.DoesNotContain("feest", payments.Keys);
        Assert.Equal(1_000_000m - payments.Values.Sum(), first.GetProperty("leftCents").GetDecimal());

        var second = await Expect(await benches.GetAsync("/api/neighbourhoods/oost/cycles/2026/results/mine"), HttpStatusCode.OK);
        Assert.Equal(["bankjes"], second.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("projectId").GetString()));
        var third = await Expect(await party.GetAsync("/api/neighbourhoods/oost/cycles/2026/results/mine"), HttpStatusCode.OK);
        Assert.Empty(third.GetProperty("payments").EnumerateArray());
        Assert.Equal(1_000_000m, third.GetProperty("leftCents").GetDecimal());
    }

    [Fact]
    public async Task A_household_that_did_not_vote_has_no_share_to_show_and_nobody_else_can_ask_for_it()
    {
        await VoteAsync(0, "bankjes");
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").CloseVotingAsync("2026");
        var abstainer = _app.Browser("10.0.0.9");
        await Expect(await abstainer.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = _codes[3].Code })), HttpStatusCode.OK);
        await Expect(await abstainer.GetAsync("/api/neighbourhoods/oost/cycles/2026/results/mine"), HttpStatusCode.NotFound);
        await Expect(await _app.Browser("10.0.0.10").GetAsync("/api/neighbourhoods/oost/cycles/2026/results/mine"), HttpStatusCode.Unauthorized);
    }
}
