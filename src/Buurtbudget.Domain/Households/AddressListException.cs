using System.Collections.Immutable;

namespace Buurtbudget.Domain.Households;

/// <summary>The address list cannot be used as it is. Lists every problem found, each with its line.</summary>
public sealed class AddressListException : Exception
{
    public AddressListException(ImmutableArray<AddressListProblem> problems)
        : base(Summary(problems)) => Problems = problems;

    public AddressListException() : this([]) { }
    public AddressListException(string message) : base(message) => Problems = [];
    public AddressListException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public ImmutableArray<AddressListProblem> Problems { get; }

    private static string Summary(ImmutableArray<AddressListProblem> problems) => problems.IsDefaultOrEmpty
        ? "The address list cannot be used."
        : problems.Length == 1
            ? $"Line {problems[0].Line}: {problems[0].Message}"
            : $"Line {problems[0].Line}: {problems[0].Message} (and {problems.Length - 1} more problem{(problems.Length == 2 ? "" : "s")})";
}
