using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Server.Live;

/// <summary>
/// The one place that decides which numbers of a cycle may be shown now, for the live hub and the public cycle
/// page alike: everything after the close; during voting only what the frozen manifest allows, and per-project
/// numbers only once the minimum turnout is reached, so a counter never reveals a single neighbour's ballot (G9).
/// </summary>
internal static class Disclosure
{
    public static ImmutableArray<ProjectTally>? CountsToShow(CycleView cycle) =>
        cycle.Tally is { } tally && (PhaseRules.VotingHasClosed(cycle.Phase) || (cycle.Manifest is { } manifest
            && manifest.Live.Disclosure != LiveDisclosure.TurnoutOnly && tally.Turnout >= manifest.Live.MinimumTurnout))
            ? tally.Projects
            : null;

    public static bool AllocationToShow(CycleView cycle) =>
        CountsToShow(cycle) is not null && (PhaseRules.VotingHasClosed(cycle.Phase) || cycle.Manifest!.Live.Disclosure == LiveDisclosure.ProvisionalAllocation);
}
