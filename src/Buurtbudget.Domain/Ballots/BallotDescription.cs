namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// A ballot design as plain data, for a web page that explains the ballot to voters (in its own language).
/// Fields a design does not use are null; <see cref="BallotMessages.Instructions"/> gives an English version.
/// </summary>
/// <param name="Kind">Which design.</param>
/// <param name="MinProjects">The fewest projects a ballot must name (ranked, for a ranking).</param>
/// <param name="MaxProjects">The most projects a ballot may name; null when there is no maximum.</param>
/// <param name="SpendingLimit">Knapsack: the most the chosen projects may cost together, in euros.</param>
/// <param name="MinimumSpend">Knapsack: the least the chosen projects must cost together, in euros.</param>
/// <param name="Points">Cumulative: the points each voter has.</param>
/// <param name="MustUseAllPoints">Cumulative: whether every point must be given out.</param>
/// <param name="MaxPointsPerProject">Cumulative: the most points one project may get.</param>
public sealed record BallotDescription(
    BallotKind Kind,
    int MinProjects,
    int? MaxProjects,
    decimal? SpendingLimit = null,
    decimal? MinimumSpend = null,
    int? Points = null,
    bool? MustUseAllPoints = null,
    int? MaxPointsPerProject = null);
