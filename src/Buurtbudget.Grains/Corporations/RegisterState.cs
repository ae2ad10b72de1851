using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Corporations;

/// <summary>Corporations, neighbourhoods and grants, indexed for the lookups authorization makes.</summary>
internal sealed class RegisterState : IJournaledState<RegisterEvent>
{
    public Dictionary<string, string> Corporations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NeighbourhoodEntry> Neighbourhoods { get; } = new(StringComparer.Ordinal);

    public Dictionary<StaffMember, ImmutableArray<StaffGrant>> Grants { get; } = [];

    public void Apply(RegisterEvent change, LedgerEntry entry) => Fold(change);

    public void Fold(RegisterEvent change)
    {
        switch (change)
        {
            case CorporationRegistered registered:
                Corporations[registered.CorporationId] = registered.Name;
                break;
            case NeighbourhoodRegistered registered:
                Neighbourhoods[registered.NeighbourhoodId] = new(registered.NeighbourhoodId, registered.CorporationId, registered.Name);
                break;
            case NeighbourhoodPlacedOnMap placed:
                Neighbourhoods[placed.NeighbourhoodId] = Neighbourhoods[placed.NeighbourhoodId] with { Map = placed.Map };
                break;
            case RoleGranted granted:
                Grants[granted.Member] = [.. GrantsOf(granted.Member).Where(g => !SameRole(g, granted.Grant.CorporationId, granted.Grant.Role)), granted.Grant];
                break;
            case RoleRevoked revoked:
                var rest = GrantsOf(revoked.Member).Where(g => !SameRole(g, revoked.CorporationId, revoked.Role)).ToImmutableArray();
                if (rest.IsEmpty)
                {
                    Grants.Remove(revoked.Member);
                }
                else
                {
                    Grants[revoked.Member] = rest;
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown register event {change.GetType().Name}.");
        }
    }

    public ImmutableArray<StaffGrant> GrantsOf(StaffMember member) => Grants.TryGetValue(member, out var grants) ? grants : [];

    public static bool SameRole(StaffGrant grant, string corporationId, StaffRole role) => grant.CorporationId == corporationId && grant.Role == role;
}

/// <summary>The register's snapshot is the list of events that rebuilds it: it is small and changes rarely.</summary>
internal sealed record RegisterSnapshot(
    ImmutableArray<CorporationRegistered> Corporations, ImmutableArray<NeighbourhoodRegistered> Neighbourhoods, ImmutableArray<RoleGranted> Grants)
{
    /// <summary>Absent from snapshots written before neighbourhoods had a map.</summary>
    public ImmutableArray<NeighbourhoodPlacedOnMap> Maps { get; init; } = [];
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CorporationRegistered))]
[JsonSerializable(typeof(NeighbourhoodRegistered))]
[JsonSerializable(typeof(NeighbourhoodPlacedOnMap))]
[JsonSerializable(typeof(RoleGranted))]
[JsonSerializable(typeof(RoleRevoked))]
[JsonSerializable(typeof(RegisterSnapshot))]
internal sealed partial class RegisterJsonContext : JsonSerializerContext;

internal static class RegisterJson
{
    public static IJournalCodec<RegisterState, RegisterEvent> Instance { get; } = new JsonJournalCodec<RegisterState, RegisterEvent, RegisterSnapshot>(
        new JsonEventKinds<RegisterEvent>()
            .Add(RegisterJsonContext.Default.CorporationRegistered)
            .Add(RegisterJsonContext.Default.NeighbourhoodRegistered)
            .Add(RegisterJsonContext.Default.NeighbourhoodPlacedOnMap)
            .Add(RegisterJsonContext.Default.RoleGranted)
            .Add(RegisterJsonContext.Default.RoleRevoked),
        RegisterJsonContext.Default.RegisterSnapshot,
        state => new RegisterSnapshot(
            [.. state.Corporations.Select(c => new CorporationRegistered(c.Key, c.Value))],
            [.. state.Neighbourhoods.Values.Select(n => new NeighbourhoodRegistered(n.CorporationId, n.NeighbourhoodId, n.Name))],
            [.. state.Grants.SelectMany(member => member.Value.Select(grant => new RoleGranted(member.Key, grant)))])
        {
            Maps = [.. state.Neighbourhoods.Values.Where(n => n.Map is not null).Select(n => new NeighbourhoodPlacedOnMap(n.CorporationId, n.NeighbourhoodId, n.Map!))],
        },
        Restore);

    // The snapshot is the events that rebuild the register, so restoring is folding them.
    private static RegisterState Restore(RegisterSnapshot snapshot)
    {
        var state = new RegisterState();
        var maps = snapshot.Maps.IsDefault ? [] : snapshot.Maps;
        foreach (RegisterEvent change in snapshot.Corporations.Concat<RegisterEvent>(snapshot.Neighbourhoods).Concat(maps).Concat(snapshot.Grants))
        {
            state.Fold(change);
        }
        return state;
    }
}
