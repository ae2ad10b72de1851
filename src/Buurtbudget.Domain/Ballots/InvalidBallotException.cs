using System.Collections.Immutable;

namespace Buurtbudget.Domain.Ballots;

/// <summary>Thrown when a ballot that breaks its design is handed to an outcome conversion: such a ballot
/// is rejected as a whole, never trimmed or repaired into something the voter did not submit.</summary>
public sealed class InvalidBallotException : Exception
{
    public InvalidBallotException(ImmutableArray<BallotProblem> problems)
        : base("The ballot breaks its design: " + string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    public ImmutableArray<BallotProblem> Problems { get; }
}
