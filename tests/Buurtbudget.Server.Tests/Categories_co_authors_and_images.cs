using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Buurtbudget.Server.Tests.Api;

namespace Buurtbudget.Server.Tests;

/// <summary>Proposals with a category from the cycle's list, co-authors named at submission, and up to three images
/// whose bytes decide what they are.</summary>
[Collection(SharedPostgres.Name)]
public sealed class Categories_co_authors_and_images(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Base = "/api/neighbourhoods/oost/cycles/2026/proposals";
    private const string Rules = "/api/neighbourhoods/oost/cycles/2026/proposal-rules";

    private readonly TempDirectory _data = new();
    private BuurtbudgetApp _app = null!;
    private ImmutableArray<IssuedCode> _codes;

    public async Task InitializeAsync()
    {
        _app = new BuurtbudgetApp(await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("images")), _data.Path);
        await _app.RegisterYmereAsync();
        _codes = await _app.CycleOfOostAsync("Kade 1", "Kade 2", "Kade 3");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    private Task<HttpClient> Resident(int household) => _app.ResidentOfOostAsync(_codes[household].Code, $"10.0.4.{household}");

    private Task<CycleView> OpenForIdeasAsync() => _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Ideas);

    private static HttpRequestMessage Upload(string proposal, byte[] bytes, string declared = "image/png") =>
        Write(HttpMethod.Post, $"{Base}/{proposal}/images", content: new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(declared) } });

    private async Task<long> StoredImagesAsync()
    {
        await using var command = _app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM images");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_proposal_takes_a_category_from_the_cycles_list_and_the_list_filters_by_it()
    {
        var admin = await _app.Staff(Issuer, "anna");
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { "Groen", "groen" } })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { "G" } })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { "Groen\nSpelen" } })), HttpStatusCode.BadRequest);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { new string('x', 41) } })), HttpStatusCode.BadRequest);
        await Expect(await (await Resident(0)).SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { "Groen" } })), HttpStatusCode.Forbidden);
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { "Groen", "Spelen" } })), HttpStatusCode.OK);
        await OpenForIdeasAsync();
        var anna = await Resident(0);

        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.BadRequest);
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100, category = "Verkeer" })), HttpStatusCode.BadRequest);
        string garden = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100, category = " Groen " })),
            HttpStatusCode.Created)).GetProperty("proposalId").GetString()!;
        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Speeltuin", description = "Glijbaan", costCents = 100, category = "Spelen" })), HttpStatusCode.Created);
        await Expect(await anna.SendAsync(Write(HttpMethod.Put, $"{Base}/{garden}", new { title = "Moestuin", description = "Samen", costCents = 100, category = "Verkeer" })), HttpStatusCode.BadRequest);

        var green = await Expect(await _app.Browser().GetAsync($"{Base}?category=Groen"), HttpStatusCode.OK);
        Assert.Equal([("Moestuin", "Groen")], green.EnumerateArray().Select(p => (p.GetProperty("title").GetString(), p.GetProperty("category").GetString())));
        Assert.Equal(2, (await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await Expect(await _app.Browser().GetAsync($"{Base}?category=Verkeer"), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal("Groen", (await Expect(await _app.Browser().GetAsync($"{Base}/{garden}"), HttpStatusCode.OK)).GetProperty("text").GetProperty("category").GetString());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klik](javascript:alert(1))")]
    public async Task Markup_in_a_category_name_comes_back_as_the_same_inert_text(string hostile)
    {
        var admin = await _app.Staff(Issuer, "anna");
        await Expect(await admin.SendAsync(Write(HttpMethod.Put, Rules, new { categories = new[] { hostile } })), HttpStatusCode.OK);
        await OpenForIdeasAsync();
        await Expect(await (await Resident(0)).SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100, category = hostile })), HttpStatusCode.Created);

        foreach (var path in new[] { Rules, Base, $"{Base}?category={Uri.EscapeDataString(hostile)}" })
        {
            var response = await _app.Browser().GetAsync(path);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("<", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var read = await Expect(response, HttpStatusCode.OK);
            Assert.Equal(hostile, path == Rules ? read.GetProperty("categories")[0].GetString() : read[0].GetProperty("category").GetString());
        }
    }

    [Fact]
    public async Task Co_authors_named_at_submission_may_edit_the_proposal_and_an_unknown_household_creates_nothing()
    {
        await OpenForIdeasAsync();
        var anna = await Resident(0);
        var bram = await Resident(1);
        var carla = await Resident(2);

        await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100, coAuthors = new[] { "Kade 99" } })), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await Expect(await _app.Browser().GetAsync(Base), HttpStatusCode.OK)).GetArrayLength());
        var created = await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100, coAuthors = new[] { "kade  2" } })), HttpStatusCode.Created);
        string id = created.GetProperty("proposalId").GetString()!;

        Assert.Equal(1, created.GetProperty("coAuthors").GetInt32());
        await Expect(await bram.SendAsync(Write(HttpMethod.Put, $"{Base}/{id}", new { title = "Moestuin achter C", description = "Samen", costCents = 100 })), HttpStatusCode.OK);
        await Expect(await carla.SendAsync(Write(HttpMethod.Put, $"{Base}/{id}", new { title = "Mijn tuin", description = "Samen", costCents = 100 })), HttpStatusCode.Forbidden);
        Assert.True((await Expect(await bram.GetAsync($"{Base}/{id}"), HttpStatusCode.OK)).GetProperty("mine").GetBoolean());
        var public_ = await _app.Browser().GetStringAsync($"{Base}/{id}");
        Assert.DoesNotContain("Kade", public_, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("household", public_, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_photo_is_stored_and_served_without_where_when_and_with_what_it_was_taken_but_turned_as_taken()
    {
        await OpenForIdeasAsync();
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Bankje", description = "Bij de vijver", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        var home = Encoding.ASCII.GetBytes("GPS 52N22.1 4E54.3");
        // A phone's photo: SOI, an Exif segment (little-endian TIFF, IFD0 with the orientation "turn 90°" and the GPS
        // data after it), a comment, then the picture from the start of scan to the end.
        byte[] exif = [.. "Exif\0\0II"u8, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, .. home];
        byte[] picture = [0xFF, 0xDA, 0, 3, 0, 0x55, 0xFF, 0xD9];
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE1, 0, (byte)(exif.Length + 2), .. exif, 0xFF, 0xFE, 0, (byte)(home.Length + 2), .. home, .. picture];

        var added = await Expect(await anna.SendAsync(Upload(id, photo, declared: "image/jpeg")), HttpStatusCode.Created);
        var served = await (await _app.Browser().GetAsync(added.GetProperty("url").GetString())).Content.ReadAsByteArrayAsync();

        Assert.Equal(-1, served.AsSpan().IndexOf(home));
        byte[] orientationOnly = [0xFF, 0xE1, 0, 34, .. "Exif\0\0II"u8, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal([0xFF, 0xD8, .. orientationOnly, .. picture], served);
        Assert.Equal(served.Length, added.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(served)), added.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task An_author_adds_up_to_three_images_that_are_served_as_their_bytes_say_sandboxed_and_cached_by_hash()
    {
        await OpenForIdeasAsync();
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;

        var added = await Expect(await anna.SendAsync(Upload(id, Png, declared: "text/html")), HttpStatusCode.Created);
        string url = added.GetProperty("url").GetString()!;
        Assert.Equal("image/png", added.GetProperty("contentType").GetString());

        var served = await _app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", served.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(TimeSpan.FromDays(365), served.Headers.CacheControl?.MaxAge);
        Assert.True(served.Headers.CacheControl?.Public);
        Assert.Equal($"\"{added.GetProperty("hash").GetString()}\"", served.Headers.ETag?.Tag);
        Assert.Equal(url, (await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK)).GetProperty("images")[0].GetProperty("url").GetString());

        // The event holds the hash, type and size; the bytes are in the image store only.
        await foreach (var entry in _app.Services.GetRequiredService<IEventLedger>().ReadAsync($"proposal/oost.2026.{id}"))
        {
            Assert.False(entry.Payload.Span.IndexOf(Png.AsSpan(0, 8)) >= 0 || entry.Payload.Span.IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(Png)[..8])) >= 0);
        }
        await Expect(await anna.SendAsync(Upload(id, [.. Png, 4])), HttpStatusCode.Created);
        await Expect(await anna.SendAsync(Upload(id, [.. Png, 5])), HttpStatusCode.Created);
        await Expect(await anna.SendAsync(Upload(id, Png)), HttpStatusCode.Created);
        await Expect(await anna.SendAsync(Upload(id, [.. Png, 6])), HttpStatusCode.BadRequest);
        Assert.Equal(3, await StoredImagesAsync());
        await Expect(await anna.SendAsync(Write(HttpMethod.Delete, url)), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync($"{Base}/pother/images/{added.GetProperty("hash").GetString()}")).StatusCode);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "image/svg+xml", 415)]
    [InlineData("<html><script>alert(1)</script></html>", "image/png", 415)]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000", "image/gif", 415)]
    [InlineData("", "image/png", 400)]
    public async Task A_file_that_is_not_a_png_jpeg_or_webp_image_is_refused_whatever_it_claims_and_nothing_is_stored(string content, string declared, int status)
    {
        await OpenForIdeasAsync();
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;

        var problem = await Expect(await anna.SendAsync(Upload(id, Encoding.Latin1.GetBytes(content), declared)), (HttpStatusCode)status);

        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(0, await StoredImagesAsync());
        Assert.Equal(0, (await Expect(await _app.Browser().GetAsync($"{Base}/{id}"), HttpStatusCode.OK)).GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task An_image_too_large_or_from_someone_who_is_not_an_author_stores_nothing()
    {
        await OpenForIdeasAsync();
        var anna = await Resident(0);
        string id = (await Expect(await anna.SendAsync(Write(HttpMethod.Post, Base, new { title = "Moestuin", description = "Samen", costCents = 100 })), HttpStatusCode.Created))
            .GetProperty("proposalId").GetString()!;
        var large = new byte[2 * 1024 * 1024 + 1];
        Png.CopyTo(large, 0);

        await Expect(await anna.SendAsync(Upload(id, large)), HttpStatusCode.RequestEntityTooLarge);
        await Expect(await (await Resident(1)).SendAsync(Upload(id, Png)), HttpStatusCode.Forbidden);
        await _app.Grains.GetGrain<INeighbourhoodGrain>("oost").ChangePhaseAsync("2026", CyclePhase.Review);
        await Expect(await anna.SendAsync(Upload(id, Png)), HttpStatusCode.Conflict);

        Assert.Equal(0, await StoredImagesAsync());
    }
}
