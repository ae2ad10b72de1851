namespace Buurtbudget.Domain.Ballots;

/// <summary>The points a cumulative ballot gives one project, as the outcome rules consume them.</summary>
public sealed record ProjectPoints(string ProjectId, int Points);
