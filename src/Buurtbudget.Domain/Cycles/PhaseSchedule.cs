namespace Buurtbudget.Domain.Cycles;

/// <summary>One step of a cycle's schedule: the moment a later phase starts.</summary>
public sealed record ScheduledPhase(CyclePhase Phase, DateTimeOffset StartsAt);

/// <summary>
/// Which schedules a cycle may be given: every step starts in the future, later than the step before it, and is a
/// move <see cref="PhaseRules"/> allows from the phase before it (the first from the phase the cycle is in now).
/// A schedule that passes is still checked again, step by step, when each moment arrives: a staff member may
/// have moved the cycle in between.
/// </summary>
public static class PhaseSchedule
{
    /// <summary>Draft to closed has seven moves; a schedule never needs more.</summary>
    public const int MaxSteps = 7;

    /// <summary>Null when <paramref name="steps"/> may be scheduled for a cycle in <paramref name="current"/> at
    /// <paramref name="now"/>; otherwise why not, in words for the person who asked.</summary>
    public static string? WhyNot(CyclePhase current, IReadOnlyList<ScheduledPhase> steps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count > MaxSteps)
        {
            return $"A schedule has at most {MaxSteps} steps, one per phase to come.";
        }
        var from = current;
        DateTimeOffset? previous = null;
        foreach (var step in steps)
        {
            if (!Enum.IsDefined(step.Phase))
            {
                return PhaseRules.WhyNot(from, step.Phase);
            }
            string name = PhaseRules.Name(step.Phase);
            if (step.StartsAt <= now)
            {
                return $"The {name} phase is scheduled for {step.StartsAt:yyyy-MM-dd HH:mm zzz}, which is not in the future.";
            }
            if (previous is { } before && step.StartsAt <= before)
            {
                return $"The {name} phase must start after the phase before it ({before:yyyy-MM-dd HH:mm zzz}); put the steps in time order.";
            }
            if (PhaseRules.WhyNot(from, step.Phase) is { } illegal)
            {
                return $"The schedule cannot move the cycle to {name} then: {illegal}";
            }
            from = step.Phase;
            previous = step.StartsAt;
        }
        return null;
    }
}
