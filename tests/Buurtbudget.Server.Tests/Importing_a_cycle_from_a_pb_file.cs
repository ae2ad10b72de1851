using System.Net;
using System.Text;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;
using Microsoft.Extensions.DependencyInjection;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>An administrator creates a draft cycle from a Pabulib file; a broken file creates nothing.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Importing_a_cycle_from_a_pb_file(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Cycles = "/api/neighbourhoods/oost/cycles";

    /// <summary>Line 5 states the number of votes, line 13 is the second project, line 18 the second vote.</summary>
    private const string File = """
        META
        key;value
        description;Buurtbudget Oost 2026 <b>herhaald</b>
        num_projects;3
        num_votes;4
        budget;1000
        vote_type;approval
        max_length;2
        rule;greedy
        PROJECTS
        project_id;cost;name
        1;400;Speelplein
        2;250.50;<script>alert(1)</script> Bankjes
        3;300;Bomen in de straat
        VOTES
        voter_id;vote
        a;1,2
        b;3
        c;1
        d;2,3
        """;

    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("import")), _data.Path);
        await _app.RegisterYmereAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private static HttpRequestMessage Import(string cycleId, string text, string query = "") =>
        Write(HttpMethod.Post, $"{Cycles}/{cycleId}/import{query}", content: new StringContent(text, Encoding.UTF8, "text/plain"));

    [Fact]
    public async Task A_pb_file_becomes_a_draft_cycle_with_its_projects_as_proposals_and_its_votes_only_for_simulation()
    {
        var admin = await _app.Staff(Issuer, "anna");

        var imported = await Expect(await admin.SendAsync(Import("2027", File, "?votes=true")), HttpStatusCode.Created);

        var cycle = imported.GetProperty("cycle").GetProperty("cycle");
        Assert.Equal(("Draft", 100_000L, "Buurtbudget Oost 2026 <b>herhaald</b>"),
            (cycle.GetProperty("phase").GetString(), cycle.GetProperty("budgetCents").GetInt64(), cycle.GetProperty("title").GetString()));
        Assert.Equal(4, imported.GetProperty("votesKept").GetInt32());
        var proposals = await Expect(await _app.Browser().GetAsync($"{Cycles}/2027/proposals"), HttpStatusCode.OK);
        Assert.Equal([("Speelplein", 40_000L), ("<script>alert(1)</script> Bankjes", 25_050L), ("Bomen in de straat", 30_000L)],
            proposals.EnumerateArray().Select(p => (p.GetProperty("title").GetString(), p.GetProperty("costCents").GetInt64())));
        Assert.DoesNotContain("<", await _app.Browser().GetStringAsync($"{Cycles}/2027/proposals"), StringComparison.Ordinal);
        var rules = imported.GetProperty("votingRules");
        Assert.Equal(("Approval", 2, "Greedy"), (rules.GetProperty("ballot").GetProperty("kind").GetString(),
            rules.GetProperty("ballot").GetProperty("maxProjects").GetInt32(), rules.GetProperty("rule").GetProperty("kind").GetString()));

        var simulated = await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Cycles}/2027/simulation", new { ballots = "Imported" })), HttpStatusCode.OK);
        Assert.Equal((4, 0, 0), (simulated.GetProperty("real").GetProperty("ballotsUsed").GetInt32(),
            simulated.GetProperty("real").GetProperty("projectsNotCarriedOver").GetArrayLength(), simulated.GetProperty("real").GetProperty("projectsWithoutBallots").GetArrayLength()));

        var opened = await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Cycles}/2027/open-voting", rules)), HttpStatusCode.OK);
        Assert.Equal(3, opened.GetProperty("cycle").GetProperty("projects").GetArrayLength());
        Assert.Equal(0, opened.GetProperty("cycle").GetProperty("turnout").GetInt32());
        await foreach (var entry in _app.Services.GetRequiredService<IEventLedger>().ReadAsync("neighbourhood/oost"))
        {
            Assert.NotEqual("BallotCast", entry.Kind);
        }
    }

    [Theory]
    [InlineData("2;250.50;Bankjes", "2;duur;Bankjes", 13, "line 13")]
    [InlineData("num_votes;4", "num_votes;5", 5, "line 5")]
    [InlineData("b;3", "b;9", 18, "line 18")]
    public async Task A_malformed_file_is_refused_whole_with_its_line_and_creates_nothing(string line, string broken, int lineNumber, string detail)
    {
        var admin = await _app.Staff(Issuer, "anna");
        string file = File.Replace("2;250.50;<script>alert(1)</script> Bankjes", "2;250.50;Bankjes", StringComparison.Ordinal).Replace(line, broken, StringComparison.Ordinal);

        var problem = await Expect(await admin.SendAsync(Import("2028", file, "?votes=true")), HttpStatusCode.BadRequest);

        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(lineNumber, problem.GetProperty("line").GetInt32());
        await Expect(await _app.Browser().GetAsync($"{Cycles}/2028"), HttpStatusCode.NotFound);
        var ledger = _app.Services.GetRequiredService<IEventLedger>();
        Assert.Equal(StreamHead.Empty, await ledger.ReadHeadAsync("proposals/oost.2028"));
        Assert.Equal(StreamHead.Empty, await ledger.ReadHeadAsync("imported-ballots/oost.2028"));
    }

    [Fact]
    public async Task Only_the_corporations_administrators_import_and_an_existing_cycle_is_not_imported_into()
    {
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Bestaand", 500_000));
        var code = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2026", ["Kade 1"]))).Codes[0].Code;
        var resident = _app.Browser("10.0.6.1");
        await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code })), HttpStatusCode.OK);

        await Expect(await resident.SendAsync(Import("2029", File)), HttpStatusCode.Forbidden);
        await Expect(await (await _app.Staff(Issuer, "anna")).SendAsync(Import("2026", File)), HttpStatusCode.Conflict);

        Assert.Equal(0, (await Expect(await _app.Browser().GetAsync($"{Cycles}/2026/proposals"), HttpStatusCode.OK)).GetArrayLength());
        await Expect(await _app.Browser().GetAsync($"{Cycles}/2029"), HttpStatusCode.NotFound);
    }
}
