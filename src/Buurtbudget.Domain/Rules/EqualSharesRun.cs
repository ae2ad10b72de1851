using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>One round of Equal Shares: which project was bought and how its supporters paid.</summary>
internal sealed record EqualSharesRound(int Round, int Project, Rational PricePerUtility, Rational MaxPayment,
    int Supporters, int SupportersPayingAll, Dictionary<long, (Rational Payment, int NewClass)>? Transitions);

/// <summary>A project Equal Shares gave up on: in <paramref name="Round"/> its supporters had only
/// <paramref name="MoneyLeft"/> between them (null in runs made without explanations, which only prove it too little).</summary>
internal readonly record struct EqualSharesDrop(int Round, Rational? MoneyLeft);

/// <summary>The result of one Equal Shares run with a fixed endowment.</summary>
internal sealed class EqualSharesRun
{
    public required Rational Endowment { get; init; }

    /// <summary>Projects in the order they were bought; free (cost 0) projects come first, in round 0.</summary>
    public required List<int> Selected { get; init; }

    public required List<EqualSharesRound> Rounds { get; init; }

    public required Dictionary<int, EqualSharesDrop> Dropped { get; init; }

    public required Rational TotalCost { get; init; }

    /// <summary>False for runs made only to decide (add1's): they know every dropped project was unaffordable, but not
    /// always how much money its supporters had left, which explanations show.</summary>
    public bool Explained { get; init; } = true;

    /// <summary>Number of rational voter-budget classes the run created; a cost indicator for benchmarks.</summary>
    public int ClassCount { get; init; }
}
