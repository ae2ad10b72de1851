namespace Buurtbudget.Domain.Households;

/// <summary>One thing wrong with an address list, at a line of the file.</summary>
public sealed record AddressListProblem(int Line, string Message);
