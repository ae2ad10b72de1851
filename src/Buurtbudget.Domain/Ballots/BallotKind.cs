namespace Buurtbudget.Domain.Ballots;

/// <summary>The ballot designs a budget cycle can choose from.</summary>
public enum BallotKind
{
    /// <summary>Mark between a minimum and a maximum number of projects.</summary>
    Approval,

    /// <summary>Mark projects whose total cost stays within a spending limit.</summary>
    Knapsack,

    /// <summary>Distribute a number of whole points over projects.</summary>
    Cumulative,

    /// <summary>Put projects in order of preference, 1 being the favourite.</summary>
    Ranking,
}
