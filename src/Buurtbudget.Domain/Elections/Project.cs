namespace Buurtbudget.Domain.Elections;

/// <summary>A project on the ballot: its id as the organisers wrote it and what it costs.</summary>
/// <param name="Id">Identifier, compared as an ordinal string (Pabulib ids are strings, not numbers).</param>
/// <param name="Cost">Cost in the currency of the election; never negative.</param>
public sealed record Project(string Id, decimal Cost)
{
    public string Id { get; } = !string.IsNullOrEmpty(Id)
        ? Id
        : throw new ArgumentException("A project needs an id.", nameof(Id));

    public decimal Cost { get; } = Cost >= 0
        ? Cost
        : throw new ArgumentOutOfRangeException(nameof(Cost), Cost, "A project cannot cost less than nothing.");
}
