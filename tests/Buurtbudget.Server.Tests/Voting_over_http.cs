using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtbudget.Server.Tests;

[Collection(SharedPostgres.Name)]
public sealed class Voting_over_http(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Cycle = "2026";
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("http"));
        _app = new BuurtbudgetApp(database, _data.Path);
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        await oost.OpenVotingAsync(new OpenVoting(Cycle,
            [new("bankjes", "Benches", 400_000), new("moestuin", "Garden", 900_000), new("bomen", "Trees", 500_000)],
            new BallotDescription(BallotKind.Approval, 1, 2), new RuleChoice(RuleKind.EqualShares), RevotePolicy.LastBallotCounts, Eligibility.Census));
        _codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes(Cycle, ["Dorpsstraat 1", "Dorpsstraat 3"]))).Codes;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private static HttpRequestMessage Post(string path, object body, string? idempotencyKey = null, bool csrfHeader = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (csrfHeader)
        {
            request.Headers.Add("X-Buurtbudget-Request", "1");
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return request;
    }

    private static object Ballot(params string[] projects) => new { entries = projects.Select(p => new { projectId = p, value = 1 }) };

    private async Task<HttpClient> SignedIn(int household = 0, string client = "10.0.0.1")
    {
        var browser = _app.Browser(client);
        var response = await browser.SendAsync(Post("/api/neighbourhoods/oost/sign-in", new { code = _codes[household].Code }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Fact]
    public async Task Idempotency_keys_of_paper_ballots_are_refused_online_and_nothing_is_cast()
    {
        var voter = await SignedIn();

        var refused = await voter.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bankjes"), "paper:0123"));

        var problem = await Problem(refused, HttpStatusCode.BadRequest);
        Assert.Equal("idempotency-key-reserved", problem.GetProperty("code").GetString());
        Assert.Equal(0, (await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").GetCycleAsync(Cycle)).Tally!.Turnout);
    }

    [Fact]
    public async Task Every_problem_carries_a_code_made_from_its_title_so_a_front_end_can_say_it_in_its_own_language()
    {
        var stranger = _app.Browser("10.0.0.9");
        var voter = await SignedIn();
        var answers = new[]
        {
            // An endpoint's own problem, the exception handler's, the status-code pages', and the sign-in middleware's.
            await stranger.SendAsync(Post("/api/neighbourhoods/oost/sign-in", new { code = "AAAA-BBBB-CCCC-DDDD" })),
            await voter.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bankjes", "moestuin", "bomen"), "too-many")),
            await stranger.GetAsync("/api/nothing-here"),
            await voter.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bankjes"), "no-header", csrfHeader: false)),
        };

        var problems = new List<JsonElement>();
        foreach (var answer in answers)
        {
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            problems.Add(await answer.Content.ReadFromJsonAsync<JsonElement>());
        }
        Assert.Equal(
            ["wrong-voting-code", "the-ballot-does-not-follow-the-rules-of-this-vote", "not-found", "missing-request-header"],
            problems.Select(p => p.GetProperty("code").GetString()));
        Assert.All(problems, p => Assert.Equal(
            string.Join('-', System.Text.RegularExpressions.Regex.Split(p.GetProperty("title").GetString()!.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0)),
            p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_household_signs_in_with_its_code_votes_gets_a_durable_receipt_and_can_check_it_after_the_close()
    {
        var browser = await SignedIn();

        var cast = await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bankjes", "bomen"), "ballot-1"));
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        var receipt = await cast.Content.ReadFromJsonAsync<JsonElement>();
        var retry = await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bankjes", "bomen"), "ballot-1"));
        Assert.Equal(receipt.GetProperty("receipt").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString());

        var mine = await browser.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots/mine");
        Assert.Equal(receipt.GetProperty("entryHash").GetString(), mine.GetProperty("entryHash").GetString());
        var during = await browser.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/{Cycle}");
        Assert.Equal(1, during.GetProperty("turnout").GetInt32());
        Assert.Equal(JsonValueKind.Null, during.GetProperty("counts").ValueKind);
        Assert.Equal("Voting", during.GetProperty("phase").GetString());

        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").CloseVotingAsync(Cycle);
        var anyone = _app.Browser("10.0.0.99");
        var check = await anyone.GetFromJsonAsync<JsonElement>(
            $"/api/neighbourhoods/oost/cycles/{Cycle}/receipts/{receipt.GetProperty("position").GetInt64()}?hash={receipt.GetProperty("entryHash").GetString()}");
        Assert.True(check.GetProperty("found").GetBoolean());
        Assert.True(check.GetProperty("counted").GetBoolean());
        var forged = await anyone.GetFromJsonAsync<JsonElement>(
            $"/api/neighbourhoods/oost/cycles/{Cycle}/receipts/{receipt.GetProperty("position").GetInt64()}?hash={new string('a', 64)}");
        Assert.False(forged.GetProperty("found").GetBoolean());
        var after = await anyone.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/{Cycle}");
        Assert.Equal(1, after.GetProperty("counts").EnumerateArray().Single(p => p.GetProperty("projectId").GetString() == "bomen").GetProperty("ballots").GetInt32());
    }

    [Fact]
    public async Task Per_project_counts_show_during_voting_only_when_the_cycle_allows_it_and_enough_have_voted()
    {
        var noord = _app.Grains.GetGrain<INeighbourhoodGrain>("noord");
        await noord.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Open counts", 1_000_000));
        await noord.OpenVotingAsync(new OpenVoting(Cycle, [new("bankjes", "Benches", 400_000), new("bomen", "Trees", 500_000)],
            new BallotDescription(BallotKind.Approval, 1, 2), new RuleChoice(RuleKind.Greedy), RevotePolicy.LastBallotCounts, Eligibility.Census)
        {
            Live = new LiveResults(LiveDisclosure.CountsPerProject, MinimumTurnout: 2),
        });
        var codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("noord").IssueAsync(new IssueCodes(Cycle, ["A 1", "A 2"]))).Codes;
        async Task VoteAs(string code, string client)
        {
            var browser = _app.Browser(client);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(Post("/api/neighbourhoods/noord/sign-in", new { code }))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(Post($"/api/neighbourhoods/noord/cycles/{Cycle}/ballots", Ballot("bomen"), "k"))).StatusCode);
        }
        var anyone = _app.Browser("10.0.0.50");

        await VoteAs(codes[0].Code, "10.0.0.51");
        var afterOne = await anyone.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/noord/cycles/{Cycle}");
        await VoteAs(codes[1].Code, "10.0.0.52");
        var afterTwo = await anyone.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/noord/cycles/{Cycle}");

        Assert.Equal(JsonValueKind.Null, afterOne.GetProperty("counts").ValueKind);
        Assert.Equal(2, afterTwo.GetProperty("counts").EnumerateArray().Single(p => p.GetProperty("projectId").GetString() == "bomen").GetProperty("ballots").GetInt32());
        Assert.Equal("CountsPerProject", afterTwo.GetProperty("live").GetProperty("disclosure").GetString());
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_a_problem_and_nobody_is_signed_in()
    {
        var browser = _app.Browser();

        var response = await browser.SendAsync(Post("/api/neighbourhoods/oost/sign-in", new { code = VotingCode.NewCode() }));

        await Problem(response, HttpStatusCode.Unauthorized);
        await Problem(await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bomen"), "k")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Guessing_codes_is_stopped_with_429_and_Retry_After_while_other_clients_are_unaffected()
    {
        var guesser = _app.Browser("10.0.0.66");
        for (int attempt = 0; attempt < 10; attempt++)
        {
            await Problem(await guesser.SendAsync(Post("/api/neighbourhoods/oost/sign-in", new { code = VotingCode.NewCode() })), HttpStatusCode.Unauthorized);
        }

        var blocked = await guesser.SendAsync(Post("/api/neighbourhoods/oost/sign-in", new { code = _codes[0].Code }));

        await Problem(blocked, HttpStatusCode.TooManyRequests);
        Assert.True(blocked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await SignedIn(household: 1, client: "10.0.0.7");
    }

    [Fact]
    public async Task State_changing_requests_without_the_request_header_or_from_another_origin_are_refused()
    {
        var browser = await SignedIn();

        var noHeader = await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bomen"), "k1", csrfHeader: false));
        var crossSite = Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bomen"), "k2");
        crossSite.Headers.Add("Origin", "https://evil.example");
        var foreign = await browser.SendAsync(crossSite);

        await Problem(noHeader, HttpStatusCode.Forbidden);
        await Problem(foreign, HttpStatusCode.Forbidden);
        Assert.Equal(0, (await browser.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/{Cycle}")).GetProperty("turnout").GetInt32());
    }

    [Fact]
    public async Task A_ballot_that_breaks_the_rules_gets_422_with_every_problem_and_nothing_is_stored()
    {
        var browser = await SignedIn();

        var response = await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bankjes", "moestuin", "bomen", "zwembad"), "k"));

        var problem = await Problem(response, (HttpStatusCode)422);
        var codes = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("UnknownProject", codes);
        Assert.Contains("TooManyProjects", codes);
        Assert.Equal(0, (await browser.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/{Cycle}")).GetProperty("turnout").GetInt32());
    }

    [Fact]
    public async Task Malformed_requests_get_400_problems_not_500()
    {
        var browser = await SignedIn();
        var broken = new HttpRequestMessage(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{Cycle}/ballots")
        {
            Content = new StringContent("{\"entries\": [ {\"projectId\": 12, ", System.Text.Encoding.UTF8, "application/json"),
        };
        broken.Headers.Add("X-Buurtbudget-Request", "1");
        broken.Headers.Add("Idempotency-Key", "k");

        await Problem(await browser.SendAsync(broken), HttpStatusCode.BadRequest);
        await Problem(await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bomen"))), HttpStatusCode.BadRequest);
        await Problem(await browser.GetAsync($"/api/neighbourhoods/oost/cycles/1999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_session_of_a_code_revoked_since_sign_in_can_no_longer_vote()
    {
        var browser = await SignedIn();
        Assert.True(await _app.Grains.GetGrain<IVotingCodesGrain>("oost").RevokeAsync(_codes[0].Code));

        var response = await browser.SendAsync(Post($"/api/neighbourhoods/oost/cycles/{Cycle}/ballots", Ballot("bomen"), "k"));

        var problem = await Problem(response, HttpStatusCode.Forbidden);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await browser.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/oost/cycles/{Cycle}")).GetProperty("turnout").GetInt32());
    }

    [Fact]
    public async Task Malformed_ids_are_refused_by_routing_without_activating_any_grain()
    {
        var http = _app.Browser();
        var runtime = _app.Services.GetRequiredService<Buurtbudget.Grains.Runtime.GrainRuntime>();
        await http.GetAsync($"/api/neighbourhoods/oost/cycles/{Cycle}");
        int activations = runtime.ActivationCount;

        await Problem(await http.GetAsync($"/api/neighbourhoods/{new string('a', 200)}/cycles/{Cycle}"), HttpStatusCode.NotFound);
        await Problem(await http.GetAsync($"/api/neighbourhoods/oost/cycles/%3Cscript%3E"), HttpStatusCode.NotFound);
        await Problem(await http.SendAsync(Post($"/api/neighbourhoods/{new string('b', 65)}/sign-in", new { code = "x" })), HttpStatusCode.NotFound);

        Assert.Equal(activations, runtime.ActivationCount);
    }

    [Fact]
    public async Task A_code_opens_only_its_own_neighbourhood()
    {
        var browser = await SignedIn();

        var elsewhere = await browser.SendAsync(Post($"/api/neighbourhoods/west/cycles/{Cycle}/ballots", Ballot("bomen"), "k"));
        var wrongCode = await browser.SendAsync(Post("/api/neighbourhoods/west/sign-in", new { code = _codes[1].Code }));

        await Problem(elsewhere, HttpStatusCode.Forbidden);
        await Problem(wrongCode, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_app_serves_health_and_an_OpenAPI_document_describing_the_ballot_endpoints()
    {
        var http = _app.Browser();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var openApi = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/neighbourhoods/{neighbourhoodId}/cycles/{cycleId}/ballots", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/neighbourhoods/{neighbourhoodId}/sign-in", openApi, StringComparison.Ordinal);
    }
}
