using System.Collections.Immutable;

namespace Buurtbudget.Domain.Access;

/// <summary>
/// One role in one corporation. <paramref name="Neighbourhoods"/> narrows it to some of the corporation's
/// neighbourhoods; empty means all of them, including neighbourhoods added later.
/// </summary>
public sealed record StaffGrant(string CorporationId, StaffRole Role, ImmutableArray<string> Neighbourhoods)
{
    public bool CoversEveryNeighbourhood => Neighbourhoods.IsDefaultOrEmpty;

    public bool Covers(string corporationId, string? neighbourhoodId) =>
        CorporationId == corporationId
        && (neighbourhoodId is null ? CoversEveryNeighbourhood : CoversEveryNeighbourhood || Neighbourhoods.Contains(neighbourhoodId));

    // Grants compare by content, so "the same grant again" is recognised after a reload.
    public bool Equals(StaffGrant? other) =>
        other is not null && CorporationId == other.CorporationId && Role == other.Role
        && Neighbourhoods.AsSpan().SequenceEqual(other.Neighbourhoods.AsSpan());

    public override int GetHashCode() => HashCode.Combine(CorporationId, Role, Neighbourhoods.IsDefault ? 0 : Neighbourhoods.Length);
}
