using System.Collections.Immutable;

namespace Buurtbudget.Domain.Households;

/// <summary>One row of an address list: one household, one voting code.</summary>
/// <param name="Line">The line in the file where the row starts (1-based), for messages.</param>
public sealed record Household(int Line, ImmutableArray<string> Fields)
{
    /// <summary>The row as one line of text, for the code grain's mail-merge pairing.</summary>
    public string Label => string.Join(", ", Fields.Where(f => f.Length > 0));
}
