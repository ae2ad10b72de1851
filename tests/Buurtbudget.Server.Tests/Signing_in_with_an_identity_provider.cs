using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// OpenID Connect sign-in against a real OpenID Provider (oidc-provider under Node). The test plays the browser: the
/// app's client (cookies kept) talks to the app, a second client (cookies kept) talks to the provider, and every
/// redirect is followed by hand. Token-level attacks are produced by the provider itself (its tamper step re-signs
/// with its own key), so each would end signed in if the check it targets were missing.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Signing_in_with_an_identity_provider(PostgresCluster cluster, IdentityProviderSignInFixture shared)
    : IClassFixture<IdentityProviderSignInFixture>, IAsyncLifetime
{
    private const string Provider = NodeOidcProvider.ProviderName;
    private const string Unreachable = "onbereikbaar";
    private readonly NodeOidcProvider op = shared.Provider;
    private readonly CapturedLogs _logs = shared.Logs;
    private BuurtbudgetApp _app = null!;
    private HttpClient _atProvider = null!;

    public async Task InitializeAsync()
    {
        await op.ResetAsync();
        _app = await shared.AppAsync(cluster, web => IdentityProvider(web, op.Issuer));
        _atProvider = NodeOidcProvider.Browser(); // a fresh provider session for every test
    }

    public Task DisposeAsync()
    {
        _atProvider.Dispose();
        return Task.CompletedTask;
    }

    private static void IdentityProvider(IWebHostBuilder web, string authority, string clientId = NodeOidcProvider.ClientId)
    {
        var key = $"Buurtbudget:IdentityProviders:{Provider}";
        web.UseSetting($"{key}:Authority", authority);
        web.UseSetting($"{key}:ClientId", clientId);
        web.UseSetting($"{key}:ClientSecret", NodeOidcProvider.ClientSecret);
        web.UseSetting($"{key}:DisplayName", "Woonstichting Oost");
        var staff = $"Buurtbudget:IdentityProviders:{NodeOidcProvider.PublicProviderName}";
        web.UseSetting($"{staff}:Authority", authority);
        web.UseSetting($"{staff}:ClientId", NodeOidcProvider.PublicClientId);
        web.UseSetting($"{staff}:DisplayName", "Medewerkers");
        // Nothing listens on port 1: a provider that is down.
        web.UseSetting($"Buurtbudget:IdentityProviders:{Unreachable}:Authority", "http://127.0.0.1:1");
        web.UseSetting($"Buurtbudget:IdentityProviders:{Unreachable}:ClientId", "buurtbudget");
    }

    // ---- the browser's walk ----

    private static Task<HttpResponseMessage> StartAsync(HttpClient browser, string returnUrl = "/neighbourhoods/oost", string provider = Provider) =>
        browser.GetAsync($"/api/sign-in/{provider}?returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>At the provider: follows its redirects (login and consent are programmatic) until it sends the browser back to the app.</summary>
    private async Task<Uri> AtProviderAsync(Uri authorize)
    {
        var next = authorize;
        for (var hop = 0; hop < 10; hop++)
        {
            using var response = await _atProvider.GetAsync(next);
            var location = response.Headers.Location ?? throw new InvalidOperationException(
                $"The provider answered {(int)response.StatusCode} without a redirect: {await response.Content.ReadAsStringAsync()} {op.Errors}");
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
            if (next.GetLeftPart(UriPartial.Path) is var path && (path == NodeOidcProvider.RedirectUri.ToString() || path == NodeOidcProvider.PublicRedirectUri.ToString()))
            {
                return next;
            }
        }
        throw new InvalidOperationException("The provider never sent the browser back to the app.");
    }

    /// <summary>The whole flow in one browser; returns the app's answer to the callback.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string returnUrl = "/neighbourhoods/oost", string provider = Provider)
    {
        using var start = await StartAsync(browser, returnUrl, provider);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return await browser.GetAsync(await AtProviderAsync(start.Headers.Location!));
    }

    private static async Task<JsonElement> Me(HttpClient browser) => await browser.GetFromJsonAsync<JsonElement>("/api/me");

    /// <summary>Who /api/me says this browser is, as a person known by issuer and subject (its <c>staff</c> part).</summary>
    private static async Task<JsonElement> Person(HttpClient browser)
    {
        var me = await Me(browser);
        Assert.True(me.GetProperty("signedIn").GetBoolean(), me.ToString());
        return me.GetProperty("staff");
    }

    private static async Task AssertSignedOut(HttpClient browser) => Assert.False((await Me(browser)).GetProperty("signedIn").GetBoolean());

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>A flow whose ID token the provider changes on the way out: refused with 401, and nobody is signed in.</summary>
    private async Task<JsonElement> AssertTamperedTokenRefused(string tamper, string reason)
    {
        await op.SetAsync(new { tamper });
        var browser = _app.Browser();
        using var callback = await SignInAsync(browser);
        var problem = await AssertProblem(callback, HttpStatusCode.Unauthorized, "The sign-in could not be verified");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains(reason, StringComparison.Ordinal), $"'{reason}' not in '{detail}'; logged: {string.Join('\n', _logs.Lines.Where(l => l.Contains("refused", StringComparison.Ordinal)))}");
        await AssertSignedOut(browser);
        return problem;
    }

    // ---- the happy path ----

    [Fact]
    public async Task The_sign_in_page_can_list_the_configured_providers()
    {
        var providers = await _app.Browser().GetFromJsonAsync<JsonElement>("/api/identity-providers");

        Assert.Equal(
            [(Provider, "Woonstichting Oost"), (Unreachable, Unreachable), (NodeOidcProvider.PublicProviderName, "Medewerkers")],
            providers.EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("displayName").GetString())));
    }

    [Fact]
    public async Task A_public_client_without_a_secret_signs_in_with_PKCE_alone()
    {
        var browser = _app.Browser();

        using var callback = await SignInAsync(browser, "/", NodeOidcProvider.PublicProviderName);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var me = await Person(browser);
        Assert.Equal(op.Issuer, me.GetProperty("issuer").GetString());
        Assert.Equal("resident-1", me.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_callback_for_one_provider_cannot_finish_a_flow_started_with_another()
    {
        var browser = _app.Browser();
        using var start = await StartAsync(browser, "/", NodeOidcProvider.PublicProviderName);
        var callback = await AtProviderAsync(start.Headers.Location!);
        var elsewhere = new Uri(NodeOidcProvider.RedirectUri, callback.Query);

        using var response = await browser.GetAsync(elsewhere);

        await AssertProblem(response, HttpStatusCode.BadRequest, "Sign-in mixed up");
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task Signing_in_ends_with_a_session_that_knows_the_issuer_and_subject()
    {
        var browser = _app.Browser();
        await AssertSignedOut(browser);

        using var callback = await SignInAsync(browser, "/neighbourhoods/oost?tab=vote");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal("text/html", callback.Content.Headers.ContentType?.MediaType);
        Assert.Contains("""<meta http-equiv="refresh" content="0;url=/neighbourhoods/oost?tab=vote">""",
            await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var me = await Person(browser);
        Assert.Equal(op.Issuer, me.GetProperty("issuer").GetString());
        Assert.Equal("resident-1", me.GetProperty("subject").GetString());
        Assert.Equal("Resident resident-1", me.GetProperty("name").GetString());
        Assert.Empty(me.GetProperty("grants").EnumerateArray()); // roles come from the register, never from the provider
        // The session is the ordinary session cookie, issued by the callback.
        Assert.Contains(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-buurtbudget=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_authorization_request_carries_fresh_state_nonce_and_an_S256_challenge_bound_to_a_host_cookie()
    {
        var browser = _app.Browser();
        using var first = await StartAsync(browser);
        using var second = await StartAsync(browser);

        var a = QueryHelpers.ParseQuery(first.Headers.Location!.Query);
        var b = QueryHelpers.ParseQuery(second.Headers.Location!.Query);
        Assert.StartsWith(op.Issuer + "/", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("code", a["response_type"]);
        Assert.Equal(NodeOidcProvider.ClientId, a["client_id"]);
        Assert.Equal(NodeOidcProvider.RedirectUri.ToString(), a["redirect_uri"]);
        Assert.Equal("openid profile email", a["scope"]);
        Assert.Equal("S256", a["code_challenge_method"]);
        foreach (var name in new[] { "state", "nonce", "code_challenge" })
        {
            Assert.True(a[name].ToString().Length >= 43, $"{name} should carry 256 bits");
            Assert.NotEqual(a[name], b[name]);
        }
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-buurtbudget-oidc=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("; path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        Assert.Contains("expires=", cookie, StringComparison.Ordinal);
    }

    // ---- refused: the ID token ----

    [Fact]
    public Task An_id_token_from_another_issuer_is_refused() => AssertTamperedTokenRefused("wrong-issuer", "not issued by Woonstichting Oost");

    [Fact]
    public Task An_id_token_for_another_client_is_refused() => AssertTamperedTokenRefused("wrong-audience", "issued to another application");

    [Fact]
    public Task An_id_token_for_several_audiences_without_our_azp_is_refused() => AssertTamperedTokenRefused("extra-audience", "issued to another application");

    [Fact]
    public Task An_expired_id_token_is_refused() => AssertTamperedTokenRefused("expired", "expired");

    [Fact]
    public Task An_id_token_issued_in_the_future_is_refused() => AssertTamperedTokenRefused("issued-in-the-future", "in the future");

    [Fact]
    public Task An_unsigned_id_token_with_alg_none_is_refused() => AssertTamperedTokenRefused("alg-none", "signature could not be verified");

    [Fact]
    public Task An_id_token_signed_with_the_client_secret_HS256_is_refused() => AssertTamperedTokenRefused("hs256-client-secret", "signature could not be verified");

    [Fact]
    public async Task An_id_token_signed_with_an_unknown_key_is_refused_after_one_fresh_look_at_the_providers_keys()
    {
        using var before = await _app.Browser().GetAsync($"/api/sign-in/{Provider}"); // discovery and JWKS are now cached
        var downloads = await op.JwksRequestsAsync();

        await AssertTamperedTokenRefused("unknown-key", "signature could not be verified");

        // The unknown key id made the app fetch the JWKS again before answering (the provider might have rotated its
        // keys); the cache may catch up with one more download in the background, and that is all.
        Assert.InRange(await op.JwksRequestsAsync(), downloads + 1, downloads + 2);
    }

    [Fact]
    public async Task After_the_provider_rotates_its_signing_key_the_first_sign_in_with_the_new_key_works()
    {
        // On the staff provider: the unknown-key test spends the other one's allowance for fetching keys past the cache.
        const string staff = NodeOidcProvider.PublicProviderName;
        using var before = await _app.Browser().GetAsync($"/api/sign-in/{staff}"); // the old JWKS is now cached
        await op.SetAsync(new { tamper = "rotated" });
        var browser = _app.Browser();

        using var callback = await SignInAsync(browser, "/", staff);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal("resident-1", (await Person(browser)).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task An_id_token_from_an_earlier_sign_in_is_refused_by_its_nonce()
    {
        using var earlier = await SignInAsync(_app.Browser());
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);

        // The provider now answers the next code exchange with the earlier flow's (validly signed, unexpired) ID token.
        await AssertTamperedTokenRefused("replay", "nonce");
    }

    // ---- refused: the flow ----

    [Fact]
    public async Task A_callback_whose_state_does_not_match_this_browsers_flow_is_refused()
    {
        var browser = _app.Browser();
        using var start = await StartAsync(browser);
        var callback = await AtProviderAsync(start.Headers.Location!);
        var query = QueryHelpers.ParseQuery(callback.Query);
        var forged = QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
        {
            ["code"] = query["code"],
            ["state"] = "another-flows-state-" + query["state"].ToString()[..10],
            ["iss"] = query["iss"],
        });

        using var response = await browser.GetAsync(forged);

        await AssertProblem(response, HttpStatusCode.BadRequest, "Sign-in does not match");
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_callback_that_names_another_issuer_is_refused_as_a_mix_up()
    {
        // RFC 9207: the provider says who answered; an answer relayed from another provider must not be redeemed here.
        var browser = _app.Browser();
        using var start = await StartAsync(browser);
        var callback = await AtProviderAsync(start.Headers.Location!);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(op.Issuer, query["iss"]);
        var relayed = QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
        {
            ["code"] = query["code"],
            ["state"] = query["state"],
            ["iss"] = "https://login.another-provider.test",
        });

        using var response = await browser.GetAsync(relayed);

        await AssertProblem(response, HttpStatusCode.BadRequest, "Sign-in mixed up");
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_flow_left_for_more_than_10_minutes_is_refused()
    {
        var clock = new ShiftedClock(TimeSpan.Zero);
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("oidc_slow"));
        using var data = new TempDirectory();
        await using var app = new BuurtbudgetApp(database, data.Path, configure: web =>
        {
            IdentityProvider(web, op.Issuer);
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var browser = app.Browser();
        using var start = await StartAsync(browser);
        var callback = await AtProviderAsync(start.Headers.Location!);

        clock.Shift = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1); // the ID token (an hour) is still fresh; the flow is not

        using var response = await browser.GetAsync(callback);
        await AssertProblem(response, HttpStatusCode.BadRequest, "Sign-in expired");
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_code_exchange_without_the_PKCE_verifier_is_refused_by_the_provider_and_explained()
    {
        await op.SetAsync(new { tamper = "drop-code-verifier" });
        var browser = _app.Browser();

        using var callback = await SignInAsync(browser);

        var problem = await AssertProblem(callback, HttpStatusCode.Unauthorized, "Woonstichting Oost refused the sign-in");
        Assert.Contains("invalid_grant", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_refused_before_anything_starts()
    {
        var browser = _app.Browser();
        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/path", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "/\t/evil.example", "evil" })
        {
            using var response = await StartAsync(browser, returnUrl);
            await AssertProblem(response, HttpStatusCode.BadRequest, "Return address not allowed");
            Assert.Null(response.Headers.Location);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"no flow should start for {returnUrl}");
        }
    }

    [Fact]
    public async Task A_refusal_at_the_provider_comes_back_as_a_problem_that_says_so()
    {
        await op.SetAsync(new { deny = true });
        var browser = _app.Browser();

        using var callback = await SignInAsync(browser);

        await AssertProblem(callback, HttpStatusCode.Unauthorized, "Sign-in cancelled");
        await AssertSignedOut(browser);
    }

    [Fact]
    public async Task A_callback_cannot_be_used_twice_not_even_with_a_copy_of_the_flow_cookie()
    {
        var browser = _app.Browser();
        using var start = await StartAsync(browser);
        var flowCookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-buurtbudget-oidc=", StringComparison.Ordinal)).Split(';')[0];
        var callback = await AtProviderAsync(start.Headers.Location!);
        using var first = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-buurtbudget-oidc=;", StringComparison.Ordinal)); // deleted
        var exchanges = await op.TokenRequestsAsync();

        using var again = await browser.GetAsync(callback);
        await AssertProblem(again, HttpStatusCode.BadRequest, "Sign-in expired");

        using var attacker = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        using var replay = new HttpRequestMessage(HttpMethod.Get, callback);
        replay.Headers.Add("Cookie", flowCookie);
        using var replayed = await attacker.SendAsync(replay);
        await AssertProblem(replayed, HttpStatusCode.BadRequest, "Sign-in already used");
        Assert.Equal(exchanges, await op.TokenRequestsAsync()); // refused before the code went anywhere
    }

    [Fact]
    public async Task A_callback_opened_in_a_browser_that_did_not_start_the_flow_is_refused()
    {
        // Login CSRF: an attacker finishes a flow at the provider and lures someone else's browser to the callback.
        using var start = await StartAsync(_app.Browser("10.0.0.66"));
        var callback = await AtProviderAsync(start.Headers.Location!);
        var victim = _app.Browser();

        using var response = await victim.GetAsync(callback);

        await AssertProblem(response, HttpStatusCode.BadRequest, "Sign-in expired");
        await AssertSignedOut(victim);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_404_problem()
    {
        using var response = await _app.Browser().GetAsync("/api/sign-in/nobody?returnUrl=/");
        await AssertProblem(response, HttpStatusCode.NotFound, "No such identity provider");
    }

    // ---- operations ----

    [Fact]
    public async Task A_provider_that_cannot_be_reached_is_a_503_problem_with_retry_after()
    {
        using var response = await _app.Browser().GetAsync($"/api/sign-in/{Unreachable}?returnUrl=/");

        await AssertProblem(response, HttpStatusCode.ServiceUnavailable, $"{Unreachable} cannot be reached");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Logs_tell_what_happened_without_codes_tokens_or_subjects()
    {
        var browser = _app.Browser();
        using var start = await StartAsync(browser);
        var callback = await AtProviderAsync(start.Headers.Location!);
        using var signedIn = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        await op.SetAsync(new { tamper = "expired" });
        using var refused = await SignInAsync(_app.Browser());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var lines = _logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains($"Signed in through identity provider {Provider}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Sign-in through identity provider {Provider} refused (401): id token lifetime", StringComparison.Ordinal));
        var query = QueryHelpers.ParseQuery(callback.Query);
        foreach (var secret in new[] { query["code"].ToString(), query["state"].ToString(), "eyJ", "resident-1" })
        {
            Assert.False(lines.Any(l => l.Contains(secret, StringComparison.Ordinal)),
                string.Join('\n', lines.Where(l => l.Contains(secret, StringComparison.Ordinal))));
        }
    }

    [Fact]
    public async Task ID_token_times_are_checked_against_the_servers_injected_clock()
    {
        // The same provider and tokens, but this server's clock (its TimeProvider) runs 2 hours ahead: to it, the
        // fresh ID token (valid for an hour) has expired.
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("oidc_clock"));
        using var data = new TempDirectory();
        await using var ahead = new BuurtbudgetApp(database, data.Path, configure: web =>
        {
            IdentityProvider(web, op.Issuer);
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromHours(2))));
        });
        var browser = ahead.Browser();
        using var start = await StartAsync(browser);
        var callback = await AtProviderAsync(start.Headers.Location!);

        using var response = await browser.GetAsync(callback);

        var problem = await AssertProblem(response, HttpStatusCode.Unauthorized, "The sign-in could not be verified");
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The system clock moved by <see cref="Shift"/>: the server's own idea of now, and nothing else.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public TimeSpan Shift { get; set; } = shift;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    [Fact]
    public async Task A_wrong_provider_configuration_stops_the_server_at_start_up_with_a_message_naming_the_setting()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("oidc_bad"));
        using var data = new TempDirectory();
        await using var app = new BuurtbudgetApp(database, data.Path, configure: web => IdentityProvider(web, "http://login.example.org/realms/residents", clientId: ""));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();

        Assert.Contains($"Buurtbudget:IdentityProviders:{Provider}:Authority must use https", error, StringComparison.Ordinal);
        Assert.Contains($"Buurtbudget:IdentityProviders:{Provider}:ClientId is empty", error, StringComparison.Ordinal);
    }
}
