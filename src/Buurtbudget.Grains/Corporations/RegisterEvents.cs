using Buurtbudget.Domain.Access;

namespace Buurtbudget.Grains.Corporations;

/// <summary>What happens to the register, on the stream <c>register/{key}</c>: a public audit trail of who was
/// given which role, when (the entry's time) and by whom.</summary>
public abstract record RegisterEvent;

public sealed record CorporationRegistered(string CorporationId, string Name) : RegisterEvent;

public sealed record NeighbourhoodRegistered(string CorporationId, string NeighbourhoodId, string Name) : RegisterEvent;

public sealed record RoleGranted(StaffMember Member, StaffGrant Grant) : RegisterEvent;

public sealed record RoleRevoked(StaffMember Member, string CorporationId, StaffRole Role) : RegisterEvent;
