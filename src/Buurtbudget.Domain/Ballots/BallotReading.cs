using System.Collections.Immutable;
using System.Numerics;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// The facts every design checks, read once from a ballot: which projects it names, which of those are
/// on the ballot, which appear more than once and what the known ones cost together.
/// </summary>
internal sealed class BallotReading
{
    private readonly Dictionary<string, int> _occurrences;
    private readonly HashSet<string> _known;

    private BallotReading(CastBallot ballot, ImmutableArray<string> chosenIds, Dictionary<string, int> occurrences,
        HashSet<string> known, BigInteger knownCostUnits)
    {
        Entries = ballot.Entries;
        ChosenIds = chosenIds;
        _occurrences = occurrences;
        _known = known;
        KnownCostUnits = knownCostUnits;
    }

    public ImmutableArray<BallotEntry> Entries { get; }

    /// <summary>Every project id the ballot names, once each, in order of first appearance.</summary>
    public ImmutableArray<string> ChosenIds { get; }

    public IEnumerable<string> KnownChosenIds => ChosenIds.Where(_known.Contains);

    /// <summary>The exact total cost of the named projects that are on the ballot, each counted once.</summary>
    public BigInteger KnownCostUnits { get; }

    public static BallotReading Of(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(projects);

        // Project lists come from an Election, whose ids are unique; should one repeat anyway, the first wins.
        var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            ArgumentNullException.ThrowIfNull(project, nameof(projects));
            costs.TryAdd(project.Id, project.Cost);
        }

        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in ballot.Entries)
        {
            if (occurrences.TryGetValue(entry.ProjectId, out var seen))
            {
                occurrences[entry.ProjectId] = seen + 1;
            }
            else
            {
                occurrences.Add(entry.ProjectId, 1);
                chosen.Add(entry.ProjectId);
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var cost = BigInteger.Zero;
        foreach (var id in chosen)
        {
            if (costs.TryGetValue(id, out var projectCost))
            {
                known.Add(id);
                cost += ExactAmount.ToUnits(projectCost);
            }
        }

        return new BallotReading(ballot, chosen.ToImmutable(), occurrences, known, cost);
    }

    /// <summary>Projects that are not on the ballot and projects named more than once, in ballot order.</summary>
    public IEnumerable<BallotProblem> IdentityProblems()
    {
        foreach (var id in ChosenIds)
        {
            if (!_known.Contains(id))
            {
                yield return BallotProblem.ForProject(BallotProblemCode.UnknownProject, id);
            }

            var times = _occurrences[id];
            if (times > 1)
            {
                yield return BallotProblem.ForProject(BallotProblemCode.DuplicateProject, id, actual: times);
            }
        }
    }
}
