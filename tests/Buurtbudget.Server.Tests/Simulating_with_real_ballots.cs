using System.Net;
using System.Text.Json;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>The rule simulation on last cycle's real ballots, on the projects that carry over.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Simulating_with_real_ballots(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Simulation = "/api/neighbourhoods/oost/cycles/2027/simulation";
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("simulation")), _data.Path);
        await _app.RegisterYmereAsync();
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Leefbaarheidsbudget 2026", 1_000_000));
        await oost.OpenVotingAsync(new OpenVoting("2026",
            [new("bomen", "Bomen in de straat", 300_000), new("bankjes", "Bankjes", 200_000), new("zwembad", "Zwembad", 900_000)],
            new BallotDescription(BallotKind.Approval, 1, 3), new RuleChoice(RuleKind.Greedy), RevotePolicy.LastBallotCounts, Eligibility.AnySignedInResident));
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2027", "Leefbaarheidsbudget 2027", 1_000_000));
        await oost.ChangePhaseAsync("2027", CyclePhase.Ideas);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Last_cycles_ballots_count_on_the_projects_that_carry_over_and_the_answer_says_what_could_not_be_used()
    {
        var admin = await _app.Staff(Issuer, "anna");
        var code = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2027", ["Kade 1"]))).Codes[0].Code;
        var resident = _app.Browser("10.0.5.1");
        await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code })), HttpStatusCode.OK);
        const string Proposals = "/api/neighbourhoods/oost/cycles/2027/proposals";
        string trees = (await Expect(await resident.SendAsync(Write(HttpMethod.Post, Proposals, new { title = "bomen in de  straat", description = "Weer", costCents = 350_000 })),
            HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        string playground = (await Expect(await resident.SendAsync(Write(HttpMethod.Post, Proposals, new { title = "Speeltuin", description = "Nieuw", costCents = 400_000 })),
            HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, Simulation, new { ballots = "PreviousCycle" })), HttpStatusCode.Conflict);

        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        string[][] ballots = [["bomen", "bankjes"], ["bomen"], ["zwembad"], ["bankjes", "zwembad"], ["bomen", "zwembad"]];
        for (int i = 0; i < ballots.Length; i++)
        {
            await oost.CastBallotAsync(new CastBallotRequest("2026", $"voter-{i}", $"ballot-{i}", CastBallot.OfMarks(ballots[i])));
        }
        await oost.CloseVotingAsync("2026");

        var simulated = await Expect(await admin.SendAsync(Write(HttpMethod.Post, Simulation, new { ballots = "PreviousCycle" })), HttpStatusCode.OK);

        var real = simulated.GetProperty("real");
        Assert.Equal("PreviousCycle", simulated.GetProperty("ballots").GetString());
        Assert.Contains("2026", real.GetProperty("from").GetString(), StringComparison.Ordinal);
        Assert.Equal((3, 2), (real.GetProperty("ballotsUsed").GetInt32(), real.GetProperty("ballotsUnusable").GetInt32()));
        Assert.Equal(3, simulated.GetProperty("voters").GetInt32());
        Assert.Equal(["bankjes", "zwembad"], real.GetProperty("projectsNotCarriedOver").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order());
        Assert.Equal([playground], real.GetProperty("projectsWithoutBallots").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        // Three approvals for the trees and none for the playground: every rule funds the trees, and only
        // the rules that spend what is left (greedy) add the playground.
        Assert.All(simulated.GetProperty("results").EnumerateArray(), r => Assert.Contains(trees, r.GetProperty("selected").EnumerateArray().Select(p => p.GetString())));
        var equalShares = simulated.GetProperty("results").EnumerateArray().First(r => r.GetProperty("rule").GetString() == "EqualShares" && r.GetProperty("completion").GetString() == "None");
        Assert.Equal([trees], equalShares.GetProperty("selected").EnumerateArray().Select(p => p.GetString()));
        var synthetic = await Expect(await admin.SendAsync(Write(HttpMethod.Post, Simulation, new { voters = 50 })), HttpStatusCode.OK);
        Assert.Equal(("Synthetic", JsonValueKind.Null), (synthetic.GetProperty("ballots").GetString(), synthetic.GetProperty("real").ValueKind));
    }
}
