using Buurtbudget.Grains.Proposals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Proposals;

/// <summary>
/// A proposal's point as the API takes it: both latitude and longitude, or neither. Checked before anything is sent
/// to the grain, so a bad point is a validation problem naming the field (the form shows it next to the map) and
/// nothing changes; the grain checks the range again for every other way in.
/// </summary>
internal static class ProposalPoints
{
    public static ValidationProblem? Problem(ProposalEndpoints.PointRequest? point)
    {
        string? why = point switch
        {
            null or { Latitude: null, Longitude: null } => null,
            { Latitude: { } latitude, Longitude: { } longitude } => GeoPoint.WhyNot(latitude, longitude),
            _ => "Give both the latitude and the longitude of the point, or leave the point out.",
        };
        return why is null
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["point"] = [why] }, detail: why, title: "This point is not on the map");
    }

    /// <summary>The point of a request <see cref="Problem"/> accepted.</summary>
    public static GeoPoint? Of(ProposalEndpoints.PointRequest? point) =>
        point is { Latitude: { } latitude, Longitude: { } longitude } ? new GeoPoint(latitude, longitude) : null;
}
