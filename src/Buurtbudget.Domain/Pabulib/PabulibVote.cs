using System.Collections.Immutable;
using System.Text;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>One row of the VOTES section: a voter's ballot.</summary>
/// <param name="VoterId">The voter id as written.</param>
/// <param name="ProjectIds">The projects on the ballot in the order written (the rank order for ordinal ballots).</param>
/// <param name="Points">The points per project, aligned with <paramref name="ProjectIds"/>, when the VOTES
/// section has a <c>points</c> column; otherwise null.</param>
/// <param name="Fields">Every other column, in the order of <see cref="PabulibFile.VoteFieldNames"/>;
/// null where the file says <c>none</c>.</param>
public sealed record PabulibVote(
    string VoterId,
    ImmutableArray<string> ProjectIds,
    ImmutableArray<decimal>? Points,
    ImmutableArray<string?> Fields)
{
    public bool Equals(PabulibVote? other) =>
        other is not null
        && string.Equals(VoterId, other.VoterId, StringComparison.Ordinal)
        && SequenceEquality.Equal(ProjectIds, other.ProjectIds)
        && SequenceEquality.Equal(Points, other.Points)
        && SequenceEquality.Equal(Fields, other.Fields);

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(VoterId), SequenceEquality.Hash(ProjectIds));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("VoterId = ").Append(VoterId)
            .Append(", ProjectIds = ").Append(PabulibText.List(ProjectIds))
            .Append(", Points = ").Append(Points is { IsDefault: false } points ? PabulibText.List(points.Select(PabulibNumbers.Format)) : "null")
            .Append(", Fields = ").Append(PabulibText.List(Fields));
        return true;
    }
}
