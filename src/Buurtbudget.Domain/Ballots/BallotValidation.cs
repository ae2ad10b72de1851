using System.Collections.Immutable;

namespace Buurtbudget.Domain.Ballots;

/// <summary>The verdict on a cast ballot: every problem found, not just the first, so a resident can fix
/// the ballot in one go.</summary>
public sealed record BallotValidation
{
    public BallotValidation(IEnumerable<BallotProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = [.. problems];
    }

    public ImmutableArray<BallotProblem> Problems { get; }

    public bool IsValid => Problems.IsEmpty;

    /// <exception cref="InvalidBallotException">The ballot has at least one problem.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InvalidBallotException(Problems);
        }
    }

    public bool Equals(BallotValidation? other) =>
        other is not null && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var problem in Problems)
        {
            hash.Add(problem);
        }

        return hash.ToHashCode();
    }
}
