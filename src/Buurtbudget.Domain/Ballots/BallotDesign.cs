using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// A ballot design a budget cycle can choose. Designs are immutable values whose parameters were checked
/// when they were made, so a design that exists can always be satisfied by some ballot.
/// </summary>
public abstract record BallotDesign
{
    private protected BallotDesign()
    {
    }

    public abstract BallotKind Kind { get; }

    /// <summary>Checks a cast ballot against this design and lists every problem found. Never throws for a
    /// non-null ballot and project list, whatever ids and numbers they hold.</summary>
    /// <param name="ballot">The ballot as the voter submitted it.</param>
    /// <param name="projects">The projects on the ballot (ids are unique in an <see cref="Election"/>).</param>
    public abstract BallotValidation Validate(CastBallot ballot, IReadOnlyList<Project> projects);

    /// <summary>The design as plain data, for pages that explain the ballot.</summary>
    public abstract BallotDescription Describe();
}
