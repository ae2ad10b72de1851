using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// Every endpoint × every kind of user, each request aimed at corporation <c>ymere</c>, neighbourhood <c>oost</c>,
/// cycle <c>2026</c>. Users "elsewhere" hold the same role in another corporation or another neighbourhood: they
/// must get nothing here. A new endpoint fails this test until it is added to the table.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Authorization_matrix(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Issuer = "https://login.ymere.test";
    private const string OtherIssuer = "https://login.eigen-haard.test";

    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private readonly Dictionary<string, HttpClient> _users = [];

    /// <summary>Who may use each endpoint; <c>null</c> means everyone (a public endpoint).</summary>
    private static readonly (string Method, string Route, string[]? Allowed)[] Table =
    [
        ("GET", "/health/live", null),
        ("GET", "/health/ready", null),
        ("GET", "/openapi/{documentName}.json", null),
        ("GET", "/api/me", null),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/sign-in", null),
        ("POST", "/api/sign-out", null),
        ("GET", "/api/identity-providers", null),
        ("GET", "/api/sign-in/{provider}", null),
        ("GET", "/api/sign-in/{provider}/callback", null),
        ("GET", "/api/site", null),
        ("GET", "/api/neighbourhoods", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/results", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/results.pb", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/results/mine", ["resident"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/results.csv", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/published-ballots", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/receipts/{position:long}", null),
        ("*", "/hubs/live-results/negotiate", null),
        ("*", "/hubs/live-results", null),
        ("GET", "/api/corporations", ["operator"]),
        ("POST", "/api/corporations", ["operator"]),
        ("GET", "/api/corporations/{corporationId:id}", ["administrator", "auditor"]),
        ("POST", "/api/corporations/{corporationId:id}/neighbourhoods", ["administrator"]),
        ("PUT", "/api/corporations/{corporationId:id}/neighbourhoods/{neighbourhoodId:id}/map", ["administrator"]),
        ("PUT", "/api/corporations/{corporationId:id}/staff", ["administrator"]),
        ("DELETE", "/api/corporations/{corporationId:id}/staff", ["administrator"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/administration", ["administrator", "auditor", "moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles", ["administrator"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles", ["administrator", "auditor", "moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/voting-codes", ["administrator"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/voting-codes", ["administrator", "auditor", "moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/voting-codes/revoke", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/ballots", ["resident"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/ballots/mine", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/paper-ballots", ["moderator"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/rounds", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposal-rules", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/eligibility", null),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/eligibility", ["administrator"]),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposal-rules", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/rounds", ["moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/rounds/{number:int}/close", ["moderator"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}", null),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals", ["resident"]),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/withdraw", ["resident"]),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/support", ["resident"]),
        ("DELETE", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/support", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/pledges", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/review", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/implementation", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/merge", ["moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/amendments", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/amendments/{number:int}/accept", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/amendments/{number:int}/reject", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/images", ["resident"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/images/{hash}", null),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/images/{hash}", ["resident"]),
        ("DELETE", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/images/{hash}", ["resident"]),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/comments", null),
        ("GET", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/moderation-log", null),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/comments", ["resident"]),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/comments/{number:int}/flag", ["resident"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/comments/{number:int}/hide", ["moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/comments/{number:int}/restore", ["moderator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/open-voting", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/phase", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/simulation", ["administrator", "auditor", "moderator"]),
        ("PUT", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/schedule", ["administrator"]),
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/import", ["administrator"]),
        // Nearly last: it closes the cycle the rows above vote in.
        ("POST", "/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/close-voting", ["administrator"]),
        // Last: it ends the sessions of everyone signed in with an account. It has no scope: anyone with an account may end their own sessions.
        ("POST", "/api/sign-out/everywhere", ["moderator", "moderator elsewhere", "administrator", "administrator elsewhere", "auditor", "auditor elsewhere", "operator"]),
    ];

    private static readonly string[] Users =
    [
        "anonymous", "resident", "resident elsewhere", "moderator", "moderator elsewhere", "administrator",
        "administrator elsewhere", "auditor", "auditor elsewhere", "operator",
    ];

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("matrix")), _data.Path);
        var register = _app.Grains.GetGrain<IRegisterGrain>(RegisterGrain.Key);
        await register.RegisterCorporationAsync(new RegisterCorporation("ymere", "Ymere", new(Issuer, "anna")));
        await register.RegisterCorporationAsync(new RegisterCorporation("eigen-haard", "Eigen Haard", new(OtherIssuer, "eva")));
        foreach (var (corporation, neighbourhood) in new[] { ("ymere", "oost"), ("ymere", "noord"), ("eigen-haard", "west") })
        {
            await register.RegisterNeighbourhoodAsync(new RegisterNeighbourhood(corporation, neighbourhood, neighbourhood));
        }
        await Grant(register, Issuer, "moritz", new("ymere", StaffRole.Moderator, ["oost"]));
        await Grant(register, Issuer, "mila", new("ymere", StaffRole.Moderator, ["noord"]));
        await Grant(register, Issuer, "aart", new("ymere", StaffRole.Auditor, []));
        await Grant(register, OtherIssuer, "ali", new("eigen-haard", StaffRole.Auditor, []));
        string residentCode = await OpenCycleAsync("oost"), otherResidentCode = await OpenCycleAsync("west");

        _users["anonymous"] = _app.Browser();
        _users["resident"] = await ResidentAsync("oost", residentCode);
        _users["resident elsewhere"] = await ResidentAsync("west", otherResidentCode);
        _users["moderator"] = await _app.Staff(Issuer, "moritz");
        _users["moderator elsewhere"] = await _app.Staff(Issuer, "mila");
        _users["administrator"] = await _app.Staff(Issuer, "anna");
        _users["administrator elsewhere"] = await _app.Staff(OtherIssuer, "eva");
        _users["auditor"] = await _app.Staff(Issuer, "aart");
        _users["auditor elsewhere"] = await _app.Staff(OtherIssuer, "ali");
        _users["operator"] = await _app.Staff(BuurtbudgetApp.Operator.Issuer, BuurtbudgetApp.Operator.Subject);
    }

    public async Task DisposeAsync()
    {
        foreach (var user in _users.Values)
        {
            user.Dispose();
        }
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public void Every_endpoint_is_in_the_table_and_says_whether_it_is_public()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Route: Route(e), Endpoint: e)))
            .ToList();

        var unknown = endpoints.Where(e => !Table.Any(t => t.Method == e.Method && t.Route == e.Route)).Select(e => $"{e.Method} {e.Route}").ToList();
        Assert.True(unknown.Count == 0, "Add to the authorization table: " + string.Join(", ", unknown));
        Assert.All(endpoints, e =>
        {
            var allowed = Table.First(t => t.Method == e.Method && t.Route == e.Route).Allowed;
            bool anonymous = e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            bool restricted = e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || e.Endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            Assert.True(allowed is null ? anonymous && !restricted : restricted && !anonymous, $"{e.Method} {e.Route}");
        });
    }

    [Fact]
    public async Task Every_restricted_endpoint_answers_only_its_roles_in_their_own_scope()
    {
        var failures = new List<string>();
        foreach (var (method, route, allowed) in Table.Where(t => t.Allowed is not null))
        {
            foreach (var user in Users)
            {
                var response = await _users[user].SendAsync(Request(method, route));
                bool refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                bool expectedAllowed = allowed!.Contains(user);
                output.WriteLine($"{method} {route} as {user}: {(int)response.StatusCode}");
                if (refused == expectedAllowed || (refused && user == "anonymous" && response.StatusCode != HttpStatusCode.Unauthorized))
                {
                    failures.Add($"{method} {route} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                if (refused)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static HttpRequestMessage Request(string method, string route)
    {
        string path = route.Replace("{corporationId:id}", "ymere", StringComparison.Ordinal)
            .Replace("{neighbourhoodId:id}", "oost", StringComparison.Ordinal)
            .Replace("{cycleId:id}", "2026", StringComparison.Ordinal)
            .Replace("{proposalId:id}", "pnone", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{hash}", new string('a', 64), StringComparison.Ordinal);
        if (method == "DELETE" && route.EndsWith("/staff", StringComparison.Ordinal))
        {
            path += $"?issuer={Uri.EscapeDataString(Issuer)}&subject=nobody&role=Moderator";
        }
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Buurtbudget-Request", "1");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Content = route.EndsWith("/voting-codes", StringComparison.Ordinal)
            ? new StringContent("adres\nDorpsstraat 9\n", Encoding.UTF8, "text/csv")
            : method is "POST" or "PUT" ? JsonContent.Create(BodyFor(route)) : null;
        return request;
    }

    private static object BodyFor(string route) => route switch
    {
        "/api/corporations" => new { corporationId = "matrix-corp", name = "Matrix", firstAdministrator = new { issuer = Issuer, subject = "new" } },
        _ when route.EndsWith("/neighbourhoods", StringComparison.Ordinal) => new { neighbourhoodId = "matrix-buurt", name = "Matrix" },
        _ when route.EndsWith("/staff", StringComparison.Ordinal) => new { issuer = Issuer, subject = "new-moderator", role = "Moderator" },
        _ when route.EndsWith("/cycles", StringComparison.Ordinal) => new { cycleId = "matrix-cycle", title = "Matrix", budgetCents = 100_000 },
        _ when route.EndsWith("/phase", StringComparison.Ordinal) => new { phase = "Implementation" },
        _ when route.EndsWith("/review", StringComparison.Ordinal) => new { feasible = true },
        _ when route.EndsWith("/implementation", StringComparison.Ordinal) => new { status = "Planned", note = "Matrix" },
        _ when route.EndsWith("/merge", StringComparison.Ordinal) => new { duplicateId = "pother" },
        _ when route.EndsWith("/simulation", StringComparison.Ordinal) => new { voters = 10 },
        _ when route.EndsWith("/schedule", StringComparison.Ordinal) => new { steps = Array.Empty<object>() },
        _ when route.EndsWith("/proposal-rules", StringComparison.Ordinal) => new { supportThreshold = 2 },
        _ when route.EndsWith("/eligibility", StringComparison.Ordinal) => new { residents = "VotingCodes" },
        _ when route.EndsWith("/comments", StringComparison.Ordinal) => new { text = "Goed idee" },
        _ when route.EndsWith("/rounds", StringComparison.Ordinal) => new { question = "Wat is belangrijk?", proposalIds = new[] { "pnone" }, closesAt = DateTimeOffset.UtcNow.AddDays(7) },
        _ when route.EndsWith("/close", StringComparison.Ordinal) => new { summary = "Samenvatting" },
        _ when route.EndsWith("/hide", StringComparison.Ordinal) || route.EndsWith("/restore", StringComparison.Ordinal) => new { reason = "Matrix" },
        _ when route.EndsWith("/ballots", StringComparison.Ordinal) => new { entries = new[] { new { projectId = "bomen", value = 1 } } },
        _ when route.EndsWith("/paper-ballots", StringComparison.Ordinal) => new { code = "AAAA-BBBB-CCCC-DDDD", entries = new[] { new { projectId = "bomen", value = 1 } } },
        _ => new { code = "AAAA-BBBB-CCCC-DDDD" },
    };

    private static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.Trim('/');

    private static Task<CorporationView> Grant(IRegisterGrain register, string issuer, string subject, StaffGrant grant) =>
        register.GrantRoleAsync(new GrantRole(new StaffMember(issuer, subject), grant));

    private async Task<string> OpenCycleAsync(string neighbourhood)
    {
        var grain = _app.Grains.GetGrain<INeighbourhoodGrain>(neighbourhood);
        await grain.CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "2026", 1_000_000));
        await grain.OpenVotingAsync(new OpenVoting("2026", [new("bomen", "Trees", 500_000), new("bankjes", "Benches", 300_000)],
            new BallotDescription(BallotKind.Approval, 1, 2), new RuleChoice(RuleKind.EqualShares), RevotePolicy.LastBallotCounts, Eligibility.Census));
        var codes = await _app.Grains.GetGrain<IVotingCodesGrain>(neighbourhood).IssueAsync(new IssueCodes("2026", ["Dorpsstraat 1"]));
        return codes.Codes[0].Code;
    }

    private async Task<HttpClient> ResidentAsync(string neighbourhood, string code)
    {
        var browser = _app.Browser();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/neighbourhoods/{neighbourhood}/sign-in") { Content = JsonContent.Create(new { code }) };
        request.Headers.Add("X-Buurtbudget-Request", "1");
        (await browser.SendAsync(request)).EnsureSuccessStatusCode();
        return browser;
    }
}
