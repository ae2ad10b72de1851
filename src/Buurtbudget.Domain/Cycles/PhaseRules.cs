using System.Collections.Immutable;

namespace Buurtbudget.Domain.Cycles;

/// <summary>
/// The phase machine of a budget cycle: draft → ideas → deliberation → review → voting → results →
/// implementation → closed. Phases only move forward. Ideas, deliberation and review may be skipped (a cycle can go
/// from draft straight to voting on a list the corporation brings, for instance last year's vote imported from a
/// <c>.pb</c> file), and so may implementation when nothing is to be tracked. Voting and results are never skipped:
/// no cycle reaches results without a vote.
/// </summary>
public static class PhaseRules
{
    public static ImmutableArray<CyclePhase> Order { get; } =
    [
        CyclePhase.Draft, CyclePhase.Ideas, CyclePhase.Deliberation, CyclePhase.Review,
        CyclePhase.Voting, CyclePhase.Results, CyclePhase.Implementation, CyclePhase.Closed,
    ];

    private static readonly ImmutableHashSet<CyclePhase> Skippable = [CyclePhase.Ideas, CyclePhase.Deliberation, CyclePhase.Review, CyclePhase.Implementation];

    /// <summary>Null when a cycle in <paramref name="from"/> may move to <paramref name="to"/>; otherwise why not,
    /// in words for the person who asked.</summary>
    public static string? WhyNot(CyclePhase from, CyclePhase to)
    {
        if (!Enum.IsDefined(to))
        {
            return $"'{to}' is not a phase. The phases are {string.Join(", ", Order.Select(Name))}.";
        }
        int fromIndex = Order.IndexOf(from), toIndex = Order.IndexOf(to);
        if (toIndex == fromIndex)
        {
            return $"The cycle is already in the {Name(to)} phase.";
        }
        if (toIndex < fromIndex)
        {
            return $"Phases only move forward; the cycle is in {Name(from)} and cannot go back to {Name(to)}.";
        }
        var skipped = Order[(fromIndex + 1)..toIndex].Where(p => !Skippable.Contains(p)).ToList();
        return skipped.Count == 0
            ? null
            : $"The cycle cannot go from {Name(from)} to {Name(to)} without the {string.Join(" and ", skipped.Select(Name))} phase{(skipped.Count > 1 ? "s" : "")}.";
    }

    /// <summary>The phases a cycle in <paramref name="from"/> may move to next.</summary>
    public static ImmutableArray<CyclePhase> Next(CyclePhase from) => [.. Order.Where(to => WhyNot(from, to) is null)];

    /// <summary>Whether the ballot box has closed: results, implementation or closed.</summary>
    public static bool VotingHasClosed(CyclePhase phase) => Order.IndexOf(phase) > Order.IndexOf(CyclePhase.Voting);

    /// <summary>Whether residents may submit and edit proposals.</summary>
    public static bool AcceptsProposals(CyclePhase phase) => phase is CyclePhase.Ideas or CyclePhase.Deliberation;

    public static string Name(CyclePhase phase) => phase.ToString().ToLowerInvariant();
}
