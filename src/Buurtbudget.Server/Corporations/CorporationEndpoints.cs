using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Corporations;

/// <summary>Corporations, their neighbourhoods and their staff. Platform operators register corporations; each
/// corporation's administrators do the rest.</summary>
internal static class CorporationEndpoints
{
    public sealed record Person(string? Issuer, string? Subject);

    public sealed record NewCorporation(string? CorporationId, string? Name, Person? FirstAdministrator);

    public sealed record NewNeighbourhood(string? NeighbourhoodId, string? Name);

    /// <summary>Where a neighbourhood's maps open: the centre in degrees (WGS 84) and a zoom level from 12 (a town)
    /// to 18 (a street).</summary>
    public sealed record MapRequest(double? Latitude, double? Longitude, int? Zoom);

    public sealed record RoleGrant(string? Issuer, string? Subject, StaffRole? Role, ImmutableArray<string>? Neighbourhoods);

    public static void MapCorporationEndpoints(this WebApplication app)
    {
        var platform = app.MapGroup("/api/corporations").WithTags("Corporations");
        platform.MapGet("/", List).RequirePlatformOperator();
        platform.MapPost("/", RegisterCorporation).RequirePlatformOperator();

        var corporation = app.MapGroup("/api/corporations/{corporationId:id}").WithTags("Corporations");
        corporation.MapGet("/", Get).RequireStaff(StaffAction.ReadAdministration);
        corporation.MapPost("/neighbourhoods", AddNeighbourhood).RequireStaff(StaffAction.ManageCorporation);
        corporation.MapPut("/neighbourhoods/{neighbourhoodId:id}/map", PlaceOnMap).RequireStaff(StaffAction.ManageCorporation);
        corporation.MapPut("/staff", Grant).RequireStaff(StaffAction.ManageCorporation);
        corporation.MapDelete("/staff", Revoke).RequireStaff(StaffAction.ManageCorporation);
    }

    private static async Task<Ok<ImmutableArray<CorporationSummary>>> List(IGrainFactory grains) =>
        TypedResults.Ok(await TheRegister(grains).ListCorporationsAsync());

    private static async Task<Created<CorporationView>> RegisterCorporation(NewCorporation request, IGrainFactory grains)
    {
        var view = await TheRegister(grains).RegisterCorporationAsync(
            new Grains.Corporations.RegisterCorporation(request.CorporationId!, request.Name!, MemberOf(request.FirstAdministrator)!));
        return TypedResults.Created($"/api/corporations/{view.CorporationId}", view);
    }

    private static async Task<Ok<CorporationView>> Get(string corporationId, IGrainFactory grains) =>
        TypedResults.Ok(await TheRegister(grains).GetCorporationAsync(corporationId));

    private static async Task<Created<CorporationView>> AddNeighbourhood(string corporationId, NewNeighbourhood request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var view = await TheRegister(grains).RegisterNeighbourhoodAsync(new RegisterNeighbourhood(corporationId, request.NeighbourhoodId!, request.Name!) { By = user.Member() });
        return TypedResults.Created($"/api/neighbourhoods/{request.NeighbourhoodId}", view);
    }

    private static async Task<Results<Ok<CorporationView>, ValidationProblem>> PlaceOnMap(
        string corporationId, string neighbourhoodId, MapRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (request is not { Latitude: { } latitude, Longitude: { } longitude, Zoom: { } zoom })
        {
            var missing = new (string Field, bool Given, string Ask)[]
            {
                ("latitude", request.Latitude is not null, "Give the latitude of the map's centre."),
                ("longitude", request.Longitude is not null, "Give the longitude of the map's centre."),
                ("zoom", request.Zoom is not null, "Give the zoom level, from 12 (a town) to 18 (a street)."),
            }.Where(f => !f.Given).ToDictionary(f => f.Field, f => new[] { f.Ask });
            return TypedResults.ValidationProblem(missing, detail: "Say where the map opens: latitude and longitude of its centre, and a zoom level.",
                title: "The map view is incomplete");
        }
        var map = new MapView(new Grains.Proposals.GeoPoint(latitude, longitude), zoom);
        return TypedResults.Ok(await TheRegister(grains).PlaceNeighbourhoodOnMapAsync(new PlaceNeighbourhoodOnMap(corporationId, neighbourhoodId, map) { By = user.Member() }));
    }

    /// <summary>Grants a role, or changes the neighbourhoods of a role the person holds (no neighbourhoods: all).</summary>
    private static async Task<Results<Ok<CorporationView>, ProblemHttpResult>> Grant(string corporationId, RoleGrant request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (request.Role is not { } role)
        {
            return TypedResults.Problem("Say which role to grant: moderator, administrator or auditor.", statusCode: 400, title: "The role is missing");
        }
        var grant = new StaffGrant(corporationId, role, request.Neighbourhoods ?? []);
        return TypedResults.Ok(await TheRegister(grains).GrantRoleAsync(new GrantRole(MemberOf(new Person(request.Issuer, request.Subject))!, grant) { By = user.Member() }));
    }

    private static async Task<Ok<CorporationView>> Revoke(string corporationId, string issuer, string subject, StaffRole role, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await TheRegister(grains).RevokeRoleAsync(new RevokeRole(new StaffMember(issuer, subject), corporationId, role) { By = user.Member() }));

    // Missing parts become nulls the register refuses with its own message, so there is one wording per rule.
    private static StaffMember? MemberOf(Person? person) => person is null ? null : new StaffMember(person.Issuer!, person.Subject!);

    private static IRegisterGrain TheRegister(IGrainFactory grains) => grains.GetGrain<IRegisterGrain>(RegisterGrain.Key);
}
