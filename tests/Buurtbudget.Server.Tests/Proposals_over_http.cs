using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>Residents propose, support and offer help; text comes back exactly as written, as inert JSON strings.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Proposals_over_http(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Base = "/api/neighbourhoods/oost/cycles/2026/proposals";
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("proposals")), _data.Path);
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Leefbaarheidsbudget 2026", 2_000_000));
        _codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2026", ["Dorpsstraat 1", "Dorpsstraat 3"]))).Codes;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }


    private Task<HttpClient> Resident(int household) => _app.ResidentOfOostAsync(_codes[household].Code, $"10.0.1.{household}");


    [Fact]
    public async Task Two_residents_propose_support_and_pledge_and_only_the_author_may_edit()
    {
        var anna = await Resident(0);
        var bram = await Resident(1);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen tuinieren", costCents = 90_000 })), HttpStatusCode.Conflict);
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Ideas);

        var garden = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen tuinieren", costCents = 90_000, place = "Achter blok C" })), HttpStatusCode.Created);
        string gardenId = garden.GetProperty("proposalId").GetString()!;
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, Base, new { title = "Bankjes", description = "Op het plein", costCents = 40_000 })), HttpStatusCode.Created);
        await Expect(await bram.SendAsync(Write(HttpMethod.Put, $"{Base}/{gardenId}/support")), HttpStatusCode.OK);
        await Expect(await bram.SendAsync(Write(HttpMethod.Put, $"{Base}/{gardenId}/support")), HttpStatusCode.OK);
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/pledges", new { text = "Ik geef de planten water" })), HttpStatusCode.OK);
        await Expect(await bram.SendAsync(Write(HttpMethod.Put, $"{Base}/{gardenId}", new { title = "Mijn tuin", description = "x", costCents = 1 })), HttpStatusCode.Forbidden);
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{gardenId}", new { title = "Moestuin achter blok C", description = "Samen tuinieren, met bakken", costCents = 95_000 })), HttpStatusCode.OK);

        await Expect(await bram.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/amendments", new { title = "Moestuin met kas", description = "Met een kleine kas", costCents = 99_000 })), HttpStatusCode.OK);
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/amendments/1/accept")), HttpStatusCode.Forbidden);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/amendments/1/reject")), HttpStatusCode.OK);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/amendments/1/accept")), HttpStatusCode.BadRequest);
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/amendments", new { title = "Moestuin achter blok C", description = "Samen tuinieren, met bakken en een kas", costCents = 99_000 })), HttpStatusCode.OK);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, $"{Base}/{gardenId}/amendments/2/accept")), HttpStatusCode.OK);

        var seenByBram = await Expect(await bram.GetAsync($"{Base}/{gardenId}"), HttpStatusCode.OK);
        Assert.Equal(["Rejected", "Accepted"], seenByBram.GetProperty("amendments").EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        Assert.True(seenByBram.GetProperty("amendments")[1].GetProperty("mine").GetBoolean());
        Assert.Equal("Samen tuinieren, met bakken en een kas", seenByBram.GetProperty("text").GetProperty("description").GetString());
        Assert.Equal(1, seenByBram.GetProperty("supporters").GetInt32());
        Assert.True(seenByBram.GetProperty("supportedByMe").GetBoolean());
        Assert.False(seenByBram.GetProperty("mine").GetBoolean());
        Assert.True(seenByBram.GetProperty("pledges")[0].GetProperty("mine").GetBoolean());
        Assert.Equal(3, seenByBram.GetProperty("history").GetArrayLength());
        var list = await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK);
        Assert.Equal(["Moestuin achter blok C", "Bankjes"], list.EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(1, list[0].GetProperty("pledges").GetInt32());
        Assert.DoesNotContain("authorKey", (await _app.Browser().GetStringAsync($"{Base}/{gardenId}")), StringComparison.OrdinalIgnoreCase);

        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Review);
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{gardenId}", new { title = "Later", description = "Te laat", costCents = 1 })), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_corporation_reviews_feasibility_and_the_feasible_proposals_become_the_ballot()
    {
        await _app.RegisterYmereAsync();
        var admin = await _app.Staff("https://login.ymere.test", "anna");
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.ChangePhaseAsync("2026", CyclePhase.Ideas);
        var anna = await Resident(0);
        var ids = new List<string>();
        foreach (var (title, cost) in new[] { ("Moestuin", 90_000), ("Zwembad", 5_000_000), ("Bankjes", 40_000) })
        {
            var created = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title, description = title, costCents = cost })), HttpStatusCode.Created);
            ids.Add(created.GetProperty("proposalId").GetString()!);
        }
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[0]}/review", new { feasible = true })), HttpStatusCode.Conflict);
        await oost.ChangePhaseAsync("2026", CyclePhase.Review);

        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[1]}/review", new { feasible = false })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[1]}/review", new { feasible = false, reason = "Past niet in het budget" })), HttpStatusCode.OK);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[0]}/review", new { feasible = true, adjustedCostCents = 120_000 })), HttpStatusCode.OK);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[2]}/review", new { feasible = true })), HttpStatusCode.OK);
        var seenByAuthor = await Expect(await anna.GetAsync($"{Base}/{ids[1]}"), HttpStatusCode.OK);
        Assert.Equal("Past niet in het budget", seenByAuthor.GetProperty("review").GetProperty("reason").GetString());

        var opened = await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/open-voting",
            new { ballot = new { kind = "Approval", minProjects = 1, maxProjects = 2 }, rule = new { kind = "Greedy" } })), HttpStatusCode.OK);

        var ballot = opened.GetProperty("cycle").GetProperty("projects").EnumerateArray()
            .Select(p => (p.GetProperty("id").GetString(), p.GetProperty("title").GetString(), p.GetProperty("costCents").GetInt64())).ToList();
        Assert.Equal([(ids[0], "Moestuin", 120_000L), (ids[2], "Bankjes", 40_000L)], ballot);

        var voter = await Resident(1);
        var cast = Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/ballots", new { entries = new[] { new { projectId = ids[2], value = 1 } } });
        cast.Headers.Add("Idempotency-Key", "impl-1");
        await Expect(await voter.SendAsync(cast), HttpStatusCode.Created);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[2]}/implementation", new { status = "Planned", note = "Levering in mei" })), HttpStatusCode.Conflict);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/close-voting")), HttpStatusCode.OK);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[2]}/implementation", new { status = "Planned", note = "Levering in mei" })), HttpStatusCode.OK);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[1]}/implementation", new { status = "Planned", note = "Niet op het stembiljet" })), HttpStatusCode.Conflict);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[2]}/implementation", new { status = "Done", note = "De bankjes staan er" })), HttpStatusCode.OK);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{ids[2]}/implementation", new { status = "InProgress", note = "Toch niet" })), HttpStatusCode.BadRequest);

        var benches = await Expect(await _app.Browser().GetAsync($"{Base}/{ids[2]}"), HttpStatusCode.OK);
        Assert.Equal(["Planned", "Done"], benches.GetProperty("implementation").EnumerateArray().Select(u => u.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Flags_hide_a_comment_until_a_moderator_restores_it_and_the_log_says_who_when_and_why()
    {
        await _app.RegisterYmereAsync("moritz");
        var moderator = await _app.Staff("https://login.ymere.test", "moritz");
        var more = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2026", ["Kade 1", "Kade 2"]))).Codes;
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Ideas);
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        string comments = $"{Base}/{id}/comments";
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, comments, new { text = "Wie doet er mee?" })), HttpStatusCode.Created);
        var bram = await Resident(1);
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, comments, new { text = "Jullie zijn allemaal gek", replyTo = 1 })), HttpStatusCode.Created);
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, comments, new { text = "Nee", replyTo = 7 })), HttpStatusCode.BadRequest);

        var flaggers = new List<HttpClient> { anna };
        foreach (var code in more)
        {
            var browser = _app.Browser();
            (await browser.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code = code.Code }))).EnsureSuccessStatusCode();
            flaggers.Add(browser);
        }
        await flaggers[0].SendAsync(Write(HttpMethod.Put, $"{comments}/2/flag"));
        await flaggers[0].SendAsync(Write(HttpMethod.Put, $"{comments}/2/flag"));
        Assert.False((await Expect(await _app.Browser().GetAsync(comments), HttpStatusCode.OK))[1].GetProperty("hidden").GetBoolean());
        await flaggers[1].SendAsync(Write(HttpMethod.Put, $"{comments}/2/flag"));
        await flaggers[2].SendAsync(Write(HttpMethod.Put, $"{comments}/2/flag"));

        var public_ = (await Expect(await _app.Browser().GetAsync(comments), HttpStatusCode.OK))[1];
        var forModerator = (await Expect(await moderator.GetAsync(comments), HttpStatusCode.OK))[1];
        Assert.Equal((true, JsonValueKind.Null), (public_.GetProperty("hidden").GetBoolean(), public_.GetProperty("text").ValueKind));
        Assert.Equal("Jullie zijn allemaal gek", forModerator.GetProperty("text").GetString());
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{comments}/2/restore", new { reason = "" })), HttpStatusCode.BadRequest);
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{comments}/2/restore", new { reason = "Kritiek mag, dit is geen schelden" })), HttpStatusCode.NoContent);

        var log = await Expect(await _app.Browser().GetAsync($"{Base}/{id}/moderation-log"), HttpStatusCode.OK);
        Assert.Equal([("hidden", "residents' flags"), ("restored", "a moderator")],
            log.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("by").GetString())));
        Assert.Equal("Kritiek mag, dit is geen schelden", log[1].GetProperty("reason").GetString());
        Assert.DoesNotContain("gek", log.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Jullie zijn allemaal gek", (await Expect(await _app.Browser().GetAsync(comments), HttpStatusCode.OK))[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_moderator_runs_a_time_boxed_round_on_some_proposals_and_closes_it_with_a_summary()
    {
        await _app.RegisterYmereAsync("moritz");
        var moderator = await _app.Staff("https://login.ymere.test", "moritz");
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.ChangePhaseAsync("2026", CyclePhase.Ideas);
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        const string Rounds = "/api/neighbourhoods/oost/cycles/2026/rounds";
        var round = new { question = "Wie onderhoudt de tuin?", proposalIds = new[] { id }, closesAt = DateTimeOffset.UtcNow.AddDays(14) };
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, Rounds, round)), HttpStatusCode.Conflict);
        await oost.ChangePhaseAsync("2026", CyclePhase.Deliberation);

        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, Rounds, round)), HttpStatusCode.Created);
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, Rounds, new { question = "Q?", proposalIds = new[] { "pghost" }, closesAt = DateTimeOffset.UtcNow.AddDays(1) })), HttpStatusCode.BadRequest);
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, Rounds, new { question = "Te lang", proposalIds = new[] { id }, closesAt = DateTimeOffset.UtcNow.AddDays(90) })), HttpStatusCode.BadRequest);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, $"{Base}/{id}/comments", new { text = "Ik doe mee" })), HttpStatusCode.Created);
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{Rounds}/1/close", new { summary = "Drie buren onderhouden de tuin samen." })), HttpStatusCode.OK);
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{Rounds}/1/close", new { summary = "Nog eens" })), HttpStatusCode.Conflict);

        string twin = (await Expect(await (await Resident(1)).SendAsync(Write(HttpMethod.Post, Base, new { title = "Groentetuin", description = "Ook", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{Base}/{id}/merge", new { duplicateId = id })), HttpStatusCode.BadRequest);
        var merged = await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{Base}/{id}/merge", new { duplicateId = twin })), HttpStatusCode.OK);
        Assert.Equal("Merged", (await Expect(await _app.Browser().GetAsync($"{Base}/{twin}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(twin, merged.GetProperty("mergedFrom")[0].GetString());

        var rounds = await Expect(await _app.Browser().GetAsync(Rounds), HttpStatusCode.OK);
        var only = Assert.Single(rounds.EnumerateArray());
        Assert.Equal(("Wie onderhoudt de tuin?", "Drie buren onderhouden de tuin samen.", id),
            (only.GetProperty("question").GetString(), only.GetProperty("summary").GetString(), only.GetProperty("proposalIds")[0].GetString()));
    }

    [Fact]
    public async Task Merges_and_feasibility_reviews_are_in_the_public_moderation_log_with_who_did_them_and_when()
    {
        await _app.RegisterYmereAsync("moritz");
        var moderator = await _app.Staff(Issuer, "moritz", name: "Moritz (moderator)");
        var admin = await _app.Staff(Issuer, "anna", name: "Anna de Vries");
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.ChangePhaseAsync("2026", CyclePhase.Ideas);
        var before = DateTimeOffset.UtcNow;
        string garden = (await Expect(await (await Resident(0)).SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        string twin = (await Expect(await (await Resident(1)).SendAsync(Write(HttpMethod.Post, Base, new { title = "Groentetuin", description = "Ook", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, $"{Base}/{garden}/merge", new { duplicateId = twin })), HttpStatusCode.OK);
        await oost.ChangePhaseAsync("2026", CyclePhase.Review);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{garden}/review", new { feasible = true, adjustedCostCents = 120_000 })), HttpStatusCode.OK);
        await Expect(await (await _app.Staff(Issuer, "anna", client: "10.0.0.9")).SendAsync(Write(HttpMethod.Post, $"{Base}/{garden}/review",
            new { feasible = false, reason = "Geen grond beschikbaar" })), HttpStatusCode.OK);
        var after = DateTimeOffset.UtcNow;

        var log = await Expect(await _app.Browser().GetAsync($"{Base}/{garden}/moderation-log"), HttpStatusCode.OK);
        var twinLog = await Expect(await _app.Browser().GetAsync($"{Base}/{twin}/moderation-log"), HttpStatusCode.OK);

        Assert.Equal([("merged-in", "Moritz (moderator)"), ("reviewed-feasible", "Anna de Vries"), ("reviewed-not-feasible", "the corporation")],
            log.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("by").GetString())));
        Assert.Equal(["Feasible, at a reviewed cost of 1200.00 euros.", "Geen grond beschikbaar"], new[] { log[1], log[2] }.Select(e => e.GetProperty("reason").GetString()));
        Assert.Contains(twin, log[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("comment").ValueKind);
        Assert.Equal(("merged-into", "Moritz (moderator)"), (twinLog[0].GetProperty("action").GetString(), twinLog[0].GetProperty("by").GetString()));
        Assert.All(log.EnumerateArray().Concat(twinLog.EnumerateArray()), e => Assert.InRange(e.GetProperty("at").GetDateTimeOffset(), before, after));
        Assert.DoesNotContain("moritz\"", log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cycles_cost_limits_and_support_threshold_decide_what_may_be_proposed_and_what_reaches_the_ballot()
    {
        await _app.RegisterYmereAsync();
        var admin = await _app.Staff("https://login.ymere.test", "anna");
        const string Rules = "/api/neighbourhoods/oost/cycles/2026/proposal-rules";
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { minCostCents = 10_000, maxCostCents = 5_000 })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { minCostCents = 10_000, maxCostCents = 500_000, supportThreshold = 1 })), HttpStatusCode.OK);
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.ChangePhaseAsync("2026", CyclePhase.Ideas);
        var anna = await Resident(0);
        var bram = await Resident(1);

        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Bloembak", description = "Klein", costCents = 5_000 })), HttpStatusCode.BadRequest);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Zwembad", description = "Groot", costCents = 900_000 })), HttpStatusCode.BadRequest);
        string supported = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Tuin", costCents = 90_000 })), HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        string unsupported = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Bankjes", description = "Plein", costCents = 40_000 })), HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{supported}", new { title = "Moestuin", description = "Tuin", costCents = 600_000 })), HttpStatusCode.BadRequest);
        await Expect(await bram.SendAsync(Write(HttpMethod.Post, $"{Base}/{supported}/amendments", new { title = "Moestuin", description = "Met kas", costCents = 600_000 })), HttpStatusCode.BadRequest);
        await Expect(await bram.SendAsync(Write(HttpMethod.Put, $"{Base}/{supported}/support")), HttpStatusCode.OK);
        await oost.ChangePhaseAsync("2026", CyclePhase.Review);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { supportThreshold = 0 })), HttpStatusCode.Conflict);
        foreach (var id in new[] { supported, unsupported })
        {
            await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Base}/{id}/review", new { feasible = true })), HttpStatusCode.OK);
        }

        var list = await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK);
        var simulation = await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/simulation", new { voters = 300, seed = 4 })), HttpStatusCode.OK);
        Assert.Equal([supported], simulation.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(7, simulation.GetProperty("results").GetArrayLength());
        Assert.All(simulation.GetProperty("results").EnumerateArray(), r => Assert.Equal(2_000_000 - 90_000, r.GetProperty("leftCents").GetInt64()));
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/simulation", new { voters = 0 })), HttpStatusCode.BadRequest);
        var opened = await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/open-voting",
            new { ballot = new { kind = "Approval", minProjects = 1, maxProjects = 1 }, rule = new { kind = "Greedy" } })), HttpStatusCode.OK);

        Assert.Equal([true, false], list.EnumerateArray().Select(p => p.GetProperty("goesForward").GetBoolean()));
        Assert.Equal([supported], opened.GetProperty("cycle").GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klik hier](javascript:alert(1))")]
    [InlineData("\"><svg/onload=alert(1)>")]
    public async Task Markup_in_every_text_field_comes_back_as_the_same_inert_text(string hostile)
    {
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Ideas);
        var anna = await Resident(0);

        var created = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "T " + hostile, description = hostile, costCents = 100, place = hostile })), HttpStatusCode.Created);
        string id = created.GetProperty("proposalId").GetString()!;
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, $"{Base}/{id}/pledges", new { text = hostile })), HttpStatusCode.OK);
        var response = await _app.Browser().GetAsync($"{Base}/{id}");
        var read = await Expect(response, HttpStatusCode.OK);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var text = read.GetProperty("text");
        Assert.Equal(("T " + hostile, hostile, hostile), (text.GetProperty("title").GetString(), text.GetProperty("description").GetString(), text.GetProperty("place").GetString()));
        Assert.Equal(hostile, read.GetProperty("pledges")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("<", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
