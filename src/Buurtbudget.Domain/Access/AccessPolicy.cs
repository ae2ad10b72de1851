using System.Collections.Immutable;

namespace Buurtbudget.Domain.Access;

/// <summary>
/// The one table of who may do what. Endpoints and hub methods ask here, so the authorization-matrix test and
/// <c>docs/threat-model.md</c> describe one policy, not many scattered checks.
/// </summary>
/// <remarks>
/// Duties are separated on purpose: an administrator does not moderate or enter paper ballots (a second person
/// checks the first in double entry, and moderators answer to residents, not to the budget holder), and a
/// moderator does not judge feasibility. A person who needs both gets both grants.
/// </remarks>
public static class AccessPolicy
{
    private static readonly ImmutableDictionary<StaffRole, ImmutableHashSet<StaffAction>> ActionsByRole =
        new Dictionary<StaffRole, ImmutableHashSet<StaffAction>>
        {
            [StaffRole.Administrator] =
            [
                StaffAction.ReadAdministration, StaffAction.ManageCorporation, StaffAction.ManageCycles,
                StaffAction.ManageVotingCodes, StaffAction.ReviewFeasibility,
            ],
            [StaffRole.Moderator] = [StaffAction.ReadAdministration, StaffAction.Moderate, StaffAction.EnterPaperBallots],
            [StaffRole.Auditor] = [StaffAction.ReadAdministration],
        }.ToImmutableDictionary();

    public static ImmutableHashSet<StaffAction> ActionsOf(StaffRole role) => ActionsByRole[role];

    /// <summary>
    /// Whether any of <paramref name="grants"/> gives <paramref name="action"/> in the corporation, or in one of
    /// its neighbourhoods when <paramref name="neighbourhoodId"/> is set. A grant narrowed to some neighbourhoods
    /// gives nothing at the corporation level, and corporation-wide management is for corporation-wide grants only.
    /// </summary>
    public static bool Allows(IEnumerable<StaffGrant> grants, StaffAction action, string corporationId, string? neighbourhoodId)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return grants.Any(grant => grant.Covers(corporationId, neighbourhoodId)
            && ActionsByRole[grant.Role].Contains(action)
            && (action != StaffAction.ManageCorporation || grant.CoversEveryNeighbourhood));
    }
}
