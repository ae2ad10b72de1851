using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// Sessions live on the server (ASVS 7.3, 7.4): sign-out ends them for good, they time out when idle and at their
/// absolute lifetime on the server's injected clock, and every node stops honouring an ended session.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Sessions_on_the_server(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Cycle = "2026";
    private const string Administration = "/api/neighbourhoods/oost/cycles/2026/administration";
    private const string MyBallot = "/api/neighbourhoods/oost/cycles/2026/ballots/mine";
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private PostgresDatabase _database = null!;
    private BuurtbudgetApp _app = null!;
    private string _code = "";

    public async Task InitializeAsync()
    {
        _database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("sessions"));
        _app = App(_database, _data.Path, web =>
        {
            web.UseSetting("Buurtbudget:Sessions:IdleTimeout", "00:30:00");
            web.UseSetting("Buurtbudget:Sessions:AbsoluteLifetime", "02:00:00");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        _code = await SetUpAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private static BuurtbudgetApp App(PostgresDatabase database, string data, Action<IWebHostBuilder> configure) => new(database, data, configure: configure);

    /// <summary>Ymere with moderator <c>moritz</c>, and a cycle of <c>oost</c> open for voting; returns a household's code.</summary>
    private static async Task<string> SetUpAsync(BuurtbudgetApp app)
    {
        await app.RegisterYmereAsync("moritz");
        var oost = app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Leefbaarheidsbudget 2026", 1_000_000));
        await oost.OpenVotingAsync(new OpenVoting(Cycle, [new("bomen", "Trees", 500_000)],
            new BallotDescription(BallotKind.Approval, 1, 1), new RuleChoice(RuleKind.Greedy), RevotePolicy.LastBallotCounts, Eligibility.Census));
        return (await app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes(Cycle, ["Dorpsstraat 1"]))).Codes[0].Code;
    }

    private static async Task<(HttpClient Browser, string Cookie)> ResidentAsync(BuurtbudgetApp app, string code)
    {
        var browser = app.Browser();
        var response = await browser.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code }));
        await Expect(response, HttpStatusCode.OK);
        return (browser, SessionCookie(response));
    }

    private static async Task<(HttpClient Browser, string Cookie)> StaffAsync(BuurtbudgetApp app, string subject)
    {
        var browser = app.Browser();
        var response = await browser.GetAsync($"{BuurtbudgetApp.StaffSignInPath}?issuer={Uri.EscapeDataString(Issuer)}&subject={subject}");
        response.EnsureSuccessStatusCode();
        return (browser, SessionCookie(response));
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-buurtbudget=", StringComparison.Ordinal));

    /// <summary>What someone who copied the cookie (from a shared computer, a backup, a log) would send.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(BuurtbudgetApp app, string cookie, string path)
    {
        using var stranger = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await stranger.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_replaying_the_old_cookie_gets_401()
    {
        var (resident, residentCookie) = await ResidentAsync(_app, _code);
        var (moderator, moderatorCookie) = await StaffAsync(_app, "moritz");
        Assert.Equal(HttpStatusCode.NotFound, await ReplayAsync(_app, residentCookie, MyBallot)); // signed in: no ballot yet
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(_app, moderatorCookie, Administration));

        await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/sign-out")), HttpStatusCode.NoContent);
        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, "/api/sign-out")), HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(_app, residentCookie, MyBallot));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(_app, moderatorCookie, Administration));
    }

    [Fact]
    public async Task A_session_unused_for_longer_than_the_idle_timeout_ends_and_using_it_keeps_it_alive()
    {
        var (resident, _) = await ResidentAsync(_app, _code);

        _clock.Advance(TimeSpan.FromMinutes(25));
        await Expect(await resident.GetAsync(MyBallot), HttpStatusCode.NotFound);
        _clock.Advance(TimeSpan.FromMinutes(25)); // 50 minutes after sign-in, 25 after the last use
        await Expect(await resident.GetAsync(MyBallot), HttpStatusCode.NotFound);
        _clock.Advance(TimeSpan.FromMinutes(31));

        var problem = await Expect(await resident.GetAsync(MyBallot), HttpStatusCode.Unauthorized);
        Assert.Equal("Sign in first", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_busy_it_is()
    {
        var (moderator, _) = await StaffAsync(_app, "moritz");
        for (int minutes = 25; minutes < 120; minutes += 25)
        {
            _clock.Advance(TimeSpan.FromMinutes(25));
            await Expect(await moderator.GetAsync(Administration), HttpStatusCode.OK);
        }

        _clock.Advance(TimeSpan.FromMinutes(25)); // 125 minutes after sign-in, never idle for more than 25

        await Expect(await moderator.GetAsync(Administration), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_moderator_whose_grant_is_revoked_loses_access_on_the_next_request()
    {
        var (moderator, _) = await StaffAsync(_app, "moritz");
        var (administrator, _) = await StaffAsync(_app, "anna");
        await Expect(await moderator.GetAsync(Administration), HttpStatusCode.OK);

        await Expect(await administrator.SendAsync(Write(HttpMethod.Delete, $"/api/corporations/ymere/staff?issuer={Uri.EscapeDataString(Issuer)}&subject=moritz&role=Moderator")),
            HttpStatusCode.OK);

        await Expect(await moderator.GetAsync(Administration), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_that_person_and_no_one_elses()
    {
        var (laptop, _) = await StaffAsync(_app, "moritz");
        var (_, phoneCookie) = await StaffAsync(_app, "moritz");
        var (administrator, _) = await StaffAsync(_app, "anna");
        var (resident, _) = await ResidentAsync(_app, _code);

        var ended = await Expect(await laptop.SendAsync(Write(HttpMethod.Post, "/api/sign-out/everywhere")), HttpStatusCode.OK);

        Assert.Equal(2, ended.GetProperty("ended").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(_app, phoneCookie, Administration));
        await Expect(await laptop.GetAsync(Administration), HttpStatusCode.Unauthorized);
        await Expect(await administrator.GetAsync(Administration), HttpStatusCode.OK);
        await Expect(await resident.GetAsync(MyBallot), HttpStatusCode.NotFound);
        // A voting code is no account: its session ends with sign-out or with the code.
        await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/sign-out/everywhere")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_database_holds_only_a_digest_of_the_session_id_and_no_subject()
    {
        var (_, cookie) = await StaffAsync(_app, "moritz");
        var ticket = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get("buurtbudget")
            .TicketDataFormat.Unprotect(Uri.UnescapeDataString(cookie["__Host-buurtbudget=".Length..]))!;
        var id = Convert.FromBase64String(ticket.Principal.FindFirstValue("session")!.Replace('-', '+').Replace('_', '/') + "=");

        var rows = new List<(byte[] Digest, byte[]? Holder)>();
        await using (var command = _app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT id_digest, holder FROM sessions"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(((byte[])reader[0], reader.IsDBNull(1) ? null : (byte[])reader[1]));
            }
        }

        Assert.Equal(32, id.Length);
        Assert.Contains(rows, r => r.Digest.AsSpan().SequenceEqual(SHA256.HashData(id)));
        Assert.DoesNotContain(rows, r => r.Digest.AsSpan().SequenceEqual(id));
        Assert.All(rows, r => Assert.False(r.Holder is not null && System.Text.Encoding.UTF8.GetString(r.Holder).Contains("moritz", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Session_settings_are_checked_at_start_up_with_a_message_naming_the_setting()
    {
        using var data = new TempDirectory();
        await using var app = App(_database, data.Path, web =>
        {
            web.UseSetting("Buurtbudget:Sessions:IdleTimeout", "00:00:10");
            web.UseSetting("Buurtbudget:Sessions:CacheFor", "00:10:00");
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();

        Assert.Contains("Buurtbudget:Sessions:IdleTimeout must be between", error, StringComparison.Ordinal);
        Assert.Contains("Buurtbudget:Sessions:CacheFor must be between", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_signed_out_on_one_node_is_refused_by_the_other_node_at_once()
    {
        // Two nodes of one installation: one database, one secret, one key ring (so each reads the other's cookies).
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("sessions_nodes"));
        using var shared = new TempDirectory();
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        void Node(IWebHostBuilder web)
        {
            web.UseSetting("Buurtbudget:Secret", secret);
            // Without the message, node B would honour the session for another minute.
            web.UseSetting("Buurtbudget:Sessions:CacheFor", "00:01:00");
        }
        await using var nodeA = App(database, shared.Path, Node);
        await using var nodeB = App(database, shared.Path, Node);
        string code = await SetUpAsync(nodeA);
        await nodeB.Services.GetRequiredService<Live.PostgresOtherNodes>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var (moderator, cookie) = await StaffAsync(nodeA, "moritz");
        var (resident, residentCookie) = await ResidentAsync(nodeA, code);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(nodeB, cookie, Administration));
        Assert.Equal(HttpStatusCode.NotFound, await ReplayAsync(nodeB, residentCookie, MyBallot));
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int notices = 0;
        nodeB.Services.GetRequiredService<Sessions.SessionGuard>().HeardFromOtherNode += _ =>
        {
            if (Interlocked.Increment(ref notices) == 3) // everywhere: the person, then this browser's session; the resident's sign-out
            {
                heard.TrySetResult();
            }
        };

        await Expect(await moderator.SendAsync(Write(HttpMethod.Post, "/api/sign-out/everywhere")), HttpStatusCode.OK);
        await Expect(await resident.SendAsync(Write(HttpMethod.Post, "/api/sign-out")), HttpStatusCode.NoContent);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(nodeB, cookie, Administration));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(nodeB, residentCookie, MyBallot));
    }
}
