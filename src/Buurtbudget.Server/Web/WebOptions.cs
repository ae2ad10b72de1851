using System.ComponentModel.DataAnnotations;

namespace Buurtbudget.Server.Web;

/// <summary>Configuration section <c>Buurtbudget:Web</c>: how the front end looks in this installation.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Buurtbudget:Web";

    /// <summary>
    /// A map tile URL template such as <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>. Empty: proposals are
    /// shown on a map without a background (the list always works). Its origin is allowed in the page's CSP.
    /// </summary>
    public string? MapTiles { get; set; }

    /// <summary>The attribution the tile provider requires, shown on the map.</summary>
    public string? MapAttribution { get; set; }

    /// <summary>The language for visitors who have not chosen one: <c>nl</c> or <c>en</c>.</summary>
    [RegularExpression("^(nl|en)$", ErrorMessage = "Buurtbudget:Web:DefaultLanguage must be nl or en.")]
    public string DefaultLanguage { get; set; } = "nl";

    /// <summary>The tiles' origin (scheme, host, port), for the CSP; null without tiles.</summary>
    public string? MapTilesOrigin => Uri.TryCreate(MapTiles?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(MapTiles) && (MapTilesOrigin is not { } origin || !origin.StartsWith("https://", StringComparison.Ordinal) && !origin.StartsWith("http://localhost", StringComparison.Ordinal)
            || MapTiles.Contains("{s}", StringComparison.Ordinal) || !MapTiles.Contains("{z}", StringComparison.Ordinal) || !MapTiles.Contains("{x}", StringComparison.Ordinal) || !MapTiles.Contains("{y}", StringComparison.Ordinal)))
        {
            yield return new ValidationResult("Buurtbudget:Web:MapTiles must be an https URL template on one host (no {s}) with {z}, {x} and {y}.", [nameof(MapTiles)]);
        }
    }
}
