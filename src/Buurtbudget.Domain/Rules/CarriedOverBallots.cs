using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Rules;

/// <summary>A project known by its id and its title, the two ways a project carries over from one vote to the next.</summary>
public sealed record TitledProject(string Id, string Title, decimal Cost);

/// <summary>An earlier vote's ballots put on today's projects, and what could not be carried over.</summary>
/// <param name="NotCarriedOver">Earlier projects that match none of today's; their approvals are dropped.</param>
/// <param name="WithoutBallots">Today's projects that match no earlier project: nobody could vote for them then.</param>
/// <param name="BallotsUnusable">Earlier ballots left empty once the projects that did not carry over are dropped.</param>
public sealed record CarriedOver(Election Election, ImmutableArray<TitledProject> NotCarriedOver, ImmutableArray<TitledProject> WithoutBallots,
    int BallotsUsed, int BallotsUnusable);

/// <summary>
/// Real ballots for a simulation: an earlier vote's, on today's projects. A project carries over under the same id,
/// or else under the same title (ignoring case and spacing, and only when exactly one project of each vote has it).
/// Every ballot counts as approval of the projects on it that carried over, whatever kind of ballot it was then.
/// </summary>
public static class CarriedOverBallots
{
    public static CarriedOver Approvals(decimal budget, IReadOnlyList<TitledProject> today, IReadOnlyList<TitledProject> earlier,
        IReadOnlyList<IReadOnlyList<string>> ballots)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(ballots);
        var index = today.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var todayByTitle = UniqueTitles(today);
        var earlierByTitle = UniqueTitles(earlier);
        var matched = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var project in earlier)
        {
            if (index.TryGetValue(project.Id, out int same))
            {
                matched[project.Id] = same;
            }
            else if (todayByTitle.TryGetValue(Normalized(project.Title), out var namesake) && earlierByTitle.ContainsKey(Normalized(project.Title))
                && !earlier.Any(e => e.Id == namesake.Id))
            {
                matched[project.Id] = index[namesake.Id];
            }
        }
        var election = Election.Create(budget, today.Select(p => new Project(p.Id, p.Cost)), VoteType.Approval);
        int unusable = 0;
        foreach (var ballot in ballots)
        {
            int[] approved = [.. ballot.Where(matched.ContainsKey).Select(id => matched[id]).Distinct().Order()];
            if (approved.Length == 0)
            {
                unusable++;
                continue;
            }
            election.AddBallot(approved);
        }
        var reached = matched.Values.ToHashSet();
        return new CarriedOver(election.Build(),
            [.. earlier.Where(p => !matched.ContainsKey(p.Id))],
            [.. today.Where((_, i) => !reached.Contains(i))],
            ballots.Count - unusable, unusable);
    }

    private static Dictionary<string, TitledProject> UniqueTitles(IReadOnlyList<TitledProject> projects) =>
        projects.GroupBy(p => Normalized(p.Title), StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

    private static string Normalized(string title) =>
        string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
