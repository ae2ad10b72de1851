namespace Buurtbudget.Domain.Cycles;

/// <summary>
/// Where a budget cycle is. The numbers are stored in snapshots and never change; the order of the phases is
/// <see cref="PhaseRules.Order"/>, not the numbers.
/// </summary>
public enum CyclePhase
{
    /// <summary>Being set up by the corporation; residents see nothing yet.</summary>
    Draft = 0,

    /// <summary>Residents submit, support and improve proposals.</summary>
    Ideas = 3,

    /// <summary>Moderated deliberation rounds on the proposals.</summary>
    Deliberation = 4,

    /// <summary>The corporation reviews feasibility and cost; only feasible proposals go on the ballot.</summary>
    Review = 5,

    /// <summary>The ballot box is open; the rules are frozen.</summary>
    Voting = 1,

    /// <summary>Voting has closed; the outcome and the ballots are public.</summary>
    Results = 2,

    /// <summary>Funded proposals are being carried out, with status updates.</summary>
    Implementation = 6,

    /// <summary>Done; the cycle is kept for the record.</summary>
    Closed = 7,
}
