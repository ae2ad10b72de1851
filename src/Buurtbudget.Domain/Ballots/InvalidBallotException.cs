using System.Collections.Immutable;

namespace Buurtbudget.Domain.Ballots;

/// <summary>Thrown when a ballot that breaks its design is handed to an outcome conversion: such a ballot
/// is rejected as a whole, never trimmed or repaired into something the voter did not submit.</summary>
public sealed class InvalidBallotException(ImmutableArray<BallotProblem> problems) : Exception
{
    public ImmutableArray<BallotProblem> Problems { get; } = problems;

    // Built on demand: callers usually read Problems, and English text is only needed in logs.
    public override string Message =>
        "The ballot breaks its design: " + string.Join(" ", Problems.Select(p => p.Message));
}
