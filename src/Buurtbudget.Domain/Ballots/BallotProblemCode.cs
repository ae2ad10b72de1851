namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// Why a ballot breaks its design. Codes and the numbers on <see cref="BallotProblem"/> are the source of
/// truth; every message, in any language, is derived from them.
/// </summary>
public enum BallotProblemCode
{
    /// <summary>Nothing was chosen (for cumulative: no project got any points). Limit: the minimum number of projects.</summary>
    EmptyBallot,

    /// <summary>Limit: the minimum number of projects; actual: how many were chosen.</summary>
    TooFewProjects,

    /// <summary>Limit: the maximum number of projects; actual: how many were chosen.</summary>
    TooManyProjects,

    /// <summary>Limit: the spending limit; actual: the total cost of the chosen projects.</summary>
    OverSpendingLimit,

    /// <summary>Limit: the minimum spend; actual: the total cost of the chosen projects.</summary>
    UnderMinimumSpend,

    /// <summary>The project id is not on this ballot.</summary>
    UnknownProject,

    /// <summary>Actual: how many times the project appears.</summary>
    DuplicateProject,

    /// <summary>An approval or knapsack entry carries a number other than 1. Limit: 1; actual: the number.</summary>
    InvalidMark,

    /// <summary>Actual: the fractional number of points given to the project.</summary>
    PointsNotWhole,

    /// <summary>Actual: the negative number of points given to the project.</summary>
    NegativePoints,

    /// <summary>Limit: the points available; actual: the points given out.</summary>
    TooManyPoints,

    /// <summary>Limit: the points available; actual: the points given out.</summary>
    NotAllPointsUsed,

    /// <summary>Limit: the most points one project may get; actual: the points given to the project.</summary>
    OverPerProjectCap,

    /// <summary>The ranks are not exactly 1, 2, …, k. Limit: k, the number of ranked entries;
    /// projects: those whose rank is repeated, fractional or outside 1..k.</summary>
    RankingNotContiguous,
}
