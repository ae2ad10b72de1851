using System.Collections.Immutable;

namespace Buurtbudget.Domain.Ballots;

/// <summary>One way in which a ballot breaks its design, as data.</summary>
/// <param name="Code">What is wrong.</param>
/// <param name="ProjectIds">The projects involved, in ballot order; empty when the problem is the ballot as a whole.</param>
/// <param name="Limit">The number the design sets (a count, an amount in euros or points), if any.</param>
/// <param name="Actual">The number the ballot has, if any.</param>
public sealed record BallotProblem(BallotProblemCode Code, ImmutableArray<string> ProjectIds, decimal? Limit, decimal? Actual)
{
    public ImmutableArray<string> ProjectIds { get; } = ProjectIds.IsDefault ? [] : ProjectIds;

    /// <summary>The explanation for the resident, in plain English, derived from the code and the numbers.</summary>
    public string Message => BallotMessages.Describe(this);

    public bool Equals(BallotProblem? other) =>
        other is not null
        && Code == other.Code
        && Limit == other.Limit
        && Actual == other.Actual
        && ProjectIds.SequenceEqual(other.ProjectIds, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code);
        hash.Add(Limit);
        hash.Add(Actual);
        foreach (var id in ProjectIds)
        {
            hash.Add(id, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    internal static BallotProblem ForBallot(BallotProblemCode code, IEnumerable<string> projectIds, decimal limit, decimal actual) =>
        new(code, [.. projectIds], limit, actual);

    internal static BallotProblem ForProject(BallotProblemCode code, string projectId, decimal? limit = null, decimal? actual = null) =>
        new(code, [projectId], limit, actual);
}
