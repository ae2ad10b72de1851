namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>Where a budget cycle is. The ideas, deliberation and review phases join with the cycle issue.</summary>
public enum CyclePhase
{
    Draft,
    Voting,
    Closed,
}
