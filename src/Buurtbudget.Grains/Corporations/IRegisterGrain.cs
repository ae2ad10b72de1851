using System.Collections.Immutable;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Corporations;

/// <summary>
/// The register of who runs what: housing corporations, their neighbourhoods, and the roles staff hold in them.
/// One grain (key <see cref="RegisterGrain.Key"/>) because it is small, changes rarely and every staff request
/// reads it; authorization is a lookup in its memory. Staff are identified by issuer and subject only.
/// </summary>
public interface IRegisterGrain : IGrainWithStringKey
{
    Task<CorporationView> RegisterCorporationAsync(RegisterCorporation command);

    Task<CorporationView> RegisterNeighbourhoodAsync(RegisterNeighbourhood command);

    /// <summary>Where the neighbourhood's maps open: the proposals map and the point picker start there rather than on
    /// the whole country. Setting it again replaces it.</summary>
    Task<CorporationView> PlaceNeighbourhoodOnMapAsync(PlaceNeighbourhoodOnMap command);

    /// <summary>Grants a role, or changes the neighbourhoods of a role the person already holds.</summary>
    Task<CorporationView> GrantRoleAsync(GrantRole command);

    Task<CorporationView> RevokeRoleAsync(RevokeRole command);

    Task<CorporationView> GetCorporationAsync(string corporationId);

    Task<ImmutableArray<CorporationSummary>> ListCorporationsAsync();

    /// <summary>Every registered neighbourhood, by name: the public index residents start from.</summary>
    Task<ImmutableArray<NeighbourhoodEntry>> ListNeighbourhoodsAsync();

    /// <summary>The corporation a neighbourhood belongs to, or null for a neighbourhood nobody registered.</summary>
    Task<NeighbourhoodEntry?> FindNeighbourhoodAsync(string neighbourhoodId);

    /// <summary>Every grant the person holds, in every corporation.</summary>
    Task<ImmutableArray<StaffGrant>> GetGrantsAsync(StaffMember member);
}

/// <summary>A person as the identity provider names them.</summary>
public sealed record StaffMember(string Issuer, string Subject);

/// <summary>A corporation starts with its first administrator, so there is never a corporation nobody can manage.</summary>
public sealed record RegisterCorporation(string CorporationId, string Name, StaffMember FirstAdministrator);

/// <summary>Changes inside a corporation say who made them (<see cref="StaffCommand.By"/>); the register keeps it.</summary>
public abstract record StaffCommand
{
    public StaffMember? By { get; init; }
}

public sealed record RegisterNeighbourhood(string CorporationId, string NeighbourhoodId, string Name) : StaffCommand;

public sealed record GrantRole(StaffMember Member, StaffGrant Grant) : StaffCommand;

public sealed record RevokeRole(StaffMember Member, string CorporationId, StaffRole Role) : StaffCommand;

/// <summary>Where a neighbourhood's maps open: a centre and a zoom level from <see cref="MinZoom"/> (a town) to
/// <see cref="MaxZoom"/> (a street), as map tiles number them.</summary>
public sealed record MapView(Proposals.GeoPoint Centre, int Zoom)
{
    public const int MinZoom = 12;
    public const int MaxZoom = 18;
}

public sealed record PlaceNeighbourhoodOnMap(string CorporationId, string NeighbourhoodId, MapView Map) : StaffCommand;

public sealed record NeighbourhoodEntry(string NeighbourhoodId, string CorporationId, string Name)
{
    /// <summary>Where its maps open; null until the corporation places it.</summary>
    public MapView? Map { get; init; }
}

public sealed record StaffEntry(StaffMember Member, StaffRole Role, ImmutableArray<string> Neighbourhoods);

public sealed record CorporationSummary(string CorporationId, string Name);

public sealed record CorporationView(string CorporationId, string Name, ImmutableArray<NeighbourhoodEntry> Neighbourhoods, ImmutableArray<StaffEntry> Staff);
