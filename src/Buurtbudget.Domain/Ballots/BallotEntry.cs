namespace Buurtbudget.Domain.Ballots;

/// <summary>One line of a cast ballot: a project id and the number the voter put next to it.</summary>
/// <param name="ProjectId">The project as the voter's device sent it; it may name no project at all.</param>
/// <param name="Value">What the number means depends on the design: 1 for a mark (approval, knapsack),
/// the points given (cumulative) or the rank, 1 being the favourite (ranking). Kept as an arbitrary decimal
/// so that a fractional or negative number is reported back instead of being lost in a conversion.</param>
public sealed record BallotEntry(string ProjectId, decimal Value)
{
    public string ProjectId { get; } = ProjectId ?? throw new ArgumentNullException(nameof(ProjectId));
}
