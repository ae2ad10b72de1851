using System.Net;
using System.Text;
using System.Text.Json;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// Residents who sign in with their housing corporation's identity provider (the real oidc-provider under Node),
/// eligible by a claim of their account, end to end: the corporation sets who the residents are when it creates
/// the cycle, and every resident endpoint honours it.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Residents_signing_in_with_an_identity_provider(PostgresCluster cluster, IdentityProviderSignInFixture shared)
    : IClassFixture<IdentityProviderSignInFixture>, IAsyncLifetime
{
    private const string Provider = NodeOidcProvider.ProviderName;
    private readonly NodeOidcProvider op = shared.Provider;
    private BuurtbudgetApp _app = null!;
    private HttpClient _admin = null!;

    private static readonly object ByProvider = new
    {
        residents = "IdentityProvider",
        provider = new { name = Provider, claim = "neighbourhoods", values = new[] { "oost" } },
    };

    public async Task InitializeAsync()
    {
        await op.ResetAsync();
        _app = await shared.AppAsync(cluster, web =>
        {
            var key = $"Buurtbudget:IdentityProviders:{Provider}";
            web.UseSetting($"{key}:Authority", op.Issuer);
            web.UseSetting($"{key}:ClientId", NodeOidcProvider.ClientId);
            web.UseSetting($"{key}:ClientSecret", NodeOidcProvider.ClientSecret);
            web.UseSetting($"{key}:DisplayName", "Woonstichting Oost");
            web.UseSetting($"{key}:Scopes", "openid profile buurt");
            web.UseSetting($"{key}:ResidentClaims", "neighbourhoods");
        });
        if (await _app.Grains.GetGrain<Grains.Corporations.IRegisterGrain>(Grains.Corporations.RegisterGrain.Key).FindNeighbourhoodAsync("oost") is null)
        {
            await _app.RegisterYmereAsync();
        }
        _admin = await _app.Staff(Issuer, "anna");
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A cycle of <c>oost</c> whose residents come from <paramref name="eligibility"/>, open for voting on two projects.</summary>
    private async Task<string> VotingCycleAsync(object? eligibility, bool open = true)
    {
        string cycle = "c" + Guid.NewGuid().ToString("N")[..8];
        await Expect(await _admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles",
            new Dictionary<string, object?> { ["cycleId"] = cycle, ["title"] = "Buurtbudget", ["budgetCents"] = 1_000_000, ["eligibility"] = eligibility })), HttpStatusCode.Created);
        if (open)
        {
            await Expect(await _admin.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/open-voting", new
            {
                projects = new[] { new { id = "bomen", title = "Bomen", costCents = 500_000 }, new { id = "bankjes", title = "Bankjes", costCents = 300_000 } },
                ballot = new { kind = "Approval", minProjects = 1, maxProjects = 2 },
                rule = new { kind = "Greedy" },
            })), HttpStatusCode.OK);
        }
        return cycle;
    }

    /// <summary>The whole code flow in a fresh browser, as <paramref name="account"/> with these neighbourhoods in its account.</summary>
    private async Task<HttpClient> SignedInAsync(string account, params string[] neighbourhoods)
    {
        await op.SetAsync(new { account, neighbourhoods });
        var browser = _app.Browser();
        using var atProvider = NodeOidcProvider.Browser();
        using var start = await browser.GetAsync($"/api/sign-in/{Provider}?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var next = start.Headers.Location!;
        for (var hop = 0; hop < 10 && next.GetLeftPart(UriPartial.Path) != NodeOidcProvider.RedirectUri.ToString(); hop++)
        {
            using var response = await atProvider.GetAsync(next);
            var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} at the provider: {op.Errors}");
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
        }
        using var callback = await browser.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        return browser;
    }

    private static HttpRequestMessage Ballot(string cycle, string key) =>
        WithKey(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/ballots", new { entries = new[] { new { projectId = "bomen", value = 1 } } }), key);

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<JsonElement> AssertRefused(HttpResponseMessage response, string title)
    {
        var problem = await Expect(response, HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        return problem;
    }

    /// <summary>Every ledger entry's payload, as text: what the database holds, raw.</summary>
    private async Task<List<string>> LedgerPayloadsAsync()
    {
        await using var command = _app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT payload FROM ledger_entries");
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<string>();
        while (await reader.ReadAsync())
        {
            payloads.Add(Encoding.UTF8.GetString((byte[])reader[0]));
        }
        return payloads;
    }

    [Fact]
    public async Task A_resident_whose_account_lists_the_neighbourhood_votes_and_the_ledger_never_holds_the_subject()
    {
        string cycle = await VotingCycleAsync(ByProvider);
        var resident = await SignedInAsync("tenant-7f3a9c", "noord", "oost");

        var cast = await Expect(await resident.SendAsync(Ballot(cycle, "first")), HttpStatusCode.Created);
        var mine = await Expect(await resident.GetAsync($"/api/neighbourhoods/oost/cycles/{cycle}/ballots/mine"), HttpStatusCode.OK);

        Assert.Equal(cast.GetProperty("receipt").GetString(), mine.GetProperty("receipt").GetString());
        Assert.False(cast.GetProperty("replacedEarlierBallot").GetBoolean());
        // A second sign-in of the same person is the same voter: a revote, not a second ballot.
        var again = await SignedInAsync("tenant-7f3a9c", "oost");
        Assert.True((await Expect(await again.SendAsync(Ballot(cycle, "second")), HttpStatusCode.Created)).GetProperty("replacedEarlierBallot").GetBoolean());
        var turnout = await Expect(await _app.Browser().GetAsync($"/api/neighbourhoods/oost/cycles/{cycle}"), HttpStatusCode.OK);
        Assert.Equal(1, turnout.GetProperty("turnout").GetInt32());
        var payloads = await LedgerPayloadsAsync();
        Assert.Contains(payloads, p => p.Contains("\"slot\"", StringComparison.Ordinal)); // the ballots are there…
        Assert.DoesNotContain(payloads, p => p.Contains("tenant-7f3a9c", StringComparison.Ordinal)); // …and the subject is not
    }

    [Fact]
    public async Task A_resident_takes_part_in_proposals_under_a_digest_of_the_account_never_the_subject()
    {
        string cycle = await VotingCycleAsync(ByProvider, open: false);
        await Expect(await _admin.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/phase", new { phase = "Ideas" })), HttpStatusCode.OK);
        var author = await SignedInAsync("tenant-5e21d0", "oost");
        var neighbour = await SignedInAsync("tenant-99b0aa", "oost");

        var proposal = await Expect(await author.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals",
            new { title = "Meer bomen", description = "Langs de singel", costCents = 250_000 })), HttpStatusCode.Created);
        string id = proposal.GetProperty("proposalId").GetString()!;
        var supported = await Expect(await neighbour.SendAsync(Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals/{id}/support")), HttpStatusCode.OK);
        await Expect(await neighbour.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals/{id}/pledges", new { text = "Ik help planten" })), HttpStatusCode.OK);
        await Expect(await neighbour.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals/{id}/comments", new { text = "Goed idee" })), HttpStatusCode.Created);

        Assert.True(proposal.GetProperty("mine").GetBoolean());
        Assert.Equal(1, supported.GetProperty("supporters").GetInt32());
        Assert.True(supported.GetProperty("supportedByMe").GetBoolean());
        Assert.False(supported.GetProperty("mine").GetBoolean());
        var payloads = await LedgerPayloadsAsync();
        Assert.Contains(payloads, p => p.Contains("person:", StringComparison.Ordinal));
        Assert.DoesNotContain(payloads, p => p.Contains("tenant-5e21d0", StringComparison.Ordinal) || p.Contains("tenant-99b0aa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_sees_which_cycles_it_may_take_part_in_and_what_is_its_own_on_public_pages()
    {
        string ours = await VotingCycleAsync(ByProvider, open: false);
        string byCodes = await VotingCycleAsync(eligibility: null, open: false);
        string notOurs = await VotingCycleAsync(new
        {
            residents = "IdentityProvider",
            provider = new { name = Provider, claim = "neighbourhoods", values = new[] { "west" } },
        }, open: false);
        string movedToCodes = await VotingCycleAsync(ByProvider, open: false);
        await Expect(await _admin.SendAsync(Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/{movedToCodes}/eligibility", new { residents = "VotingCodes" })),
            HttpStatusCode.OK);
        await Expect(await _admin.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{ours}/phase", new { phase = "Ideas" })), HttpStatusCode.OK);
        var author = await SignedInAsync("tenant-31c7e2", "oost");
        var proposal = await Expect(await author.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{ours}/proposals",
            new { title = "Bankjes", description = "Bij de speeltuin", costCents = 120_000 })), HttpStatusCode.Created);
        string id = proposal.GetProperty("proposalId").GetString()!;
        await Expect(await author.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{ours}/proposals/{id}/comments", new { text = "Wie helpt?" })),
            HttpStatusCode.Created);

        var me = await Expect(await author.GetAsync("/api/me"), HttpStatusCode.OK);
        var residences = me.GetProperty("residences").EnumerateArray().Select(r => r.GetProperty("cycleId").GetString()).ToList();
        // Public pages (no resident policy on them) still know whose proposal and comment these are.
        var details = await Expect(await author.GetAsync($"/api/neighbourhoods/oost/cycles/{ours}/proposals/{id}"), HttpStatusCode.OK);
        var comments = await Expect(await author.GetAsync($"/api/neighbourhoods/oost/cycles/{ours}/proposals/{id}/comments"), HttpStatusCode.OK);
        var stranger = await SignedInAsync("tenant-0b44f1", "noord");
        var theirView = await Expect(await stranger.GetAsync($"/api/neighbourhoods/oost/cycles/{ours}/proposals/{id}"), HttpStatusCode.OK);
        var theirMe = await Expect(await stranger.GetAsync("/api/me"), HttpStatusCode.OK);

        Assert.Contains(ours, residences);
        Assert.DoesNotContain(byCodes, residences);
        Assert.DoesNotContain(notOurs, residences);
        Assert.DoesNotContain(movedToCodes, residences);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("resident").ValueKind);
        Assert.True(details.GetProperty("mine").GetBoolean());
        Assert.True(comments[0].GetProperty("mine").GetBoolean());
        Assert.False(theirView.GetProperty("mine").GetBoolean());
        Assert.Empty(theirMe.GetProperty("residences").EnumerateArray());
    }

    [Fact]
    public async Task Someone_whose_account_does_not_list_the_neighbourhood_gets_a_403_that_says_why_at_every_resident_endpoint()
    {
        string cycle = await VotingCycleAsync(ByProvider);
        var elsewhere = await SignedInAsync("tenant-west", "west");
        var unlisted = await SignedInAsync("tenant-none");

        foreach (var browser in new[] { elsewhere, unlisted })
        {
            var problem = await AssertRefused(await browser.SendAsync(Ballot(cycle, "refused")), "Not a resident of this neighbourhood");
            Assert.Contains("Woonstichting Oost", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await AssertRefused(await browser.GetAsync($"/api/neighbourhoods/oost/cycles/{cycle}/ballots/mine"), "Not a resident of this neighbourhood");
            await AssertRefused(await browser.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals",
                new { title = "Iets", description = "Iets", costCents = 1000 })), "Not a resident of this neighbourhood");
            await AssertRefused(await browser.SendAsync(Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals/pnone/support")), "Not a resident of this neighbourhood");
            await AssertRefused(await browser.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{cycle}/proposals/pnone/comments", new { text = "Hoi" })),
                "Not a resident of this neighbourhood");
        }
        var turnout = await Expect(await _app.Browser().GetAsync($"/api/neighbourhoods/oost/cycles/{cycle}"), HttpStatusCode.OK);
        Assert.Equal(0, turnout.GetProperty("turnout").GetInt32());
    }

    [Fact]
    public async Task A_household_cannot_vote_twice_with_a_code_and_an_account_because_a_cycle_takes_residents_from_one_of_the_two()
    {
        // A provider cycle has no codes…
        string byProvider = await VotingCycleAsync(ByProvider);
        var codes = new StringContent("adres\nDorpsstraat 1\n", Encoding.UTF8, "text/csv");
        var refused = await Expect(await _admin.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{byProvider}/voting-codes", content: codes)), HttpStatusCode.Conflict);
        Assert.Contains("no voting codes", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // …and a code cycle refuses accounts, even one that lists the neighbourhood.
        string byCodes = await VotingCycleAsync(null);
        var account = await SignedInAsync("tenant-both", "oost");
        await AssertRefused(await account.SendAsync(Ballot(byCodes, "refused")), "Sign in with your voting code");
        // A cycle that already has codes cannot switch to the provider.
        string draft = await VotingCycleAsync(null, open: false);
        await Expect(await _admin.SendAsync(Write(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{draft}/voting-codes",
            content: new StringContent("adres\nDorpsstraat 1\n", Encoding.UTF8, "text/csv"))), HttpStatusCode.OK);
        var switching = await Expect(await _admin.SendAsync(Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/{draft}/eligibility", ByProvider)), HttpStatusCode.Conflict);
        Assert.Contains("never both", switching.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("VotingCodes", (await Expect(await _app.Browser().GetAsync($"/api/neighbourhoods/oost/cycles/{draft}/eligibility"), HttpStatusCode.OK))
            .GetProperty("residents").GetString());
    }

    [Fact]
    public async Task Who_may_take_part_is_frozen_when_voting_opens()
    {
        string draft = await VotingCycleAsync(null, open: false);
        await Expect(await _admin.SendAsync(Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/{draft}/eligibility", ByProvider)), HttpStatusCode.OK);
        string open = await VotingCycleAsync(ByProvider);

        var refused = await Expect(await _admin.SendAsync(Write(HttpMethod.Put, $"/api/neighbourhoods/oost/cycles/{open}/eligibility", new { residents = "VotingCodes" })),
            HttpStatusCode.Conflict);

        Assert.Contains("frozen", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var eligibility = await Expect(await _app.Browser().GetAsync($"/api/neighbourhoods/oost/cycles/{open}/eligibility"), HttpStatusCode.OK);
        Assert.Equal("IdentityProvider", eligibility.GetProperty("residents").GetString());
        Assert.Equal("IdentityProvider", (await Expect(await _app.Browser().GetAsync($"/api/neighbourhoods/oost/cycles/{draft}/eligibility"), HttpStatusCode.OK))
            .GetProperty("residents").GetString());
    }

    [Fact]
    public async Task Eligibility_naming_an_unknown_provider_or_a_claim_sessions_do_not_keep_is_refused_before_the_cycle_exists()
    {
        foreach (var (provider, claim, says) in new[] { ("bestaat-niet", "neighbourhoods", "no identity provider named"), (Provider, "groups", "ResidentClaims") })
        {
            var response = await _admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles", new
            {
                cycleId = "never", title = "Nooit", budgetCents = 1000,
                eligibility = new { residents = "IdentityProvider", provider = new { name = provider, claim, values = new[] { "oost" } } },
            }));

            var problem = await Expect(response, HttpStatusCode.BadRequest);
            Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost/cycles/never"), HttpStatusCode.NotFound);
    }
}
