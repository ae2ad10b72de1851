using System.Net;
using Buurtbudget.Testing;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>The staff list of a neighbourhood's cycles: drafts too, which the public page leaves out.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Listing_cycles_for_staff(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync() =>
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("cyclelist")), _data.Path);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Staff_of_the_neighbourhood_see_the_draft_cycle_that_residents_do_not_see_yet()
    {
        await _app.RegisterYmereAsync("moritz");
        var admin = await _app.Staff(Issuer, "anna");
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles",
            new { cycleId = "2027", title = "Buurtbudget 2027", budgetCents = 500_000 })), HttpStatusCode.Created);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles",
            new { cycleId = "2026", title = "Buurtbudget 2026", budgetCents = 1_000_000 })), HttpStatusCode.Created);
        await Expect(await admin.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/cycles/2026/phase", new { phase = "Ideas" })), HttpStatusCode.OK);

        foreach (var staff in new[] { admin, await _app.Staff(Issuer, "moritz") })
        {
            var cycles = await Expect(await staff.GetAsync("/api/neighbourhoods/oost/cycles"), HttpStatusCode.OK);
            Assert.Equal(["2027 Draft 500000", "2026 Ideas 1000000"], cycles.EnumerateArray()
                .Select(c => $"{c.GetProperty("cycleId").GetString()} {c.GetProperty("phase").GetString()} {c.GetProperty("budgetCents").GetInt64()}"));
        }
        var page = await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost"), HttpStatusCode.OK);
        Assert.Equal(["2026"], page.GetProperty("cycles").EnumerateArray().Select(c => c.GetProperty("cycleId").GetString()));
    }

    [Fact]
    public async Task Residents_and_strangers_are_refused_the_staff_list()
    {
        await _app.RegisterYmereAsync();
        await Expect(await _app.Browser().GetAsync("/api/neighbourhoods/oost/cycles"), HttpStatusCode.Unauthorized);
        await Expect(await (await _app.Staff(Issuer, "nobody")).GetAsync("/api/neighbourhoods/oost/cycles"), HttpStatusCode.Forbidden);
    }
}
