using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>Mark between <see cref="MinProjects"/> and <see cref="MaxProjects"/> projects.</summary>
public sealed record ApprovalDesign : BallotDesign
{
    /// <param name="minProjects">The fewest projects to mark; at least 1.</param>
    /// <param name="maxProjects">The most projects to mark; null for no maximum.</param>
    public ApprovalDesign(int minProjects = 1, int? maxProjects = null)
    {
        DesignGuard.ProjectRange(minProjects, maxProjects, nameof(minProjects), nameof(maxProjects));
        MinProjects = minProjects;
        MaxProjects = maxProjects;
    }

    public int MinProjects { get; }

    public int? MaxProjects { get; }

    public override BallotKind Kind => BallotKind.Approval;

    public override BallotValidation Validate(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var reading = BallotReading.Of(ballot, projects);
        return new BallotValidation([
            .. reading.IdentityProblems(),
            .. SharedRules.MarkProblems(reading),
            .. SharedRules.CountProblems(reading, MinProjects, MaxProjects),
        ]);
    }

    /// <summary>The approved project ids, in ballot order, for the outcome rules.</summary>
    /// <exception cref="InvalidBallotException">The ballot breaks this design.</exception>
    public ImmutableArray<string> ToApprovedProjects(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        Validate(ballot, projects).ThrowIfInvalid();
        return [.. ballot.Entries.Select(entry => entry.ProjectId)];
    }

    public override BallotDescription Describe() => new(Kind, MinProjects, MaxProjects);
}
