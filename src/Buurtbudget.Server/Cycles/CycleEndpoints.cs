using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

internal static class CycleEndpoints
{
    /// <summary>
    /// A cycle as the public sees it. Per-project counts follow the cycle's frozen live-results policy
    /// (<see cref="Disclosure"/>): turnout only while voting unless the corporation chose more, everything after the close.
    /// </summary>
    public sealed record PublicCycle(
        string CycleId,
        string Title,
        long BudgetCents,
        CyclePhase Phase,
        string? ManifestHash,
        BallotDescription? Ballot,
        ImmutableArray<BallotProject> Projects,
        int? Turnout,
        ImmutableArray<ProjectTally>? Counts,
        LiveResults? Live,
        BallotReceipt? Closing)
    {
        /// <summary>When the later phases start, as the corporation scheduled them (empty: moved by hand).</summary>
        public ImmutableArray<ScheduleEndpoints.PublicStep> Schedule { get; init; } = [];
    }

    public static void MapCycleEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles").WithTags("Budget cycles").AllowAnonymous();
        group.MapGet("/{cycleId:id}", GetCycle);
        group.MapGet("/{cycleId:id}/results", GetResults);
        group.MapGet("/{cycleId:id}/results.pb", ExportPabulib);
        group.MapGet("/{cycleId:id}/results.csv", ExportCsv);
    }

    public static void AddCycles(this WebApplicationBuilder builder) => builder.Services.AddSingleton<FinalResults>();

    /// <summary>The counted ballots as an anonymised Pabulib file, to recount with any Pabulib tool.</summary>
    private static async Task<FileContentHttpResult> ExportPabulib(string neighbourhoodId, string cycleId, IGrainFactory grains) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ExportPabulibAsync(cycleId)),
            "text/plain; charset=utf-8", $"{neighbourhoodId}_{cycleId}.pb");

    /// <summary>The result per project as a spreadsheet: title, cost, votes, funded or not and why.</summary>
    private static async Task<FileContentHttpResult> ExportCsv(string neighbourhoodId, string cycleId, IGrainFactory grains, FinalResults results)
    {
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId);
        var cycle = await neighbourhood.GetCycleAsync(cycleId);
        var outcome = await results.OfAsync(cycle, neighbourhoodId)
            ?? throw new BudgetCycleException(CycleProblem.WrongPhase, $"The results of '{cycle.Title}' are published when voting closes.");
        var titles = cycle.Manifest!.Projects.ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);
        var csv = new System.Text.StringBuilder("project_id;title;cost_eur;score;supporters;verdict\r\n");
        foreach (var project in outcome.Projects)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{project.ProjectId};{CsvField(titles[project.ProjectId])};{project.Cost / 100m:0.00};{project.Score};{project.Supporters};{project.Verdict}\r\n");
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            "text/csv; charset=utf-8", $"{neighbourhoodId}_{cycleId}_results.csv");
    }

    // Quoted when needed, and never a formula when opened in a spreadsheet.
    private static string CsvField(string value)
    {
        string safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>The outcome with every project's explanation, once voting has closed.</summary>
    private static async Task<Ok<CycleResults>> GetResults(string neighbourhoodId, string cycleId, IGrainFactory grains, FinalResults results)
    {
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        return TypedResults.Ok(await results.OfAsync(cycle, neighbourhoodId)
            ?? throw new BudgetCycleException(CycleProblem.WrongPhase, $"The results of '{cycle.Title}' are published when voting closes."));
    }

    private static async Task<Ok<PublicCycle>> GetCycle(string neighbourhoodId, string cycleId, IGrainFactory grains)
    {
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        return TypedResults.Ok(ToPublic(cycle) with { Schedule = await ScheduleEndpoints.PublicAsync(grains, neighbourhoodId, cycleId) });
    }

    public static PublicCycle ToPublic(CycleView cycle) => new(
        cycle.CycleId,
        cycle.Title,
        cycle.BudgetCents,
        cycle.Phase,
        cycle.ManifestHash,
        cycle.Manifest?.Ballot,
        cycle.Manifest?.Projects ?? [],
        cycle.Tally?.Turnout,
        Disclosure.CountsToShow(cycle),
        cycle.Manifest?.Live,
        cycle.Closing);
}
