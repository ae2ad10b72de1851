using System.Collections.Immutable;
using System.Globalization;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>A project of an imported file as it becomes a proposal: its title, description and cost in cents.</summary>
public sealed record ImportedProject(string PabulibId, string Title, string Description, long CostCents);

/// <summary>
/// What a budget cycle takes from a Pabulib file: the budget in cents, the projects, the ballot design and rule the
/// file names (a suggestion for opening voting), and the votes as approvals: indices into <see cref="Projects"/>.
/// </summary>
public sealed record PabulibCycleImport(
    long BudgetCents, ImmutableArray<ImportedProject> Projects, BallotDescription Ballot, RuleKind Rule, Completion Completion,
    ImmutableArray<ImmutableArray<int>> Votes)
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 5_000;

    /// <summary>Reads a parsed file into a cycle, or says why it cannot become one (every check before anything is
    /// created, so a file is taken whole or not at all).</summary>
    public static PabulibCycleImport? From(PabulibFile file, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(file);
        whyNot = null;
        if (!TryCents(file.Budget, out long budgetCents) || budgetCents <= 0)
        {
            whyNot = $"The budget {file.Budget.ToString(CultureInfo.InvariantCulture)} must be more than zero, in whole cents.";
            return null;
        }
        if (file.Projects.IsEmpty)
        {
            whyNot = "The file has no projects to propose.";
            return null;
        }
        var projects = ImmutableArray.CreateBuilder<ImportedProject>(file.Projects.Length);
        foreach (var project in file.Projects)
        {
            if (!TryCents(project.Cost, out long cost) || cost <= 0)
            {
                whyNot = $"Project {project.Id} costs {project.Cost.ToString(CultureInfo.InvariantCulture)}; a proposal costs more than zero, in whole cents.";
                return null;
            }
            string name = Clean(Field(file, project, "name"));
            string title = name.Length >= 3 ? Shorten(name, MaxTitleLength) : $"Project {project.Id}";
            string description = Clean(Field(file, project, PabulibNames.Description));
            projects.Add(new ImportedProject(project.Id, title, Shorten(description.Length > 0 ? description : title, MaxDescriptionLength), cost));
        }
        var index = file.Projects.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var votes = file.Votes.Select(v => v.ProjectIds.Where(index.ContainsKey).Select(id => index[id]).Distinct().Order().ToImmutableArray())
            .Where(v => !v.IsEmpty).ToImmutableArray();
        var (rule, completion) = RuleOf(file.MetaValue("rule"));
        return new PabulibCycleImport(budgetCents, projects.MoveToImmutable(), BallotOf(file), rule, completion, votes);
    }

    private static BallotDescription BallotOf(PabulibFile file)
    {
        int? Count(string key) => int.TryParse(file.MetaValue(key), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;
        int projects = file.Projects.Length;
        return file.VoteType switch
        {
            VoteType.ChooseOne => new BallotDescription(BallotKind.Approval, 1, 1),
            VoteType.Cumulative => new BallotDescription(BallotKind.Cumulative, 0, null, Points: Count("max_sum_points") ?? 10),
            VoteType.Ordinal => new BallotDescription(BallotKind.Ranking, Count("min_length") ?? 1, Math.Min(Count("max_length") ?? projects, projects)),
            _ => new BallotDescription(BallotKind.Approval, Math.Min(Count("min_length") ?? 1, projects), Math.Min(Count("max_length") ?? projects, projects)),
        };
    }

    // Pabulib names the rule a vote was counted with in free text ("greedy", "equalshares/add1", "unknown").
    private static (RuleKind, Completion) RuleOf(string? rule) =>
        rule?.ToLowerInvariant() is { } name && name.Contains("equalshares", StringComparison.Ordinal)
            ? (RuleKind.EqualShares, name.Contains("add1", StringComparison.Ordinal) ? Completion.Add1 : Completion.None)
            : (RuleKind.Greedy, Completion.None);

    private static bool TryCents(decimal amount, out long cents)
    {
        decimal scaled = amount * 100;
        cents = scaled == decimal.Truncate(scaled) && scaled is > 0 and < long.MaxValue ? (long)scaled : 0;
        return cents > 0 || amount == 0;
    }

    private static string? Field(PabulibFile file, PabulibProject project, string column) =>
        file.ProjectFieldNames.Contains(column) ? file.ProjectField(project, column) : null;

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
