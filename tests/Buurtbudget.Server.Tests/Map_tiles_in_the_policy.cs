using System.Net;
using System.Text.Json;
using Buurtbudget.Testing;

namespace Buurtbudget.Server.Tests;

/// <summary>With map tiles configured, the pages' content security policy lets images come from the tile host and
/// nothing else from it: no scripts, styles, connections or frames.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Map_tiles_in_the_policy(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Tiles = "https://tiles.example.org/osm/{z}/{x}/{y}.png";

    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync() =>
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("tiles")), _data.Path, configure: builder =>
        {
            builder.UseSetting("Buurtbudget:Web:MapTiles", Tiles);
            builder.UseSetting("Buurtbudget:Web:MapAttribution", "© OpenStreetMap");
        });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task The_tile_host_is_allowed_for_images_only_and_the_site_settings_name_the_tiles()
    {
        var response = await _app.Browser().GetAsync("/neighbourhoods/oost/cycles/2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var directives = response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);

        Assert.Equal(["'self'", "data:", "blob:", "https://tiles.example.org"], directives["img-src"]);
        Assert.All(directives.Where(d => d.Key != "img-src"), d => Assert.DoesNotContain(d.Value, source => source.Contains("example.org", StringComparison.Ordinal)));
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["connect-src"]);

        using var site = JsonDocument.Parse(await _app.Browser().GetStringAsync("/api/site"));
        Assert.Equal(Tiles, site.RootElement.GetProperty("mapTiles").GetString());
        Assert.Equal("© OpenStreetMap", site.RootElement.GetProperty("mapAttribution").GetString());
    }
}
