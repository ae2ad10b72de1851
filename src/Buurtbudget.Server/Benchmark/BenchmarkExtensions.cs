using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Buurtbudget.Server.Benchmark;

/// <summary>
/// Bench-only pieces for <c>tests/Buurtbudget.LoadBench</c>, all under <c>/bench</c> and all absent unless
/// <c>Buurtbudget:Benchmark:Enabled</c> is true (see <see cref="BenchmarkOptions"/>).
/// </summary>
internal static class BenchmarkExtensions
{
    public const string PathPrefix = "/bench";
    public const string PlainHubPath = PathPrefix + "/plain-hub";

    public sealed record SetupRequest(string Neighbourhood, string Cycle, int Voters);

    public sealed record SetupResponse(ImmutableArray<string> Codes);

    public sealed record Broadcast(int Turnout, double SentUnixMs, double DoneUnixMs);

    public sealed record LedgerCounters(long Appends, long Commits);

    /// <summary>Every ballot's server time since the last request, in milliseconds (see <see cref="BallotTimes"/>).</summary>
    public sealed record BallotTimeSamples(double[] Total, double[] BeforeEndpoint, double[] Endpoint);

    public sealed record Memory(long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, bool ServerGc);

    private static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{Hosting.BuurtbudgetOptions.Section}:Benchmark:Enabled");

    /// <summary>Services: the clock on the live hub's group sends. Nothing is registered when benchmarking is off.</summary>
    public static void AddBenchmark(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration))
        {
            return;
        }
        builder.Services.AddSingleton<SendClock>();
        builder.Services.AddSingleton<BallotTimes>();
        builder.Services.AddSingleton<IStartupFilter, TimeBallotsFromTheStart>();
        builder.Services.AddSingleton<DefaultHubLifetimeManager<LiveResultsHub>>();
        // A closed registration wins over SignalR's open-generic default, for this hub only.
        builder.Services.AddSingleton<HubLifetimeManager<LiveResultsHub>, TimestampingLifetimeManager>();
    }

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return;
        }
        // Loopback only, even when switched on by mistake: everything here is for a load tool on the same machine.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), branch => branch.Use(async (context, next) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        }));
        // Added last, so it runs after sign-in, sessions and authorization: just before the endpoint.
        var times = app.Services.GetRequiredService<BallotTimes>();
        app.Use(times.TimeEndpointAsync);
        var group = app.MapGroup(PathPrefix).ExcludeFromDescription();
        group.MapGet("/hello", () => "Hello World!");
        group.MapPost("/setup", Setup);
        group.MapPost("/plain-broadcast", PlainBroadcast);
        group.MapGet("/sends", (SendClock clock) => TypedResults.Ok(clock.All()));
        group.MapPost("/memory", MeasureMemory);
        group.MapGet("/ledger", LedgerCounts);
        group.MapPost("/ballot-times", (BallotTimes ballots) => TypedResults.Ok(new BallotTimeSamples(ballots.Total.Take(), ballots.BeforeEndpoint.Take(), ballots.Endpoint.Take())));
        app.MapHub<PlainHub>(PlainHubPath);
    }

    /// <summary>Ballot timing starts before any other middleware (security headers, static files, sign-in).</summary>
    private sealed class TimeBallotsFromTheStart(BallotTimes times) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(times.TimeWholeRequestAsync);
            next(app);
        };
    }

    /// <summary>A cycle open for voting with as many voting codes as the load needs (the demo has five).</summary>
    private static async Task<Ok<SetupResponse>> Setup(SetupRequest request, IGrainFactory grains)
    {
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(request.Neighbourhood);
        try
        {
            await neighbourhood.GetCycleAsync(request.Cycle);
        }
        catch (BudgetCycleException exception) when (exception.Problem == CycleProblem.UnknownCycle)
        {
            ImmutableArray<BallotProject> projects =
            [
                new("bankjes", "Bankjes op het plein", 400_000),
                new("moestuin", "Moestuin achter blok C", 900_000),
                new("speeltuin", "Speeltuin opknappen", 1_200_000),
                new("bomen", "Tien nieuwe bomen", 500_000),
                new("buurtfeest", "Buurtfeest", 150_000),
            ];
            await neighbourhood.CreateBudgetCycleAsync(new CreateBudgetCycle(request.Cycle, "Load benchmark", 1_500_000));
            // Counts per project (above a turnout of 10) so the pushed message has the size of a realistic one.
            await neighbourhood.OpenVotingAsync(new OpenVoting(request.Cycle, projects, new BallotDescription(BallotKind.Approval, 1, 3),
                new RuleChoice(RuleKind.EqualShares), RevotePolicy.LastBallotCounts, Eligibility.Census)
            {
                Live = new LiveResults(LiveDisclosure.CountsPerProject, MinimumTurnout: 10),
            });
        }
        var codes = ImmutableArray.CreateBuilder<string>(request.Voters);
        for (int issued = 0; issued < request.Voters; issued += VotingCodesGrain.MaxCodesPerIssue)
        {
            int count = Math.Min(VotingCodesGrain.MaxCodesPerIssue, request.Voters - issued);
            var batch = await grains.GetGrain<IVotingCodesGrain>(request.Neighbourhood)
                .IssueAsync(new IssueCodes(request.Cycle, [.. Enumerable.Range(issued, count).Select(i => $"Load voter {i}")]));
            codes.AddRange(batch.Codes.Select(c => c.Code));
        }
        return TypedResults.Ok(new SetupResponse(codes.ToImmutable()));
    }

    /// <summary>The live hub's current message for a cycle, sent to every plain-hub connection, with its send time.</summary>
    private static async Task<Results<Ok<Broadcast>, NotFound>> PlainBroadcast(
        string neighbourhood, string cycle, LiveResultsPublisher publisher, IHubContext<PlainHub> plain, SendClock clock)
    {
        if (await publisher.CurrentAsync(neighbourhood, cycle) is not { } update)
        {
            return TypedResults.NotFound();
        }
        double sent = SendClock.NowUnixMs();
        await plain.Clients.All.SendAsync(nameof(ILiveResultsClient.CycleUpdated), update);
        double done = SendClock.NowUnixMs();
        clock.Record("plain", update.Turnout, sent, done);
        return TypedResults.Ok(new Broadcast(update.Turnout, sent, done));
    }

    /// <summary>The group-commit writer's counts, so the benchmark can say how many ballots shared a commit.</summary>
    private static Results<Ok<LedgerCounters>, NotFound> LedgerCounts(Buurtbudget.Ledger.IEventLedger ledger) => ledger switch
    {
        Buurtbudget.Ledger.Sqlite.SqliteEventLedger sqlite => TypedResults.Ok(new LedgerCounters(sqlite.Counters.Appends, sqlite.Counters.Commits)),
        Buurtbudget.Ledger.Postgres.PostgresEventLedger postgres => TypedResults.Ok(new LedgerCounters(postgres.Counters.Appends, postgres.Counters.Commits)),
        _ => TypedResults.NotFound(),
    };

    /// <summary>Memory after a full, compacting collection, so two readings differ by what is still referenced.</summary>
    private static Ok<Memory> MeasureMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new Memory(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), info.TotalCommittedBytes,
            System.Runtime.GCSettings.IsServerGC));
    }
}
