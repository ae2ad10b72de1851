using System.Net;
using Buurtbudget.Testing;

namespace Buurtbudget.Server.Tests;

/// <summary>The server hands out the front end that web/ builds into wwwroot, under a strict content security policy.</summary>
[Collection(SharedPostgres.Name)]
public sealed class The_web_front_end(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;

    public async Task InitializeAsync() =>
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("web")), _data.Path);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/neighbourhoods/oost/cycles/2026/vote")]
    [InlineData("/staff/neighbourhoods/oost/cycles/2026/review")]
    public async Task Every_page_address_gets_the_app_uncached_with_a_policy_that_allows_only_its_own_scripts(string path)
    {
        var response = await _app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"app\"></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hashed_scripts_and_styles_are_cached_for_a_year()
    {
        string html = await (await _app.Browser().GetAsync("/")).Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        var response = await _app.Browser().GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("GET", "/hubs/nothing")]
    [InlineData("POST", "/no-such-page")]
    public async Task Unknown_server_addresses_and_writes_get_a_404_problem_not_the_app(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Buurtbudget-Request", "1");
        var response = await _app.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_site_settings_name_the_default_language_and_no_map_tiles_unless_configured()
    {
        var site = await Api.Expect(await _app.Browser().GetAsync("/api/site"), HttpStatusCode.OK);
        Assert.Equal("nl", site.GetProperty("defaultLanguage").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, site.GetProperty("mapTiles").ValueKind);
    }
}
