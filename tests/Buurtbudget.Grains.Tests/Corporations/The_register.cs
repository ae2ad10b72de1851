using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Corporations;

public sealed class The_register : IAsyncLifetime
{
    private static readonly StaffMember Anna = new("https://login.ymere.example", "anna");
    private static readonly StaffMember Bram = new("https://login.ymere.example", "bram");
    private static readonly StaffMember OtherAnna = new("https://login.elsewhere.example", "anna");

    private readonly TempDirectory _folder = new();
    private ServerNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), Buurtbudget.Grains.Neighbourhoods.BallotSecrecy.CreateRandom());
        await _node.Register.RegisterCorporationAsync(new RegisterCorporation("ymere", "Ymere", Anna));
        await _node.Register.RegisterNeighbourhoodAsync(new RegisterNeighbourhood("ymere", "oost", "Amsterdam-Oost"));
        await _node.Register.RegisterNeighbourhoodAsync(new RegisterNeighbourhood("ymere", "noord", "Amsterdam-Noord"));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_corporation_is_registered_together_with_its_first_administrator_or_not_at_all()
    {
        var admin = Assert.Single((await _node.Register.GetCorporationAsync("ymere")).Staff);

        Assert.Equal((Anna, StaffRole.Administrator, true), (admin.Member, admin.Role, admin.Neighbourhoods.IsDefaultOrEmpty));
        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.RegisterCorporationAsync(new RegisterCorporation("ymere", "Again", Bram)));
        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.RegisterCorporationAsync(new RegisterCorporation("woonzorg", "Woonzorg", new("ftp://x", "y"))));
        Assert.Equal(["ymere"], (await _node.Register.ListCorporationsAsync()).Select(c => c.CorporationId));
    }

    [Fact]
    public async Task Grants_neighbourhoods_and_corporations_survive_a_reactivation()
    {
        await _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("ymere", StaffRole.Moderator, ["oost"])) { By = Anna });

        await _node.Runtime.CollectIdleAsync();
        var entries = await _node.Ledger.ReadAsync(RegisterGrain.StreamPrefix + RegisterGrain.Key).ToListAsync();
        Assert.Contains("\"by\":{\"issuer\":\"https://login.ymere.example\",\"subject\":\"anna\"}", System.Text.Encoding.UTF8.GetString(entries[^1].Payload.Span), StringComparison.Ordinal);
        await using var restarted = ServerNode.OnSqlite(_folder.File("ledger.db"), Buurtbudget.Grains.Neighbourhoods.BallotSecrecy.CreateRandom());

        Assert.Equal("ymere", (await restarted.Register.FindNeighbourhoodAsync("noord"))!.CorporationId);
        Assert.Equal(new StaffGrant("ymere", StaffRole.Moderator, ["oost"]), Assert.Single(await restarted.Register.GetGrantsAsync(Bram)));
        Assert.Equal(["ymere"], (await restarted.Register.ListCorporationsAsync()).Select(c => c.CorporationId));
    }

    [Fact]
    public async Task A_person_is_issuer_and_subject_together_so_the_same_subject_at_another_provider_is_someone_else()
    {
        Assert.Single(await _node.Register.GetGrantsAsync(Anna));
        Assert.Empty(await _node.Register.GetGrantsAsync(OtherAnna));
    }

    [Fact]
    public async Task Granting_a_role_again_changes_its_neighbourhoods_instead_of_adding_a_second_grant()
    {
        await _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("ymere", StaffRole.Moderator, ["oost"])));
        await _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("ymere", StaffRole.Moderator, ["noord", "oost", "noord"])));

        var grant = Assert.Single(await _node.Register.GetGrantsAsync(Bram));
        Assert.Equal(["noord", "oost"], grant.Neighbourhoods.ToArray());
    }

    [Fact]
    public async Task The_last_corporation_wide_administrator_cannot_be_revoked_or_narrowed()
    {
        var revoke = await Assert.ThrowsAsync<RegisterException>(() => _node.Register.RevokeRoleAsync(new RevokeRole(Anna, "ymere", StaffRole.Administrator)));
        var narrow = await Assert.ThrowsAsync<RegisterException>(() =>
            _node.Register.GrantRoleAsync(new GrantRole(Anna, new StaffGrant("ymere", StaffRole.Administrator, ["oost"]))));

        Assert.Equal(RegisterProblem.LastAdministrator, revoke.Problem);
        Assert.Equal(RegisterProblem.LastAdministrator, narrow.Problem);
        await _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("ymere", StaffRole.Administrator, [])));
        await _node.Register.RevokeRoleAsync(new RevokeRole(Anna, "ymere", StaffRole.Administrator));
        Assert.Empty(await _node.Register.GetGrantsAsync(Anna));
    }

    [Theory]
    [InlineData("ymere", "west", "Amsterdam-West", RegisterProblem.UnknownCorporation, "eigen-haard")]
    [InlineData("ymere", "oost", "Again", RegisterProblem.AlreadyRegistered, null)]
    [InlineData("ymere", "bad id!", "West", RegisterProblem.InvalidCommand, null)]
    [InlineData("ymere", "west", "   ", RegisterProblem.InvalidCommand, null)]
    [InlineData("ymere", "west", "Two\nlines", RegisterProblem.InvalidCommand, null)]
    public async Task A_neighbourhood_that_breaks_a_rule_is_refused_and_changes_nothing(
        string corporation, string neighbourhood, string name, RegisterProblem expected, string? otherCorporation)
    {
        var before = await _node.Register.GetCorporationAsync("ymere");

        var refused = await Assert.ThrowsAsync<RegisterException>(() =>
            _node.Register.RegisterNeighbourhoodAsync(new RegisterNeighbourhood(otherCorporation ?? corporation, neighbourhood, name)));

        Assert.Equal(expected, refused.Problem);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        Assert.Equivalent(before, await _node.Register.GetCorporationAsync("ymere"), strict: true);
    }

    [Fact]
    public async Task Grants_name_real_neighbourhoods_of_the_corporation_and_a_real_issuer()
    {
        await _node.Register.RegisterCorporationAsync(new RegisterCorporation("eigen-haard", "Eigen Haard", OtherAnna));
        await _node.Register.RegisterNeighbourhoodAsync(new RegisterNeighbourhood("eigen-haard", "west", "Amsterdam-West"));

        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("ymere", StaffRole.Moderator, ["west"]))));
        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("nobody", StaffRole.Moderator, []))));
        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.GrantRoleAsync(new GrantRole(new("http://login.example", "bram"), new StaffGrant("ymere", StaffRole.Moderator, []))));
        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.GrantRoleAsync(new GrantRole(new("https://login.example", ""), new StaffGrant("ymere", StaffRole.Moderator, []))));
        await Assert.ThrowsAsync<RegisterException>(() => _node.Register.GrantRoleAsync(new GrantRole(Bram, new StaffGrant("ymere", (StaffRole)42, []))));
        Assert.Empty(await _node.Register.GetGrantsAsync(Bram));
    }

    [Fact]
    public async Task A_neighbourhood_placed_on_the_map_keeps_its_view_through_a_reactivation_and_a_snapshot()
    {
        var view = new MapView(new GeoPoint(52.3601234567, 4.9301), 16);
        var placed = await _node.Register.PlaceNeighbourhoodOnMapAsync(new PlaceNeighbourhoodOnMap("ymere", "oost", view) { By = Anna });

        var rounded = new MapView(new GeoPoint(52.360123, 4.9301), 16);
        Assert.Equal(rounded, placed.Neighbourhoods.Single(n => n.NeighbourhoodId == "oost").Map);
        Assert.Null(placed.Neighbourhoods.Single(n => n.NeighbourhoodId == "noord").Map);
        var head = await _node.Ledger.ReadHeadAsync(RegisterGrain.StreamPrefix + RegisterGrain.Key);
        await _node.Register.PlaceNeighbourhoodOnMapAsync(new PlaceNeighbourhoodOnMap("ymere", "oost", view) { By = Anna });
        Assert.Equal(head, await _node.Ledger.ReadHeadAsync(RegisterGrain.StreamPrefix + RegisterGrain.Key)); // the same view twice writes nothing

        await _node.Runtime.CollectIdleAsync();
        await using (var restarted = ServerNode.OnSqlite(_folder.File("ledger.db"), Buurtbudget.Grains.Neighbourhoods.BallotSecrecy.CreateRandom()))
        {
            Assert.Equal(rounded, (await restarted.Register.FindNeighbourhoodAsync("oost"))!.Map);
        }

        // The register's snapshot is the events that rebuild it; the map is one of them.
        var state = new RegisterState();
        state.Fold(new CorporationRegistered("ymere", "Ymere"));
        state.Fold(new NeighbourhoodRegistered("ymere", "oost", "Amsterdam-Oost"));
        state.Fold(new NeighbourhoodPlacedOnMap("ymere", "oost", rounded));
        var restored = RegisterJson.Instance.DecodeState(RegisterJson.Instance.CaptureState(state)());
        Assert.Equal(rounded, restored.Neighbourhoods["oost"].Map);
        // A snapshot from before neighbourhoods had a map still restores.
        var old = RegisterJson.Instance.DecodeState("""{"corporations":[{"corporationId":"ymere","name":"Ymere"}],"neighbourhoods":[{"corporationId":"ymere","neighbourhoodId":"oost","name":"Oost"}],"grants":[]}"""u8);
        Assert.Null(old.Neighbourhoods["oost"].Map);
    }

    [Theory]
    [InlineData("ymere", "west", 52.36, 4.93, 16, RegisterProblem.UnknownNeighbourhood)]
    [InlineData("ymere", "oost", 95.0, 4.93, 16, RegisterProblem.InvalidCommand)]
    [InlineData("ymere", "oost", 52.36, double.NaN, 16, RegisterProblem.InvalidCommand)]
    [InlineData("ymere", "oost", 52.36, 4.93, 7, RegisterProblem.InvalidCommand)]
    [InlineData("ymere", "oost", 52.36, 4.93, 19, RegisterProblem.InvalidCommand)]
    [InlineData("woonzorg", "oost", 52.36, 4.93, 16, RegisterProblem.UnknownCorporation)]
    public async Task A_map_view_that_breaks_a_rule_is_refused_and_changes_nothing(
        string corporation, string neighbourhood, double latitude, double longitude, int zoom, RegisterProblem problem)
    {
        var head = await _node.Ledger.ReadHeadAsync(RegisterGrain.StreamPrefix + RegisterGrain.Key);

        var refused = await Assert.ThrowsAsync<RegisterException>(() => _node.Register.PlaceNeighbourhoodOnMapAsync(
            new PlaceNeighbourhoodOnMap(corporation, neighbourhood, new MapView(new GeoPoint(latitude, longitude), zoom))));

        Assert.Equal(problem, refused.Problem);
        Assert.Equal(head, await _node.Ledger.ReadHeadAsync(RegisterGrain.StreamPrefix + RegisterGrain.Key));
        Assert.Null((await _node.Register.FindNeighbourhoodAsync("oost"))!.Map);
    }
}
