using System.Collections.Immutable;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// What one voter submitted, exactly as submitted. One shape serves every design because the web form
/// always sends the same thing (project ids with a number each); the design decides whether it is valid.
/// Equality is by content and order, so a ballot can be hashed and compared as a value.
/// </summary>
public sealed record CastBallot
{
    public CastBallot(IEnumerable<BallotEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
        }
    }

    public ImmutableArray<BallotEntry> Entries { get; }

    /// <summary>An approval or knapsack ballot: each listed project is marked once.</summary>
    public static CastBallot OfMarks(params IEnumerable<string> projectIds) =>
        new(projectIds.Select(id => new BallotEntry(id, 1)));

    /// <summary>A cumulative ballot: the points given to each listed project.</summary>
    public static CastBallot OfPoints(params IEnumerable<(string ProjectId, decimal Points)> points) =>
        new(points.Select(p => new BallotEntry(p.ProjectId, p.Points)));

    /// <summary>A ranking ballot with the rank the voter wrote next to each project.</summary>
    public static CastBallot OfRanks(params IEnumerable<(string ProjectId, decimal Rank)> ranks) =>
        new(ranks.Select(r => new BallotEntry(r.ProjectId, r.Rank)));

    /// <summary>A ranking ballot from projects listed favourite first (ranks 1, 2, 3, …).</summary>
    public static CastBallot OfRankOrder(params IEnumerable<string> projectIds) =>
        new(projectIds.Select((id, i) => new BallotEntry(id, i + 1)));

    public bool Equals(CastBallot? other) =>
        other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in Entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }
}
