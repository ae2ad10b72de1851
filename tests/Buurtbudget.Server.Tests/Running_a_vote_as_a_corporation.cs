using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Buurtbudget.Domain.Households;
using Buurtbudget.Testing;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>The whole vote through the API only, as a corporation runs it: register, set up, codes, vote, close, results.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Running_a_vote_as_a_corporation(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync() =>
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("corporation")), _data.Path);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }



    [Fact]
    public async Task From_registering_the_corporation_to_published_results_with_explanations()
    {
        var platform = await _app.Staff(BuurtbudgetApp.Operator.Issuer, BuurtbudgetApp.Operator.Subject);
        await Expect(await platform.SendAsync(Write(HttpMethod.Post, "/api/corporations",
            new { corporationId = "ymere", name = "Ymere", firstAdministrator = new { issuer = Issuer, subject = "anna" } })), HttpStatusCode.Created);

        var admin = await _app.Staff(Issuer, "anna");
        var me = await Expect(await admin.GetAsync("/api/me"), HttpStatusCode.OK);
        Assert.Equal("Administrator", me.GetProperty("staff").GetProperty("grants")[0].GetProperty("role").GetString());
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/corporations/ymere/neighbourhoods", new { neighbourhoodId = "oost", name = "Amsterdam-Oost" })), HttpStatusCode.Created);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, "/api/corporations/ymere/staff",
            new { issuer = Issuer, subject = "moritz", role = "Moderator", neighbourhoods = new[] { "oost" } })), HttpStatusCode.OK);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles",
            new { cycleId = "2026", title = "Leefbaarheidsbudget 2026", budgetCents = 1_000_000 })), HttpStatusCode.Created);
        var drafting = await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost"), HttpStatusCode.OK);
        Assert.Equal(("Amsterdam-Oost", "Ymere", 0), (drafting.GetProperty("name").GetString(), drafting.GetProperty("corporationName").GetString(), drafting.GetProperty("cycles").GetArrayLength()));
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/phase", new { phase = "Ideas" })), HttpStatusCode.OK);
        var page = await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost"), HttpStatusCode.OK);
        Assert.Equal(("2026", "Ideas"), (page.GetProperty("cycles")[0].GetProperty("cycleId").GetString(), page.GetProperty("cycles")[0].GetProperty("phase").GetString()));
        await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/west"), HttpStatusCode.NotFound);
        var backwards = await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/phase", new { phase = "Draft" })), HttpStatusCode.Conflict);
        Assert.Contains("only move forward", backwards.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/phase", new { phase = "Review" })), HttpStatusCode.OK);
        var opened = await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/open-voting", new
        {
            projects = new[] { new { id = "bomen", title = "Trees", costCents = 500_000 }, new { id = "bankjes", title = "Benches", costCents = 300_000 }, new { id = "speeltuin", title = "Playground", costCents = 900_000 } },
            ballot = new { kind = "Approval", minProjects = 1, maxProjects = 2 },
            rule = new { kind = "EqualShares", completion = "Add1" },
            live = new { disclosure = "CountsPerProject", minimumTurnout = 2 },
        })), HttpStatusCode.OK);
        Assert.Matches("^[0-9a-f]{64}$", opened.GetProperty("cycle").GetProperty("manifestHash").GetString());
        await Expect(await admin.GetAsync("/api/neighbourhoods/oost/cycles/2026/results"), HttpStatusCode.Conflict);

        var mailMerge = await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/voting-codes",
            content: new StringContent("straat;huisnummer\nDorpsstraat;1\nDorpsstraat;3\nKade;7\n", Encoding.UTF8, "text/csv")));
        Assert.Equal(HttpStatusCode.OK, mailMerge.StatusCode);
        Assert.Equal("no-store", mailMerge.Headers.CacheControl?.ToString());
        string file = await mailMerge.Content.ReadAsStringAsync();
        Assert.StartsWith("straat;huisnummer;voting_code\r\n", file, StringComparison.Ordinal);
        var letters = AddressList.Read(file.Replace("voting_code", "code", StringComparison.Ordinal));
        var codes = letters.Households.Select(h => h.Fields[2]).ToList();
        Assert.Equal(3, (await Expect(await admin.GetAsync("/api/neighbourhoods/oost/cycles/2026/administration"), HttpStatusCode.OK)).GetProperty("enrolled").GetInt32());

        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/voting-codes/revoke", new { code = codes[2] })), HttpStatusCode.NoContent);
        var replacement = await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/voting-codes",
            content: new StringContent("straat;huisnummer\nDorpsstraat;3\n", Encoding.UTF8, "text/csv")));
        codes[1] = AddressList.Read((await replacement.Content.ReadAsStringAsync()).Replace("voting_code", "code", StringComparison.Ordinal)).Households[0].Fields[2];
        var counts = await Expect(await admin.GetAsync("/api/neighbourhoods/oost/cycles/2026/voting-codes"), HttpStatusCode.OK);
        Assert.Equal((4, 3, 2), (counts.GetProperty("issued").GetInt32(), counts.GetProperty("households").GetInt32(), counts.GetProperty("live").GetInt32()));
        foreach (var (code, projects) in new[] { (codes[0], new[] { "bomen", "bankjes" }), (codes[1], new[] { "bomen" }) })
        {
            var resident = _app.Browser("10.0.0.9");
            await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code })), HttpStatusCode.OK);
            var cast = Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/ballots", new { entries = projects.Select(p => new { projectId = p, value = 1 }) });
            cast.Headers.Add("Idempotency-Key", code);
            await Expect(await resident.SendAsync(cast), HttpStatusCode.Created);
        }
        var revoked = _app.Browser("10.0.0.9");
        await Expect(await revoked.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = codes[2] })), HttpStatusCode.Unauthorized);

        var moderator = await _app.Staff(Issuer, "moritz");
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/close-voting")), HttpStatusCode.Forbidden);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/close-voting")), HttpStatusCode.OK);

        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/phase", new { phase = "Implementation" })), HttpStatusCode.OK);
        var results = await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost/cycles/2026/results"), HttpStatusCode.OK);
        Assert.Equal(["bankjes", "bomen"], results.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        var playground = results.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("projectId").GetString() == "speeltuin");
        Assert.Equal("NoSupport", playground.GetProperty("verdict").GetString());
        Assert.Equal(800_000, results.GetProperty("spentCents").GetInt64());

        // The export recounts to the same result with the rule engine the CLI uses on any Pabulib file.
        string pb = await _app.Browser().GetStringAsync("/api/neighbourhoods/oost/cycles/2026/results.pb");
        var election = Domain.Pabulib.PabulibConversion.ToElection(Domain.Pabulib.PabulibReader.Read(new StringReader(pb)));
        Assert.Equal((2, 10_000m), (election.VoterCount, election.Budget));
        var recount = Domain.Rules.OutcomeCalculator.Compute(election, new Domain.Rules.OutcomeRule(Domain.Rules.RuleKind.EqualShares, Completion: Domain.Rules.Completion.Add1));
        Assert.Equal(["bankjes", "bomen"], recount.SelectedSorted.ToArray());
        string csv = await _app.Browser().GetStringAsync("/api/neighbourhoods/oost/cycles/2026/results.csv");
        Assert.Contains("speeltuin;Playground;9000.00;0;0;NoSupport", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_moderators_enter_a_paper_ballot_which_then_counts_and_closes_the_code_for_online_voting()
    {
        await _app.RegisterYmereAsync("moritz", "mila");
        var oost = _app.Grains.GetGrain<Grains.Neighbourhoods.INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new("2026", "2026", 1_000_000));
        await oost.OpenVotingAsync(new("2026", [new("bomen", "Trees", 500_000), new("bankjes", "Benches", 300_000)],
            new Domain.Ballots.BallotDescription(Domain.Ballots.BallotKind.Approval, 1, 2), new(Domain.Rules.RuleKind.Greedy),
            Grains.Neighbourhoods.RevotePolicy.LastBallotCounts, Grains.Neighbourhoods.Eligibility.Census));
        string code = (await _app.Grains.GetGrain<Grains.VotingCodes.IVotingCodesGrain>("oost").IssueAsync(new("2026", ["Kade 1"]))).Codes[0].Code;
        var resident = _app.Browser("10.0.0.7");
        await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code })), HttpStatusCode.OK);
        var paper = new { code, entries = new[] { new { projectId = "bomen", value = 1 } } };

        var first = await Expect(await (await _app.Staff(Issuer, "moritz")).SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/paper-ballots", paper)), HttpStatusCode.Accepted);
        var second = await Expect(await (await _app.Staff(Issuer, "mila")).SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/paper-ballots", paper)), HttpStatusCode.Created);

        Assert.False(first.GetProperty("counted").GetBoolean());
        Assert.Matches("^neighbourhood/oost#[0-9]+:[0-9a-f]{64}$", second.GetProperty("receipt").GetString()!);
        var online = Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/ballots", new { entries = new[] { new { projectId = "bankjes", value = 1 } } });
        online.Headers.Add("Idempotency-Key", "after-paper");
        await Expect(await resident.SendAsync(online), HttpStatusCode.Forbidden);
        Assert.Equal(1, (await oost.GetCycleAsync("2026")).Tally!.Turnout);
    }

    [Fact]
    public async Task A_broken_address_list_is_refused_with_its_lines_and_no_code_is_issued()
    {
        var platform = await _app.Staff(BuurtbudgetApp.Operator.Issuer, BuurtbudgetApp.Operator.Subject);
        await Expect(await platform.SendAsync(Write(HttpMethod.Post, "/api/corporations",
            new { corporationId = "ymere", name = "Ymere", firstAdministrator = new { issuer = Issuer, subject = "anna" } })), HttpStatusCode.Created);
        var admin = await _app.Staff(Issuer, "anna");
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/corporations/ymere/neighbourhoods", new { neighbourhoodId = "oost", name = "Oost" })), HttpStatusCode.Created);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles", new { cycleId = "2026", title = "2026", budgetCents = 100_000 })), HttpStatusCode.Created);

        var broken = await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/voting-codes",
            content: new StringContent("straat;nr\nA;1\nB;2;3\nA;1\n", Encoding.UTF8, "text/csv")));
        var notCsv = await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/voting-codes", new { households = new[] { "A 1" } }));
        var notUtf8 = await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/voting-codes",
            content: new ByteArrayContent([0x61, 0x0a, 0xff, 0xfe, 0x0a]) { Headers = { ContentType = new("text/csv") } }));

        var problem = await Expect(broken, HttpStatusCode.BadRequest);
        Assert.Equal([3, 4], problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
        await Expect(notCsv, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("UTF-8", (await Expect(notUtf8, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Expect(await admin.GetAsync("/api/neighbourhoods/oost/cycles/2026/administration"), HttpStatusCode.OK)).GetProperty("enrolled").GetInt32());
    }

    [Fact]
    public async Task An_administrator_places_a_neighbourhood_on_the_map_where_its_maps_then_open_and_a_broken_view_changes_nothing()
    {
        await _app.RegisterYmereAsync();
        var admin = await _app.Staff(Issuer, "anna");
        const string Map = "/api/corporations/ymere/neighbourhoods/oost/map";
        Assert.Equal(JsonValueKind.Null, (await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost"), HttpStatusCode.OK)).GetProperty("map").ValueKind);

        var placed = await Expect(await admin.SendAsync(Write(HttpMethod.Put, Map, new { latitude = 52.3601234567, longitude = 4.9301, zoom = 16 })), HttpStatusCode.OK);

        Assert.Equal(16, placed.GetProperty("neighbourhoods")[0].GetProperty("map").GetProperty("zoom").GetInt32());
        var map = (await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost"), HttpStatusCode.OK)).GetProperty("map");
        Assert.Equal((52.360123, 4.9301, 16), (map.GetProperty("centre").GetProperty("latitude").GetDouble(), map.GetProperty("centre").GetProperty("longitude").GetDouble(), map.GetProperty("zoom").GetInt32()));

        var missing = await Expect(await admin.SendAsync(Write(HttpMethod.Put, Map, new { latitude = 52.1, longitude = 4.9 })), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("zoom", out _));
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Map, new { latitude = 52.1, longitude = 4.9, zoom = 7 })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Map, new { latitude = 91, longitude = 4.9, zoom = 15 })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Map, new { latitude = "noord", longitude = 4.9, zoom = 15 })), HttpStatusCode.BadRequest);
        // A neighbourhood that is not the corporation's is refused like any other staff action outside one's scope.
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, "/api/corporations/ymere/neighbourhoods/west/map", new { latitude = 52.1, longitude = 4.9, zoom = 15 })), HttpStatusCode.Forbidden);
        Assert.Equal(52.360123, (await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost"), HttpStatusCode.OK)).GetProperty("map").GetProperty("centre").GetProperty("latitude").GetDouble());
    }
}
