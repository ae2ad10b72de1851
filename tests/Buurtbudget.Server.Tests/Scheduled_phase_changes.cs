using System.Collections.Immutable;
using System.Net;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;
using Buurtbudget.Server.Cycles;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// A cycle moves when its scheduled time arrives on the server's clock, through the same path as a staff request.
/// The clock is a <see cref="FakeTimeProvider"/> the tests move; the scheduler's own signal says when it has acted.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class Scheduled_phase_changes(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Cycle = "/api/neighbourhoods/oost/cycles/2027";
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly CapturedLogs _logs = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("schedule")), _data.Path, configure: builder =>
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        });
        await _app.RegisterYmereAsync();
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").CreateBudgetCycleAsync(new CreateBudgetCycle("2027", "Leefbaarheidsbudget 2027", 1_000_000));
        _codes = (await _app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2027", ["Kade 1"]))).Codes;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Moves the clock and waits until the scheduler has handled everything due by then.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        _clock.Advance(by);
        await _app.Services.GetRequiredService<CycleScheduler>().HandledThroughAsync(_clock.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(30));
    }

    // Sessions expire on the same clock, so each step signs in afresh.
    private Task<HttpClient> Administrator() => _app.Staff(Issuer, "anna");

    private Task<HttpClient> Resident() => _app.ResidentOfOostAsync(_codes[0].Code, "10.0.3.1");

    private static object StepAt(string phase, int days) => new { phase, startsAt = Start.AddDays(days) };

    private static readonly object Voting = new { ballot = new { kind = "Approval", minProjects = 1, maxProjects = 2 }, rule = new { kind = "Greedy" } };

    private async Task<string> PhaseAsync() =>
        (await Expect(await _app.Browser().GetAsync(Cycle), HttpStatusCode.OK)).GetProperty("phase").GetString()!;

    [Fact]
    public async Task A_scheduled_cycle_moves_at_each_time_and_opening_voting_by_schedule_freezes_the_rules()
    {
        var admin = await Administrator();
        await Expect(await (await Resident()).SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new { steps = new[] { StepAt("Ideas", 1) } })), HttpStatusCode.Forbidden);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new { steps = new[] { StepAt("Ideas", -1) } })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new { steps = new[] { StepAt("Ideas", 1), StepAt("Results", 2) } })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new { steps = new[] { StepAt("Review", 2), StepAt("Voting", 1) }, voting = Voting })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new { steps = new[] { StepAt("Ideas", 1), StepAt("Voting", 2) } })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new
        {
            steps = new[] { StepAt("Voting", 2) },
            voting = new { ballot = new { kind = "Knapsack" }, rule = new { kind = "Greedy" } },
        })), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await Expect(await _app.Browser().GetAsync(Cycle), HttpStatusCode.OK)).GetProperty("schedule").GetArrayLength());

        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new
        {
            steps = new[] { StepAt("Ideas", 1), StepAt("Review", 10), StepAt("Voting", 20), StepAt("Results", 30) },
            voting = Voting,
        })), HttpStatusCode.OK);
        var planned = (await Expect(await _app.Browser().GetAsync(Cycle), HttpStatusCode.OK)).GetProperty("schedule");
        Assert.Equal([("Ideas", "Pending"), ("Review", "Pending"), ("Voting", "Pending"), ("Results", "Pending")],
            planned.EnumerateArray().Select(s => (s.GetProperty("phase").GetString(), s.GetProperty("status").GetString())));
        Assert.Equal(Start.AddDays(20), planned[2].GetProperty("startsAt").GetDateTimeOffset());

        await AdvanceAsync(TimeSpan.FromHours(23));
        Assert.Equal("Draft", await PhaseAsync());
        await AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal("Ideas", await PhaseAsync());
        string proposal = (await Expect(await (await Resident()).SendAsync(Write(HttpMethod.Post, $"{Cycle}/proposals",
            new { title = "Moestuin", description = "Samen tuinieren", costCents = 90_000 })), HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;

        await AdvanceAsync(TimeSpan.FromDays(9));
        Assert.Equal("Review", await PhaseAsync());
        await Expect(await (await Administrator()).SendAsync(Write(HttpMethod.Post, $"{Cycle}/proposals/{proposal}/review", new { feasible = true })), HttpStatusCode.OK);

        await AdvanceAsync(TimeSpan.FromDays(10));
        var voting = await Expect(await _app.Browser().GetAsync(Cycle), HttpStatusCode.OK);
        Assert.Equal("Voting", voting.GetProperty("phase").GetString());
        Assert.Equal([proposal], voting.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("Approval", voting.GetProperty("ballot").GetProperty("kind").GetString());
        string manifestHash = voting.GetProperty("manifestHash").GetString()!;
        var opened = await ReadAsync("neighbourhood/oost", "VotingOpened");
        Assert.Equal(manifestHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonDocument.Parse(opened.Payload).RootElement.GetProperty("manifest").GetRawText()))));
        await Expect(await (await Administrator()).SendAsync(Write(HttpMethod.Post, $"{Cycle}/open-voting",
            new { ballot = new { kind = "Approval", minProjects = 1, maxProjects = 1 }, rule = new { kind = "EqualShares" } })), HttpStatusCode.Conflict);

        await AdvanceAsync(TimeSpan.FromDays(10));
        var closed = await Expect(await _app.Browser().GetAsync(Cycle), HttpStatusCode.OK);
        Assert.Equal("Results", closed.GetProperty("phase").GetString());
        Assert.All(closed.GetProperty("schedule").EnumerateArray(), s => Assert.Equal("Done", s.GetProperty("status").GetString()));
        Assert.Equal(manifestHash, closed.GetProperty("manifestHash").GetString());
    }

    [Fact]
    public async Task A_scheduled_move_that_is_no_longer_allowed_is_refused_logged_and_shown_to_administrators_and_changes_nothing()
    {
        var admin = await Administrator();
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, $"{Cycle}/schedule", new { steps = new[] { StepAt("Ideas", 1), StepAt("Deliberation", 3) } })), HttpStatusCode.OK);
        await AdvanceAsync(TimeSpan.FromDays(1));
        admin = await Administrator();
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, $"{Cycle}/phase", new { phase = "Review" })), HttpStatusCode.OK);
        var ledger = _app.Services.GetRequiredService<IEventLedger>();
        var before = await ledger.ReadHeadAsync("neighbourhood/oost");

        await AdvanceAsync(TimeSpan.FromDays(2));

        Assert.Equal("Review", await PhaseAsync());
        Assert.Equal(before, await ledger.ReadHeadAsync("neighbourhood/oost"));
        var schedule = (await Expect(await (await Administrator()).GetAsync($"{Cycle}/administration"), HttpStatusCode.OK)).GetProperty("schedule");
        Assert.Equal(["Done", "Refused"], schedule.EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Contains("only move forward", schedule[1].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal(Start.AddDays(3), schedule[1].GetProperty("handledAt").GetDateTimeOffset());
        Assert.Contains(_logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("oost/2027 to deliberation refused", StringComparison.Ordinal));
        Assert.Equal("Refused", (await Expect(await _app.Browser().GetAsync(Cycle), HttpStatusCode.OK)).GetProperty("schedule")[1].GetProperty("status").GetString());
    }

    private async Task<LedgerEntry> ReadAsync(string stream, string kind)
    {
        await foreach (var entry in _app.Services.GetRequiredService<IEventLedger>().ReadAsync(stream))
        {
            if (entry.Kind == kind)
            {
                return entry;
            }
        }
        throw new InvalidOperationException($"No {kind} in {stream}.");
    }
}
