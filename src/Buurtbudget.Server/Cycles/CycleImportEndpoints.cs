using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Buurtbudget.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// An administrator creates a draft cycle from a Pabulib <c>.pb</c> file, for example to rerun last year's vote: its
/// budget, its projects as proposals, and the ballot and rule it names as the suggested rules for opening voting.
/// Its votes can be kept for rule simulations; they never become ballots of the cycle. A file that breaks the format
/// is refused whole, with the line, before anything is created.
/// </summary>
internal static class CycleImportEndpoints
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    /// <param name="VotingRules">What the file says about voting, ready to send to open-voting (projects included).</param>
    public sealed record ImportedCycle(CycleAdministrationEndpoints.CycleAdministration Cycle, ImmutableArray<BallotProject> Proposals,
        CycleAdministrationEndpoints.VotingRules VotingRules, int VotesKept);

    public static void MapCycleImportEndpoints(this WebApplication app) =>
        app.MapPost("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/import", Import)
            .WithTags("Budget cycles").RequireStaff(StaffAction.ManageCycles);

    /// <summary>The body is the .pb file itself (UTF-8). <paramref name="title"/> defaults to the file's description;
    /// <paramref name="votes"/> keeps the file's votes for simulations.</summary>
    private static async Task<Results<Created<ImportedCycle>, ProblemHttpResult>> Import(
        string neighbourhoodId, string cycleId, string? title, bool? votes, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains,
        ILogger<ImportedCycle> logger, CancellationToken cancellationToken)
    {
        var bytes = await RequestBodies.ReadAtMostAsync(request, MaxFileBytes, cancellationToken);
        if (bytes.Length > MaxFileBytes)
        {
            return TypedResults.Problem($"A .pb file to import is at most {MaxFileBytes / (1024 * 1024)} MB.", statusCode: 413, title: "The file is too large");
        }
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            return TypedResults.Problem("Nothing was imported: the file is not UTF-8 text.", statusCode: 400, title: "The .pb file is not valid");
        }
        PabulibFile file;
        try
        {
            file = PabulibReader.Parse(text);
        }
        catch (PabulibFormatException exception)
        {
            return TypedResults.Problem($"Nothing was imported: {exception.Message}.", statusCode: 400, title: "The .pb file is not valid",
                extensions: new Dictionary<string, object?> { ["line"] = exception.LineNumber });
        }
        if (PabulibCycleImport.From(file, out string? whyNot) is not { } import)
        {
            return TypedResults.Problem($"Nothing was imported: {whyNot}", statusCode: 400, title: "The .pb file cannot become a cycle");
        }
        string cycleTitle = string.Join(' ', (title ?? file.MetaValue(PabulibNames.Description) ?? cycleId).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        cycleTitle = cycleTitle.Length > 200 ? cycleTitle[..199] + "…" : cycleTitle;

        // The cycle first: an id already taken stops the import before any proposal exists.
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).CreateBudgetCycleAsync(new CreateBudgetCycle(cycleId, cycleTitle, import.BudgetCents));
        var views = await grains.GetGrain<ICycleProposalsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).ImportAsync($"import:{cycleId}",
            [.. import.Projects.Select(p => new ProposalText(p.Title, p.Description, p.CostCents))]);
        ImmutableArray<BallotProject> proposals = [.. views.Select(v => new BallotProject(v.Id[(v.Id.LastIndexOf('.') + 1)..], v.Text.Title, v.Text.CostCents))];
        int kept = 0;
        if (votes == true && !import.Votes.IsEmpty)
        {
            await grains.GetGrain<IImportedBallotsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).ImportAsync(new ImportedBallots(
                $"the imported file ({file.MetaValue(PabulibNames.Description) ?? cycleTitle})",
                [.. proposals.Select(p => new ImportedBallotProject(p.Id, p.Title, p.CostCents))], import.Votes));
            kept = import.Votes.Length;
        }
        StaffAudit.Record(logger, user, $"import-cycle-{proposals.Length}-projects-{kept}-votes", neighbourhoodId, cycleId);
        var rules = new CycleAdministrationEndpoints.VotingRules(proposals, import.Ballot, new RuleChoice(import.Rule, Completion: import.Completion),
            RevotePolicy.LastBallotCounts, Eligibility.Census, new LiveResults());
        return TypedResults.Created($"/api/neighbourhoods/{neighbourhoodId}/cycles/{cycleId}",
            new ImportedCycle(new(CycleEndpoints.ToPublic(cycle), cycle.Enrolled), proposals, rules, kept));
    }
}
