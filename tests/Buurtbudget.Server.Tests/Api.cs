using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Domain.Access;
using System.Collections.Immutable;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;

namespace Buurtbudget.Server.Tests;

/// <summary>The steps API tests repeat: a write as a browser sends it, an expected answer, a corporation with staff.</summary>
internal static class Api
{
    public const string Issuer = "https://login.ymere.test";

    /// <summary>A state-changing request with the anti-forgery header the web front end sends.</summary>
    public static HttpRequestMessage Write(HttpMethod method, string path, object? body = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content ?? (body is null ? null : JsonContent.Create(body)) };
        request.Headers.Add("X-Buurtbudget-Request", "1");
        return request;
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body, or default when there is none.</summary>
    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && body.Length > 0
            ? JsonDocument.Parse(body).RootElement.Clone()
            : default;
    }

    /// <summary>A browser from <paramref name="client"/> signed in to neighbourhood <c>oost</c> with a household's voting code.</summary>
    public static async Task<HttpClient> ResidentOfOostAsync(this BuurtbudgetApp app, string code, string client)
    {
        var browser = app.Browser(client);
        await Expect(await browser.SendAsync(Write(HttpMethod.Post, "/api/neighbourhoods/oost/sign-in", new { code })), HttpStatusCode.OK);
        return browser;
    }

    /// <summary>Cycle <c>2026</c> of <c>oost</c> (a draft, 20,000 euros) with a voting code for each household.</summary>
    public static async Task<ImmutableArray<IssuedCode>> CycleOfOostAsync(this BuurtbudgetApp app, params string[] households)
    {
        await app.Grains.GetGrain<INeighbourhoodGrain>("oost").CreateBudgetCycleAsync(new CreateBudgetCycle("2026", "Leefbaarheidsbudget 2026", 2_000_000));
        return (await app.Grains.GetGrain<IVotingCodesGrain>("oost").IssueAsync(new IssueCodes("2026", [.. households]))).Codes;
    }

    /// <summary>The smallest PNG the server's magic-byte check accepts as one.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    /// <summary>Corporation <c>ymere</c> (administrator <c>anna</c>) with neighbourhood <c>oost</c>, and moderators of it.</summary>
    public static async Task RegisterYmereAsync(this BuurtbudgetApp app, params string[] moderators)
    {
        var register = app.Grains.GetGrain<IRegisterGrain>(RegisterGrain.Key);
        await register.RegisterCorporationAsync(new("ymere", "Ymere", new(Issuer, "anna")));
        await register.RegisterNeighbourhoodAsync(new("ymere", "oost", "Oost"));
        foreach (var moderator in moderators)
        {
            await register.GrantRoleAsync(new(new(Issuer, moderator), new("ymere", StaffRole.Moderator, ["oost"])));
        }
    }
}
