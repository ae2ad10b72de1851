using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// Thousands of malformed or hostile requests (wrong types, huge or negative numbers, unknown ids, over-long
/// strings, broken JSON, missing headers) get 4xx problem details, never a 5xx, and leave the ledger unchanged.
/// The seed is printed; the generator only builds writes that must be refused.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Hostile_input(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Cycle = "2026";
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("fuzz"));
        _app = new BuurtbudgetApp(database, _data.Path, codeAttemptsPerClientPerMinute: 1000);
        var oost = _app.Grains.GetGrain<INeighbourhoodGrain>("oost");
        await oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        await oost.OpenVotingAsync(new OpenVoting(Cycle,
            [new("bankjes", "Benches", 400_000), new("moestuin", "Garden", 900_000), new("bomen", "Trees", 500_000)],
            new BallotDescription(BallotKind.Approval, 1, 2), new RuleChoice(RuleKind.Greedy), RevotePolicy.LastBallotCounts, Eligibility.Census));
        _codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes(Cycle, ["Dorpsstraat 1"]))).Codes;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Thousands_of_hostile_requests_get_4xx_problems_and_change_nothing()
    {
        int seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var ledger = _app.Services.GetRequiredService<IEventLedger>();
        var before = await ledger.ReadHeadAsync("neighbourhood/oost");
        var browser = _app.Browser();
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in") { Content = JsonContent.Create(new { code = _codes[0].Code }) };
        signIn.Headers.Add("X-Buurtbudget-Request", "1");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(signIn)).StatusCode);

        var statuses = new Dictionary<int, int>();
        for (int i = 0; i < 2000; i++)
        {
            using var request = HostileRequest(random);
            using var response = await browser.SendAsync(request);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            string body = await response.Content.ReadAsStringAsync();
            // Reads that happen to name something real may succeed; nothing may fail on the server's side, and
            // none of the writes (all of them invalid by construction) may be accepted.
            Assert.True(status < 500, $"request {i} ({request.Method} {request.RequestUri}) got {status}: {body}");
            Assert.True(request.Method == HttpMethod.Get || status >= 400, $"request {i} ({request.Method} {request.RequestUri}) was accepted: {body}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.False(string.IsNullOrWhiteSpace(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()),
                    $"request {i} got {status} without a detail: {body}");
            }
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(before, await ledger.ReadHeadAsync("neighbourhood/oost"));
    }

    [Fact]
    public async Task Thousands_of_hostile_staff_requests_get_4xx_problems_and_change_nothing()
    {
        int seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var register = _app.Grains.GetGrain<Grains.Corporations.IRegisterGrain>(Grains.Corporations.RegisterGrain.Key);
        await register.RegisterCorporationAsync(new("ymere", "Ymere", new("https://login.ymere.test", "anna")));
        await register.RegisterNeighbourhoodAsync(new("ymere", "oost", "Oost"));
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").CreateBudgetCycleAsync(new CreateBudgetCycle("draft", "Draft", 100_000));
        var ledger = _app.Services.GetRequiredService<IEventLedger>();
        string[] streams = ["neighbourhood/oost", "register/nl", "codes/oost"];
        var before = await Task.WhenAll(streams.Select(s => ledger.ReadHeadAsync(s)));
        var admin = await _app.Staff("https://login.ymere.test", "anna");

        var statuses = new Dictionary<int, int>();
        for (int i = 0; i < 1500; i++)
        {
            using var request = HostileStaffRequest(random);
            using var response = await admin.SendAsync(request);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(status is >= 400 and < 500, $"request {i} ({request.Method} {request.RequestUri}) got {status}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(before, await Task.WhenAll(streams.Select(s => ledger.ReadHeadAsync(s))));
    }

    /// <summary>Staff writes that are all invalid: bad ids, existing ids, impossible numbers, unknown enum values,
    /// broken ballots designs and rules, junk address lists.</summary>
    private static HttpRequestMessage HostileStaffRequest(Random random)
    {
        string junk = Junk[random.Next(Junk.Length)];
        string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);
        string Pick(params string[] options) => options[random.Next(options.Length)];
        string badNumber = Pick("-1", "0", "1e400", "99999999999999999999999", "\"ten\"", "null", "1.5", "-9223372036854775808");
        string badEnum = Pick("42", "-1", "\"Dictatorship\"", "null", "{}", "[]", "\"\"");
        string badId = Pick("\"\"", "null", "\"two words\"", "\"../x\"", Json(new string('a', 65)), Json("#" + junk), "7");
        (string path, string body) = random.Next(7) switch
        {
            0 => ("/api/neighbourhoods/oost/cycles", random.Next(3) switch
            {
                0 => $"{{\"cycleId\":{badId},\"title\":\"T\",\"budgetCents\":100}}",
                1 => $"{{\"cycleId\":\"{Pick("2026", "draft")}\",\"title\":\"T\",\"budgetCents\":100}}",
                _ => $"{{\"cycleId\":\"new\",\"title\":{Pick("\"\"", "null", Json(new string('t', 201)))},\"budgetCents\":{badNumber}}}",
            }),
            1 => ($"/api/neighbourhoods/oost/cycles/{Pick("draft", "2026", "ghost")}/open-voting", random.Next(6) switch
            {
                0 => $"{{\"projects\":[{{\"id\":\"a\",\"title\":\"A\",\"costCents\":100}}],\"ballot\":{{\"kind\":{badEnum},\"minProjects\":1}},\"rule\":{{\"kind\":\"Greedy\"}}}}",
                1 => $"{{\"projects\":[{{\"id\":\"a\",\"title\":\"A\",\"costCents\":100}}],\"ballot\":{{\"kind\":\"Approval\",\"minProjects\":1}},\"rule\":{{\"kind\":{badEnum}}}}}",
                2 => $"{{\"projects\":[{{\"id\":{badId},\"title\":\"A\",\"costCents\":{badNumber}}}],\"ballot\":{{\"kind\":\"Approval\",\"minProjects\":1}},\"rule\":{{\"kind\":\"Greedy\"}}}}",
                3 => $"{{\"projects\":[{{\"id\":\"a\",\"title\":\"A\",\"costCents\":100}}],\"ballot\":{{\"kind\":\"Approval\",\"minProjects\":{badNumber},\"maxProjects\":{badNumber}}},\"rule\":{{\"kind\":\"EqualShares\",\"utility\":{badEnum},\"completion\":{badEnum},\"tieBreak\":{badId}}}}}",
                4 => $"{{\"projects\":[{{\"id\":\"a\",\"title\":\"A\",\"costCents\":100}},{{\"id\":\"a\",\"title\":\"B\",\"costCents\":100}}],\"ballot\":{{\"kind\":\"Approval\",\"minProjects\":1}},\"rule\":{{\"kind\":\"Greedy\"}},\"revote\":{badEnum},\"eligibility\":{badEnum},\"live\":{{\"disclosure\":{badEnum},\"minimumTurnout\":{badNumber}}}}}",
                _ => junk,
            }),
            2 => ($"/api/neighbourhoods/oost/cycles/{Pick("draft", "ghost")}/close-voting", random.Next(2) == 0 ? "" : junk),
            3 => ("/api/corporations/ymere/neighbourhoods", $"{{\"neighbourhoodId\":{Pick(badId, "\"oost\"")},\"name\":{Pick("\"N\"", "\"\"", "null", Json(new string('n', 201)), Json(junk))}}}"),
            4 => ("/api/corporations/ymere/staff", $"{{\"issuer\":{Pick("\"http://login.example\"", "\"\"", "null", "\"not a url\"", Json(junk))},\"subject\":\"s\",\"role\":\"Moderator\"}}"),
            5 => ("/api/corporations/ymere/staff", $"{{\"issuer\":\"https://login.ymere.test\",\"subject\":{Pick("\"\"", "null", Json(new string('s', 256)))},\"role\":{Pick(badEnum, "\"Moderator\"")},\"neighbourhoods\":{Pick("[\"west\"]", "[null]", "[\"\"]", "\"oost\"", "[1]")}}}"),
            _ => ($"/api/neighbourhoods/oost/cycles/{Pick("draft", "ghost", "2026")}/voting-codes", Pick("", "\n\n", "a;b\n1;2;3\n", "a\n\"x\n", "voting_code\nX\n", junk)),
        };
        var method = path.EndsWith("/staff", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post;
        string contentType = path.EndsWith("/voting-codes", StringComparison.Ordinal) ? "text/csv" : random.Next(8) == 0 ? "text/plain" : "application/json";
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Buurtbudget-Request", "1");
        return request;
    }

    private static readonly string[] Junk =
    [
        "", " ", "null", "[]", "{}", "\"text\"", "-1", "1e400", "-1e400", "99999999999999999999999999999999", "0.0000000001",
        "true", new string('x', 70_000), "\u0000", "../../etc/passwd", "'; DROP TABLE ledger_entries; --", "<script>alert(1)</script>",
        "\uD800", "NaN", "{\"$ref\":\"#\"}",
    ];

    private static HttpRequestMessage HostileRequest(Random random)
    {
        string Json(object? value) => value as string ?? System.Text.Json.JsonSerializer.Serialize(value);
        string junk = Junk[random.Next(Junk.Length)];
        // An encoded NUL in the path is refused by the in-memory test server's client before any request is made
        // (Kestrel answers 400 itself), so in paths it is replaced; bodies keep it.
        string inPath = junk.Replace("\u0000", "nul", StringComparison.Ordinal);
        string id = random.Next(4) switch
        {
            0 => "oost",
            1 => Uri.EscapeDataString(inPath.Length > 2000 ? inPath[..2000] : inPath.Length == 0 ? "x" : inPath),
            2 => new string('a', random.Next(1, 3000)),
            _ => "ghost",
        };
        string cycle = random.Next(3) == 0 ? Cycle : Uri.EscapeDataString(inPath.Length is 0 or > 500 ? "1999" : inPath);
        HttpRequestMessage request;
        switch (random.Next(6))
        {
            case 0:
                // Ballots that are never valid: an unknown project, a bad value, too many entries, or wrong shapes.
                string entries = random.Next(5) switch
                {
                    0 => $"[{{\"projectId\":\"zwembad\",\"value\":1}}]",
                    1 => $"[{{\"projectId\":\"bomen\",\"value\":{(random.Next(2) == 0 ? "-5" : "0.5")}}}]",
                    2 => "[" + string.Join(",", Enumerable.Repeat("{\"projectId\":\"bomen\",\"value\":1}", 1001)) + "]",
                    3 => $"[{{\"projectId\":{junk switch { "" => "1", _ => Json(junk) }},\"value\":\"one\"}}]",
                    _ => junk.Length == 0 ? "7" : junk,
                };
                request = new HttpRequestMessage(HttpMethod.Post, $"/api/neighbourhoods/oost/cycles/{Cycle}/ballots")
                {
                    Content = new StringContent($"{{\"entries\": {entries}}}", Encoding.UTF8, "application/json"),
                };
                if (random.Next(4) != 0)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(3) == 0 ? new string('k', 300) : $"fuzz-{random.Next()}");
                }
                break;
            case 1:
                request = new HttpRequestMessage(HttpMethod.Post, $"/api/neighbourhoods/{id}/cycles/{cycle}/ballots")
                {
                    Content = new StringContent(junk, Encoding.UTF8, random.Next(2) == 0 ? "application/json" : "text/plain"),
                };
                request.Headers.Add("Idempotency-Key", "k");
                break;
            case 2:
                request = new HttpRequestMessage(HttpMethod.Post, $"/api/neighbourhoods/{id}/sign-in")
                {
                    Content = new StringContent(random.Next(2) == 0 ? junk : $"{{\"code\":{Json(junk)}}}", Encoding.UTF8, "application/json"),
                };
                break;
            case 3:
                request = new HttpRequestMessage(HttpMethod.Get, $"/api/neighbourhoods/{id}/cycles/{cycle}");
                break;
            case 4:
                string position = random.Next(3) switch { 0 => "-1", 1 => "99999999999999999999", _ => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) };
                request = new HttpRequestMessage(HttpMethod.Get, $"/api/neighbourhoods/{id}/cycles/{cycle}/receipts/{position}?hash={Uri.EscapeDataString(inPath.Length > 100 ? inPath[..100] : inPath)}");
                break;
            default:
                request = new HttpRequestMessage(HttpMethod.Get, $"/api/neighbourhoods/{id}/cycles/{cycle}/published-ballots");
                break;
        }
        if (random.Next(10) != 0)
        {
            request.Headers.Add("X-Buurtbudget-Request", "1");
        }
        return request;
    }
}
