using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using Buurtbudget.Testing;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// What deploy/nginx/buurtbudget.conf promises, checked through Debian's nginx in front of a real server node. Each
/// test plays its own client addresses (127.0.0.x), so the per-client rate limit of one never touches another.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class Running_behind_nginx(NginxInFrontOfANode site) : IClassFixture<NginxInFrontOfANode>
{
    private const string Hsts = "max-age=63072000; includeSubDomains";

    private static IPAddress Client(int last) => new([127, 0, 0, (byte)last]);

    private static string Api(string path = "") => $"/api/neighbourhoods/{NginxInFrontOfANode.Neighbourhood}{path}";

    /// <summary>A write as a browser on the site sends it: the anti-forgery header and its https:// origin.</summary>
    private HttpRequestMessage Write(string path, HttpContent content, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Buurtbudget-Request", "1");
        request.Headers.Add("Origin", site.Origin);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return request;
    }

    /// <summary>Sends in the client's HTTP version (a request message of its own would default to HTTP/1.1).</summary>
    private static Task<HttpResponseMessage> Send(HttpClient http, HttpRequestMessage request)
    {
        request.Version = http.DefaultRequestVersion;
        request.VersionPolicy = http.DefaultVersionPolicy;
        return http.SendAsync(request);
    }

    private Task<HttpResponseMessage> GuessAsync(HttpClient http, string? forwardedFor = null)
    {
        var request = Write(Api("/sign-in"), JsonContent.Create(new { code = "0000-0000-0000-0000" }));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return Send(http, request);
    }

    private static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {body}");
        return body;
    }

    /// <summary>Signs a household in through nginx and casts its ballot; returns the session cookie's Set-Cookie line.</summary>
    private async Task<string> SignInAndVoteAsync(HttpClient http, string code, string idempotencyKey)
    {
        using var signedIn = await Send(http, Write(Api("/sign-in"), JsonContent.Create(new { code })));
        await ExpectAsync(signedIn, HttpStatusCode.OK);
        string setCookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        var ballot = Write(Api($"/cycles/{NginxInFrontOfANode.Cycle}/ballots"),
            JsonContent.Create(new { entries = new[] { new { projectId = site.ProjectId, value = 1 } } }), setCookie.Split(';')[0]);
        ballot.Headers.Add("Idempotency-Key", idempotencyKey);
        using var cast = await Send(http, ballot);
        var receipt = JsonDocument.Parse(await ExpectAsync(cast, HttpStatusCode.Created)).RootElement;
        Assert.False(string.IsNullOrEmpty(receipt.GetProperty("receipt").GetString()));
        return setCookie;
    }

    [Fact]
    public void The_shipped_configuration_passes_nginx_t_without_a_warning()
    {
        Assert.Contains("test is successful", site.CheckOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("[warn]", site.CheckOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_redirected_permanently_to_the_same_address_over_https()
    {
        using var http = site.PlainHttp();

        using var response = await http.GetAsync(Api("/cycles/2026?x=1"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(new Uri($"https://localhost{Api("/cycles/2026?x=1")}"), response.Headers.Location);
    }

    [Fact]
    public async Task Every_https_answer_carries_hsts_the_api_the_front_end_and_nginx_own_problems()
    {
        using var http = site.Through(Client(10));
        using var api = await http.GetAsync(Api());
        using var asset = await http.GetAsync("/assets/app-3f2a1b9c.js");
        using var page = await http.GetAsync("/");
        using var health = await http.GetAsync("/health/ready");
        using var tooLarge = await Send(http, Write(Api("/sign-in"), new ByteArrayContent(new byte[2 * 1024 * 1024])));

        foreach (var response in new[] { api, asset, page, health, tooLarge })
        {
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), $"no HSTS on {response.RequestMessage?.RequestUri}");
            Assert.Equal(Hsts, Assert.Single(values));
        }
    }

    [Fact]
    public async Task Only_tls_1_2_and_1_3_with_forward_secret_aead_ciphers_are_accepted()
    {
        async Task<SslStream> Handshake(SslProtocols protocols, params TlsCipherSuite[] suites)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, site.HttpsPort);
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = protocols,
                CipherSuitesPolicy = suites.Length == 0 ? null : new CipherSuitesPolicy(suites),
                RemoteCertificateValidationCallback = (_, presented, _, _) => site.Tls.Trusts(presented),
            });
            return tls;
        }

        await using var current = await Handshake(SslProtocols.None);
        await using var older = await Handshake(SslProtocols.Tls12, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        var legacy = await Record.ExceptionAsync(() => Handshake(SslProtocols.Tls12,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA));

        Assert.Equal(SslProtocols.Tls13, current.SslProtocol);
        Assert.Equal(SslProtocols.Tls12, older.SslProtocol);
        Assert.IsType<AuthenticationException>(legacy);
    }

    [Fact]
    public async Task A_resident_signs_in_with_a_voting_code_and_casts_a_ballot_through_nginx_over_http2()
    {
        using var http = site.Through(Client(20), HttpVersion.Version20);

        string setCookie = await SignInAndVoteAsync(http, site.FreshCode(), "nginx-http2-1");
        using var mine = new HttpRequestMessage(HttpMethod.Get, Api($"/cycles/{NginxInFrontOfANode.Cycle}/ballots/mine"));
        mine.Headers.Add("Cookie", setCookie.Split(';')[0]);
        using var myBallot = await Send(http, mine);

        Assert.Equal(HttpVersion.Version20, myBallot.Version);
        Assert.Contains(site.ProjectId, await ExpectAsync(myBallot, HttpStatusCode.OK), StringComparison.Ordinal);
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.StartsWith("__Host-", attributes[0], StringComparison.Ordinal);
        Assert.Contains(attributes, a => a.Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(attributes, a => a.Equals("path=/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_rate_limit_counts_each_client_nginx_forwards_and_a_forwarded_for_header_from_the_client_changes_nothing()
    {
        using var guesser = site.Through(Client(30));
        using var neighbour = site.Through(Client(31));

        for (int attempt = 1; attempt <= NginxInFrontOfANode.CodeAttemptsPerClient; attempt++)
        {
            await ExpectAsync(await GuessAsync(guesser, forwardedFor: $"198.51.100.{attempt}"), HttpStatusCode.Unauthorized);
        }
        using var limited = await GuessAsync(guesser, forwardedFor: "198.51.100.99");
        using var other = await GuessAsync(neighbour);

        await ExpectAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // nginx connects to the node from 127.0.0.1 for both: only X-Forwarded-For tells them apart.
        await ExpectAsync(other, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_that_goes_around_nginx_cannot_choose_its_address_with_x_forwarded_for()
    {
        using var around = site.Around(Client(40));

        for (int attempt = 1; attempt <= NginxInFrontOfANode.CodeAttemptsPerClient; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Api("/sign-in")) { Content = JsonContent.Create(new { code = "0000-0000-0000-0000" }) };
            request.Headers.Add("X-Buurtbudget-Request", "1");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt}");
            await ExpectAsync(await Send(around, request), HttpStatusCode.Unauthorized);
        }
        var last = new HttpRequestMessage(HttpMethod.Post, Api("/sign-in")) { Content = JsonContent.Create(new { code = "0000-0000-0000-0000" }) };
        last.Headers.Add("X-Buurtbudget-Request", "1");
        last.Headers.Add("X-Forwarded-For", "203.0.113.99");

        await ExpectAsync(await Send(around, last), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_live_results_hub_connects_through_nginx_over_websockets_and_receives_the_update_after_a_ballot()
    {
        await using var watcher = NodeLiveClient.Start(site.Origin, NginxInFrontOfANode.Neighbourhood, NginxInFrontOfANode.Cycle, site.Origin,
            new Dictionary<string, string> { ["NODE_EXTRA_CA_CERTS"] = site.Tls.CertificatePath, ["BUURTBUDGET_LIVE_TRANSPORT"] = "websockets" });
        var first = await watcher.NextAsync(m => m.GetProperty("type").GetString() is "update" or "refused");
        Assert.True(first.GetProperty("type").GetString() == "update", first.ToString());
        int before = first.GetProperty("update").GetProperty("turnout").GetInt32();

        using var http = site.Through(Client(50));
        await SignInAndVoteAsync(http, site.FreshCode(), "nginx-live-1");

        var after = await watcher.NextAsync(m => m.GetProperty("type").GetString() == "update"
            && m.GetProperty("update").GetProperty("turnout").GetInt32() > before);
        // The client allows WebSockets only (no fallback), so an update at all means the upgrade went through nginx.
        Assert.Equal(before + 1, after.GetProperty("update").GetProperty("turnout").GetInt32());
    }

    [Fact]
    public async Task Request_bodies_up_to_the_servers_limits_pass_and_larger_ones_get_a_problem_from_nginx()
    {
        using var http = site.Through(Client(60));
        string codes = Api($"/cycles/{NginxInFrontOfANode.Cycle}/voting-codes");
        static HttpContent Csv(int bytes) => new ByteArrayContent(Encoding.UTF8.GetBytes("adres\n" + new string('x', bytes)))
        {
            Headers = { ContentType = new("text/csv") },
        };

        using var twoMegabyteList = await Send(http, Write(codes, Csv(2 * 1024 * 1024)));
        using var nineMegabyteList = await Send(http, Write(codes, Csv(9 * 1024 * 1024)));
        using var twoMegabyteJson = await Send(http, Write(Api("/sign-in"), new StringContent(new string(' ', 2 * 1024 * 1024), Encoding.UTF8, "application/json")));

        // The list reached the server, which asks for a staff sign-in; the larger bodies never left nginx.
        Assert.Contains("Sign in first", await ExpectAsync(twoMegabyteList, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        foreach (var tooLarge in new[] { nineMegabyteList, twoMegabyteJson })
        {
            var problem = JsonDocument.Parse(await ExpectAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge)).RootElement;
            Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
            Assert.Contains("8 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hashed_assets_are_immutable_and_the_page_is_revalidated_on_every_visit()
    {
        using var http = site.Through(Client(70));

        using var asset = await http.GetAsync("/assets/app-3f2a1b9c.js");
        using var missingAsset = await http.GetAsync("/assets/app-00000000.js");
        using var page = await http.GetAsync("/");
        using var routedByTheFrontEnd = await http.GetAsync("/buurt/demo");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missingAsset.StatusCode);
        foreach (var html in new[] { page, routedByTheFrontEnd })
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-cache", html.Headers.CacheControl?.ToString());
            Assert.Contains("frame-ancestors 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_health_checks_answer_through_nginx()
    {
        using var http = site.Through(Client(80));

        using var ready = await http.GetAsync("/health/ready");
        using var live = await http.GetAsync("/health/live");

        Assert.Contains("ready", await ExpectAsync(ready, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Contains("live", await ExpectAsync(live, HttpStatusCode.OK), StringComparison.Ordinal);
    }
}
