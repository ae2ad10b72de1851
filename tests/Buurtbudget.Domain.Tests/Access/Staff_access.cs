using Buurtbudget.Domain.Access;

namespace Buurtbudget.Domain.Tests.Access;

public sealed class Staff_access
{
    private static StaffGrant Grant(string corporation, StaffRole role, params string[] neighbourhoods) => new(corporation, role, [.. neighbourhoods]);

    [Theory]
    [InlineData(StaffRole.Administrator, StaffAction.ManageCycles, true)]
    [InlineData(StaffRole.Administrator, StaffAction.ManageVotingCodes, true)]
    [InlineData(StaffRole.Administrator, StaffAction.ReviewFeasibility, true)]
    [InlineData(StaffRole.Administrator, StaffAction.Moderate, false)]
    [InlineData(StaffRole.Administrator, StaffAction.EnterPaperBallots, false)]
    [InlineData(StaffRole.Moderator, StaffAction.Moderate, true)]
    [InlineData(StaffRole.Moderator, StaffAction.EnterPaperBallots, true)]
    [InlineData(StaffRole.Moderator, StaffAction.ReviewFeasibility, false)]
    [InlineData(StaffRole.Moderator, StaffAction.ManageCycles, false)]
    [InlineData(StaffRole.Auditor, StaffAction.ReadAdministration, true)]
    [InlineData(StaffRole.Auditor, StaffAction.ManageCycles, false)]
    [InlineData(StaffRole.Auditor, StaffAction.Moderate, false)]
    public void A_role_gives_exactly_its_permissions_in_its_own_neighbourhoods(StaffRole role, StaffAction action, bool allowed)
    {
        Assert.Equal(allowed, AccessPolicy.Allows([Grant("ymere", role)], action, "ymere", "oost"));
    }

    [Fact]
    public void Every_permission_of_every_role_stops_at_the_corporation_boundary()
    {
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            foreach (var action in Enum.GetValues<StaffAction>())
            {
                Assert.False(AccessPolicy.Allows([Grant("ymere", role)], action, "eigen-haard", "west"), $"{role} {action}");
                Assert.False(AccessPolicy.Allows([Grant("ymere", role)], action, "eigen-haard", null), $"{role} {action}");
            }
        }
    }

    [Fact]
    public void A_grant_narrowed_to_some_neighbourhoods_covers_only_those()
    {
        var moderator = Grant("ymere", StaffRole.Moderator, "oost", "noord");

        Assert.True(AccessPolicy.Allows([moderator], StaffAction.Moderate, "ymere", "noord"));
        Assert.False(AccessPolicy.Allows([moderator], StaffAction.Moderate, "ymere", "west"));
        Assert.False(AccessPolicy.Allows([moderator], StaffAction.ReadAdministration, "ymere", null));
    }

    [Fact]
    public void Managing_the_corporation_needs_a_corporation_wide_administrator()
    {
        Assert.True(AccessPolicy.Allows([Grant("ymere", StaffRole.Administrator)], StaffAction.ManageCorporation, "ymere", null));
        Assert.False(AccessPolicy.Allows([Grant("ymere", StaffRole.Administrator, "oost")], StaffAction.ManageCorporation, "ymere", "oost"));
        Assert.True(AccessPolicy.Allows([Grant("ymere", StaffRole.Administrator, "oost")], StaffAction.ManageCycles, "ymere", "oost"));
    }

    [Fact]
    public void Grants_add_up_and_no_grants_allow_nothing()
    {
        StaffGrant[] both = [Grant("ymere", StaffRole.Administrator), Grant("ymere", StaffRole.Moderator, "oost")];

        Assert.True(AccessPolicy.Allows(both, StaffAction.Moderate, "ymere", "oost"));
        Assert.True(AccessPolicy.Allows(both, StaffAction.ManageCycles, "ymere", "oost"));
        Assert.All(Enum.GetValues<StaffAction>(), action => Assert.False(AccessPolicy.Allows([], action, "ymere", "oost")));
    }
}
