using System.Globalization;

namespace Buurtbudget.Grains.Proposals;

/// <summary>
/// Where a proposal is, as a point on the map (WGS 84, as map tiles and phones use). Optional: the free-text
/// <see cref="ProposalText.Place"/> says it in words and is enough; the point lets the cycle page show proposals on a map.
/// </summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Six decimals is about ten centimetres: more precision than anyone can click, and no noise in the ledger.</summary>
    public const int Decimals = 6;

    /// <summary>Why this is not a point on earth (in words for the person who sent it), or null when it is.</summary>
    public static string? WhyNot(double latitude, double longitude) =>
        !double.IsFinite(latitude) || latitude is < -90 or > 90 ? "The latitude is a number from -90 to 90 (degrees north)."
        : !double.IsFinite(longitude) || longitude is < -180 or > 180 ? "The longitude is a number from -180 to 180 (degrees east)."
        : null;

    public GeoPoint Rounded() => new(Math.Round(Latitude, Decimals), Math.Round(Longitude, Decimals));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude}, {Longitude}");
}
