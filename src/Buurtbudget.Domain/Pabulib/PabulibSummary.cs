using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>What <c>buurtbudget check</c> reports about a file: its size, money and ballot design.</summary>
/// <param name="VoterCount">Number of votes (ballots) in the file.</param>
/// <param name="ProjectCount">Number of projects in the file.</param>
/// <param name="Budget">The META budget.</param>
/// <param name="VoteType">The META vote type.</param>
/// <param name="Currency">The META currency, when the file gives one.</param>
/// <param name="Description">The META description, when the file gives one.</param>
/// <param name="BallotDesign">The META entries among <see cref="PabulibNames.BallotDesignKeys"/>, in file order.</param>
/// <param name="BallotsRepeatingAProject">Ballots that name some project more than once (it counts once); worth a warning.</param>
public sealed record PabulibSummary(
    int VoterCount,
    int ProjectCount,
    decimal Budget,
    VoteType VoteType,
    string? Currency,
    string? Description,
    ImmutableArray<PabulibMetaEntry> BallotDesign,
    int BallotsRepeatingAProject)
{
    /// <summary>The vote type as the file writes it (<c>choose-1</c>, not <c>ChooseOne</c>).</summary>
    public string VoteTypeName => PabulibVoteTypes.NameOf(VoteType);

    public static PabulibSummary Of(PabulibFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var design = file.Meta.Where(m => PabulibNames.BallotDesignKeys.Contains(m.Key, StringComparer.Ordinal));
        return new PabulibSummary(
            file.Votes.Length,
            file.Projects.Length,
            file.Budget,
            file.VoteType,
            file.MetaValue(PabulibNames.Currency),
            file.MetaValue(PabulibNames.Description),
            [.. design],
            file.Votes.Count(RepeatsAProject));
    }

    public bool Equals(PabulibSummary? other) =>
        other is not null
        && VoterCount == other.VoterCount
        && ProjectCount == other.ProjectCount
        && Budget == other.Budget
        && VoteType == other.VoteType
        && string.Equals(Currency, other.Currency, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && SequenceEquality.Equal(BallotDesign, other.BallotDesign)
        && BallotsRepeatingAProject == other.BallotsRepeatingAProject;

    public override int GetHashCode() => HashCode.Combine(VoterCount, ProjectCount, Budget, VoteType);

    private static bool RepeatsAProject(PabulibVote vote)
    {
        var ids = vote.ProjectIds;
        for (var i = 1; i < ids.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(ids[i], ids[j], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
