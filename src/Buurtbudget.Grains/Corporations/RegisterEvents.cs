using Buurtbudget.Domain.Access;

namespace Buurtbudget.Grains.Corporations;

/// <summary>What happens to the register, on the stream <c>register/{key}</c>: a hash-chained audit trail of who was
/// given which role and by whom.</summary>
public abstract record RegisterEvent;

public sealed record CorporationRegistered(string CorporationId, string Name) : RegisterEvent;

/// <param name="By">Who registered it; null for changes made by the platform itself.</param>
public sealed record NeighbourhoodRegistered(string CorporationId, string NeighbourhoodId, string Name, StaffMember? By = null) : RegisterEvent;

public sealed record NeighbourhoodPlacedOnMap(string CorporationId, string NeighbourhoodId, MapView Map, StaffMember? By = null) : RegisterEvent;

public sealed record RoleGranted(StaffMember Member, StaffGrant Grant, StaffMember? By = null) : RegisterEvent;

public sealed record RoleRevoked(StaffMember Member, string CorporationId, StaffRole Role, StaffMember? By = null) : RegisterEvent;
