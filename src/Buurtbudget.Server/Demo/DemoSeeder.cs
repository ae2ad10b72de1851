using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Buurtbudget.Server.Demo;

/// <summary>
/// On a fresh clone: a demo neighbourhood whose cycle is open for voting, with projects from a real Amsterdam
/// participatory budget when the Pabulib data is next to the repository, and a few demo voting codes printed
/// at every start.
/// </summary>
internal static partial class DemoSeeder
{
    public const string Neighbourhood = "demo";
    public const string Cycle = "2026";
    public const string Corporation = "demo-corporatie";

    public static async Task SeedDemoAsync(this WebApplication app)
    {
        if (!app.Services.Buurtbudget().Demo)
        {
            return;
        }
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Buurtbudget.Demo");
        await RegisterAsync(grains, app.Services.Buurtbudget());
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(Neighbourhood);
        var (projects, source) = Projects(app.Environment.ContentRootPath);
        try
        {
            await neighbourhood.GetCycleAsync(Cycle);
        }
        catch (BudgetCycleException exception) when (exception.Problem == CycleProblem.UnknownCycle)
        {
            long budget = projects.Sum(p => p.CostCents) / 2;
            await neighbourhood.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Demo leefbaarheidsbudget 2026", budget));
            await neighbourhood.OpenVotingAsync(new OpenVoting(Cycle, projects,
                new BallotDescription(BallotKind.Approval, 1, Math.Min(5, projects.Length)),
                new RuleChoice(RuleKind.EqualShares, Completion: Completion.Add1), RevotePolicy.LastBallotCounts, Eligibility.Census));
        }
        var codes = await grains.GetGrain<IVotingCodesGrain>(Neighbourhood)
            .IssueAsync(new IssueCodes(Cycle, [.. Enumerable.Range(1, 5).Select(i => $"Demo household {i}")]));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogDemo(logger, string.Join(", ", addresses), Neighbourhood, Cycle, source, string.Join("  ", codes.Codes.Select(c => c.Code)));
        });
    }

    /// <summary>
    /// The demo neighbourhood belongs to a demo corporation, so its public page works. Its administrator is the first
    /// configured platform operator, or else a placeholder nobody can sign in as: configure an identity provider and a
    /// platform operator to manage the demo as staff.
    /// </summary>
    private static async Task RegisterAsync(IGrainFactory grains, BuurtbudgetOptions options)
    {
        var register = grains.GetGrain<IRegisterGrain>(RegisterGrain.Key);
        if (await register.FindNeighbourhoodAsync(Neighbourhood) is not null)
        {
            return;
        }
        if (!(await register.ListCorporationsAsync()).Any(c => c.CorporationId == Corporation))
        {
            var administrator = options.PlatformOperators.FirstOrDefault() is { } first
                ? new StaffMember(first.Issuer, first.Subject)
                : new StaffMember("https://login.example.invalid", "demo-administrator");
            await register.RegisterCorporationAsync(new RegisterCorporation(Corporation, "Woonstichting Demo", administrator));
        }
        await register.RegisterNeighbourhoodAsync(new RegisterNeighbourhood(Corporation, Neighbourhood, "Demowijk"));
    }

    private static (ImmutableArray<BallotProject> Projects, string Source) Projects(string contentRoot)
    {
        foreach (var folder in PabulibFolders(contentRoot))
        {
            var file = Path.Combine(folder, "Netherlands_Amsterdam_588.pb");
            if (File.Exists(file))
            {
                var pb = PabulibReader.Read(file);
                int name = pb.ProjectFieldNames.IndexOf("name");
                return ([.. pb.Projects.Select(p => new BallotProject(
                    SafeId(p.Id), (name >= 0 ? p.Fields[name] : null) ?? $"Project {p.Id}", (long)(p.Cost * 100)))], Path.GetFileName(file));
            }
        }
        return (
        [
            new("bankjes", "Bankjes op het plein", 400_000),
            new("moestuin", "Moestuin achter blok C", 900_000),
            new("speeltuin", "Speeltuin opknappen", 1_200_000),
            new("bomen", "Tien nieuwe bomen", 500_000),
            new("buurtfeest", "Buurtfeest", 150_000),
        ], "built-in sample");
    }

    private static IEnumerable<string> PabulibFolders(string contentRoot)
    {
        if (Environment.GetEnvironmentVariable("BUURTBUDGET_PABULIB_DIR") is { } configured)
        {
            yield return configured;
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "shared", "pabulib");
        }
    }

    private static string SafeId(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    [LoggerMessage(LogLevel.Information, "Buurtbudget demo at {Addresses}: neighbourhood '{Neighbourhood}', cycle '{Cycle}' (projects from {Source}) is open for voting. Demo voting codes: {Codes}")]
    private static partial void LogDemo(ILogger logger, string addresses, string neighbourhood, string cycle, string source, string codes);
}
