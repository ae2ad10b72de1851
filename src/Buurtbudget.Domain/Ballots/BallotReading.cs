using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// The facts every design checks, read once from a ballot: which projects it names, which of those are
/// on the ballot, which appear more than once and what the known ones cost together.
/// </summary>
/// <remarks>
/// Every ballot cast is read here, inside its neighbourhood's turn. A ballot names a handful of projects, so each id is
/// looked up among the projects and the ids already seen one by one: building a dictionary of every project for every
/// ballot was a sixth of all the memory the ballot path allocated (docs/performance.md, session 10). A ballot long
/// enough for that to be slow (only hostile input is) is read with dictionaries instead; both give the same reading.
/// </remarks>
internal sealed class BallotReading
{
    /// <summary>Above this many comparisons (ids × (ids + projects)) the ballot is read with dictionaries.</summary>
    internal const int OneByOneLimit = 4_096;

    // Per chosen id, in the same order: how often the ballot names it, and its cost when it is on the ballot
    // (_occurrences may be longer than the ids; the rest is unused).
    private readonly int[] _occurrences;
    private readonly decimal?[] _costs;

    private BallotReading(CastBallot ballot, ImmutableArray<string> chosenIds, int[] occurrences, decimal?[] costs)
    {
        Entries = ballot.Entries;
        ChosenIds = chosenIds;
        _occurrences = occurrences;
        _costs = costs;
    }

    public ImmutableArray<BallotEntry> Entries { get; }

    /// <summary>Every project id the ballot names, once each, in order of first appearance.</summary>
    public ImmutableArray<string> ChosenIds { get; }

    public IEnumerable<string> KnownChosenIds => ChosenIds.Where((_, i) => _costs[i] is not null);

    /// <summary>The exact total cost of the named projects that are on the ballot, each counted once.</summary>
    public BigInteger KnownCostUnits => ExactAmount.Sum(_costs.OfType<decimal>());

    public static BallotReading Of(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(projects);
        for (int i = 0; i < projects.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(projects[i], nameof(projects));
        }
        var entries = ballot.Entries;
        return (long)entries.Length * (entries.Length + projects.Count) <= OneByOneLimit
            ? OneByOne(ballot, projects)
            : WithDictionaries(ballot, projects);
    }

    /// <summary>Projects that are not on the ballot and projects named more than once, in ballot order.</summary>
    public IEnumerable<BallotProblem> IdentityProblems()
    {
        for (int i = 0; i < ChosenIds.Length; i++)
        {
            if (_costs[i] is null)
            {
                yield return BallotProblem.ForProject(BallotProblemCode.UnknownProject, ChosenIds[i]);
            }
            if (_occurrences[i] > 1)
            {
                yield return BallotProblem.ForProject(BallotProblemCode.DuplicateProject, ChosenIds[i], actual: _occurrences[i]);
            }
        }
    }

    internal static BallotReading OneByOne(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var entries = ballot.Entries;
        var chosen = new string[entries.Length];
        var occurrences = new int[entries.Length];
        int count = 0;
        foreach (var entry in entries)
        {
            int seen = count - 1;
            while (seen >= 0 && !string.Equals(chosen[seen], entry.ProjectId, StringComparison.Ordinal))
            {
                seen--;
            }
            if (seen >= 0)
            {
                occurrences[seen]++;
            }
            else
            {
                chosen[count] = entry.ProjectId;
                occurrences[count++] = 1;
            }
        }
        var costs = new decimal?[count];
        for (int i = 0; i < count; i++)
        {
            // Project lists come from an Election, whose ids are unique; should one repeat anyway, the first wins.
            for (int p = 0; p < projects.Count; p++)
            {
                if (string.Equals(projects[p].Id, chosen[i], StringComparison.Ordinal))
                {
                    costs[i] = projects[p].Cost;
                    break;
                }
            }
        }
        // Usually every entry names another project, and the array is the list as it is.
        var ids = count == chosen.Length ? ImmutableCollectionsMarshal.AsImmutableArray(chosen) : ImmutableArray.Create(chosen, 0, count);
        return new BallotReading(ballot, ids, occurrences, costs);
    }

    internal static BallotReading WithDictionaries(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var costOf = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            costOf.TryAdd(project.Id, project.Cost);
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = ImmutableArray.CreateBuilder<string>();
        var occurrences = new List<int>();
        foreach (var entry in ballot.Entries)
        {
            if (index.TryGetValue(entry.ProjectId, out int seen))
            {
                occurrences[seen]++;
            }
            else
            {
                index.Add(entry.ProjectId, chosen.Count);
                chosen.Add(entry.ProjectId);
                occurrences.Add(1);
            }
        }
        var costs = chosen.Select(id => costOf.TryGetValue(id, out var cost) ? cost : (decimal?)null).ToArray();
        return new BallotReading(ballot, chosen.ToImmutable(), [.. occurrences], costs);
    }
}
