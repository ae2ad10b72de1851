using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>A proposal's place as a point on the map (both coordinates or neither, on earth), and the description an
/// author gives an image for people who cannot see it.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Points_on_the_map_and_image_descriptions(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Base = "/api/neighbourhoods/oost/cycles/2026/proposals";

    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("points")), _data.Path);
        await _app.RegisterYmereAsync();
        _codes = await _app.CycleOfOostAsync("Kade 1", "Kade 2");
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Ideas);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private Task<HttpClient> Resident(int household) => _app.ResidentOfOostAsync(_codes[household].Code, $"10.0.5.{household}");

    private static object Text(object? point, string title = "Bankjes") => new { title, description = "Bij de speeltuin", costCents = 10_000, place = "Speeltuin Kade", point };

    private static (double Latitude, double Longitude)? PointOf(JsonElement text) =>
        text.GetProperty("point") is { ValueKind: JsonValueKind.Object } point ? (point.GetProperty("latitude").GetDouble(), point.GetProperty("longitude").GetDouble()) : null;

    [Fact]
    public async Task A_point_is_kept_with_the_text_shown_in_the_details_and_the_list_changed_by_an_edit_and_removed_by_leaving_it_out()
    {
        var anna = await Resident(0);
        var created = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, Text(new { latitude = 52.3731234567, longitude = 4.8922 }))), HttpStatusCode.Created);
        string id = created.GetProperty("proposalId").GetString()!;

        // Stored to six decimals (about ten centimetres): more than anyone can click.
        Assert.Equal((52.373123, 4.8922), PointOf(created.GetProperty("text")));
        var listed = (await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK))[0];
        Assert.Equal((52.373123, 4.8922), (listed.GetProperty("point").GetProperty("latitude").GetDouble(), listed.GetProperty("point").GetProperty("longitude").GetDouble()));
        Assert.Equal("Speeltuin Kade", listed.GetProperty("place").GetString());

        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{id}", Text(new { latitude = -33.9, longitude = 151.2 }))), HttpStatusCode.OK);
        var edited = await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK);
        Assert.Equal((-33.9, 151.2), PointOf(edited.GetProperty("text")));
        Assert.Equal((52.373123, 4.8922), PointOf(edited.GetProperty("history")[0].GetProperty("text")));

        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{id}", Text(null))), HttpStatusCode.OK);
        var removed = await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK);
        Assert.Null(PointOf(removed.GetProperty("text")));
        Assert.Equal(3, removed.GetProperty("history").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK))[0].GetProperty("point").ValueKind);
    }

    [Fact]
    public async Task The_edges_of_the_map_are_points_and_an_empty_point_is_no_point()
    {
        var anna = await Resident(0);
        foreach (var (latitude, longitude) in new[] { (90.0, 180.0), (-90.0, -180.0), (0.0, 0.0) })
        {
            var created = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, Text(new { latitude, longitude }))), HttpStatusCode.Created);
            Assert.Equal((latitude, longitude), PointOf(created.GetProperty("text")));
        }
        var empty = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, Text(new { }))), HttpStatusCode.Created);
        Assert.Null(PointOf(empty.GetProperty("text")));
    }

    public static TheoryData<string, string> BadPoints => new()
    {
        { """{ "latitude": 90.5, "longitude": 4.9 }""", "latitude" },
        { """{ "latitude": -91, "longitude": 4.9 }""", "latitude" },
        { """{ "latitude": 52.4, "longitude": 180.01 }""", "longitude" },
        { """{ "latitude": 52.4, "longitude": -200 }""", "longitude" },
        { """{ "latitude": 52.4 }""", "both" },
        { """{ "longitude": 4.9 }""", "both" },
        { """{ "latitude": 52.4, "longitude": null }""", "both" },
        { """{ "latitude": "north", "longitude": 4.9 }""", "latitude" },
        { """{ "latitude": "NaN", "longitude": 4.9 }""", "latitude" },
        { """{ "latitude": 1e999, "longitude": 4.9 }""", "latitude" },
        { "\"52.4, 4.9\"", "point" },
    };

    [Theory]
    [MemberData(nameof(BadPoints))]
    public async Task A_point_off_the_map_or_half_a_point_is_a_problem_in_words_and_nothing_changes(string point, string named)
    {
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, Text(new { latitude = 52.0, longitude = 5.0 }))), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        static HttpRequestMessage Raw(HttpMethod method, string path, string point) => Write(method, path, content: new StringContent(
            $$"""{ "title": "Bankjes", "description": "Bij de speeltuin", "costCents": 10000, "point": {{point}} }""", Encoding.UTF8, "application/json"));

        var bram = await Resident(1);
        // A new proposal, the author's edit and someone else's amendment all take the point the same way.
        foreach (var (client, request) in new[] { (bram, Raw(HttpMethod.Post, Base, point)), (anna, Raw(HttpMethod.Put, $"{Base}/{id}", point)),
            (bram, Raw(HttpMethod.Post, $"{Base}/{id}/amendments", point)) })
        {
            var response = await client.SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Expect(response, HttpStatusCode.BadRequest);
            Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        var after = await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK);
        Assert.Equal((52.0, 5.0), PointOf(after.GetProperty("text")));
        Assert.Equal(1, after.GetProperty("history").GetArrayLength());
        Assert.Equal(0, after.GetProperty("amendments").GetArrayLength());
        Assert.Equal(1, (await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_proposal_written_before_points_existed_reads_without_one()
    {
        // The ledger entry exactly as the server wrote it before ProposalText had a point.
        var ledger = _app.Services.GetRequiredService<IEventLedger>();
        byte[] old = Encoding.UTF8.GetBytes("""
            {"neighbourhoodId":"oost","cycleId":"2026","authorKey":"someone","text":{"title":"Oude bankjes","description":"Van voor de kaart","costCents":5000,"place":"Plein","category":null}}
            """);
        await ledger.AppendAsync("proposal/oost.2026.pold", StreamHead.Empty, [new NewEntry("ProposalSubmitted", old)]);

        var read = await Expect(await _app.Browser().GetAsync($"{Base}/pold"), HttpStatusCode.OK);
        Assert.Equal("Oude bankjes", read.GetProperty("text").GetProperty("title").GetString());
        Assert.Equal("Plein", read.GetProperty("text").GetProperty("place").GetString());
        Assert.Null(PointOf(read.GetProperty("text")));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_point_and_the_image_description()
    {
        using var document = JsonDocument.Parse(await _app.Browser().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("PointRequest").GetProperty("properties").TryGetProperty("latitude", out _));
        Assert.True(schemas.GetProperty("GeoPoint").GetProperty("properties").TryGetProperty("longitude", out _));
        Assert.True(schemas.GetProperty("ProposalRequest").GetProperty("properties").TryGetProperty("point", out _));
        Assert.True(schemas.GetProperty("ProposalSummary").GetProperty("properties").TryGetProperty("point", out _));
        Assert.True(schemas.GetProperty("ImageView").GetProperty("properties").TryGetProperty("alt", out _));
        var upload = document.RootElement.GetProperty("paths").EnumerateObject()
            .Single(path => path.Name.TrimEnd('/').EndsWith("/proposals/{proposalId}/images", StringComparison.Ordinal)).Value.GetProperty("post");
        Assert.Contains(upload.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "alt" && p.GetProperty("in").GetString() == "query");
    }

    [Fact]
    public async Task An_image_keeps_the_description_its_author_gave_and_a_description_too_long_or_on_two_lines_stores_nothing()
    {
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, Text(null))), HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        HttpRequestMessage Upload(string alt, byte[] bytes) => Write(HttpMethod.Post, $"{Base}/{id}/images?alt={Uri.EscapeDataString(alt)}",
            content: new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });

        await Expect(await anna.SendAsync(Upload(new string('x', 301), Png)), HttpStatusCode.BadRequest);
        await Expect(await anna.SendAsync(Upload("Twee\nregels", Png)), HttpStatusCode.BadRequest);
        await using (var count = _app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM images"))
        {
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }

        var added = await Expect(await anna.SendAsync(Upload(" Het lege hoekje bij de speeltuin ", Png)), HttpStatusCode.Created);
        Assert.Equal("Het lege hoekje bij de speeltuin", added.GetProperty("alt").GetString());
        var again = await Expect(await anna.SendAsync(Upload("Iets anders", Png)), HttpStatusCode.Created);
        Assert.Equal("Het lege hoekje bij de speeltuin", again.GetProperty("alt").GetString());
        var image = (await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK)).GetProperty("images").EnumerateArray().Single();
        Assert.Equal("Het lege hoekje bij de speeltuin", image.GetProperty("alt").GetString());
    }

    [Fact]
    public async Task An_author_describes_an_image_again_in_any_phase_and_a_bad_description_or_someone_else_changes_nothing()
    {
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, Text(null))), HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        var added = await Expect(await anna.SendAsync(Write(HttpMethod.Post, $"{Base}/{id}/images",
            content: new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } })), HttpStatusCode.Created);
        string url = added.GetProperty("url").GetString()!;
        Assert.Equal(JsonValueKind.Null, added.GetProperty("alt").ValueKind);
        async Task<string?> Described() =>
            (await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK)).GetProperty("images")[0].GetProperty("alt").GetString();

        var described = await Expect(await anna.SendAsync(Write(HttpMethod.Put, url, new { alt = " De speeltuin van bovenaf " })), HttpStatusCode.OK);
        Assert.Equal("De speeltuin van bovenaf", described.GetProperty("alt").GetString());
        Assert.Equal(url, described.GetProperty("url").GetString());
        Assert.Equal("De speeltuin van bovenaf", await Described());

        // Refused: too long, two lines, another household, an image the proposal does not have; none changes it.
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, url, new { alt = new string('x', 301) })), HttpStatusCode.BadRequest);
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, url, new { alt = "Twee\nregels" })), HttpStatusCode.BadRequest);
        await Expect(await (await Resident(1)).SendAsync(Write(HttpMethod.Put, url, new { alt = "Iets anders" })), HttpStatusCode.Forbidden);
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{id}/images/{new string('0', 64)}", new { alt = "Iets anders" })), HttpStatusCode.NotFound);
        Assert.Equal("De speeltuin van bovenaf", await Described());

        // A description corrects the page for people who cannot see the image; it is not a change to the proposal.
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Review);
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, url, new { alt = "De speeltuin, gezien vanaf de kade" })), HttpStatusCode.OK);
        Assert.Equal("De speeltuin, gezien vanaf de kade", await Described());
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, url, new { alt = "" })), HttpStatusCode.OK);
        Assert.Null(await Described());

        // Saying the same twice writes one event.
        int before = await _app.Services.GetRequiredService<IEventLedger>().ReadAsync($"proposal/oost.2026.{id}").CountAsync();
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, url, new { alt = (string?)null })), HttpStatusCode.OK);
        Assert.Equal(before, await _app.Services.GetRequiredService<IEventLedger>().ReadAsync($"proposal/oost.2026.{id}").CountAsync());
    }
}
