namespace Buurtbudget.Domain.Access;

/// <summary>
/// What a member of staff may be in a corporation. Residents are not staff: a voting code or the corporation's
/// identity provider makes someone a resident of one neighbourhood, and they never need a grant.
/// </summary>
public enum StaffRole
{
    /// <summary>Runs deliberation rounds and enters paper ballots in the neighbourhoods of the grant.</summary>
    Moderator,

    /// <summary>Runs the corporation: staff, neighbourhoods, budget cycles, voting codes, feasibility review.</summary>
    Administrator,

    /// <summary>Reads everything an administrator reads, changes nothing, and sees no voter identities.</summary>
    Auditor,
}
