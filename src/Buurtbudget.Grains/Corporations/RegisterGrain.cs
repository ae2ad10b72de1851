using System.Collections.Immutable;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Corporations;

public sealed class RegisterGrain : IRegisterGrain, IGrainBase
{
    /// <summary>The register's one key: there is one register per installation.</summary>
    public const string Key = "nl";
    public const string StreamPrefix = "register/";
    public const int MaxNameLength = 200;
    public const int MaxSubjectLength = 255;

    private readonly EventJournal<RegisterState, RegisterEvent> _journal;

    public RegisterGrain(IGrainContext context, IEventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _journal = new(ledger, StreamPrefix + context.Key, RegisterJson.Instance, context, () => new RegisterState(), snapshotEvery: 500);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<CorporationView> RegisterCorporationAsync(RegisterCorporation command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireId(command.CorporationId, "corporation");
        string name = RequireName(command.Name, "corporation");
        var administrator = RequireMember(command.FirstAdministrator);
        if (_journal.Tentative.Corporations.ContainsKey(command.CorporationId))
        {
            throw new RegisterException(RegisterProblem.AlreadyRegistered, $"A corporation with id '{command.CorporationId}' is already registered.");
        }
        // One append: the corporation and its administrator exist together or not at all.
        await _journal.AppendAsync(new CorporationRegistered(command.CorporationId, name),
            new RoleGranted(administrator, new StaffGrant(command.CorporationId, StaffRole.Administrator, [])));
        return View(command.CorporationId);
    }

    public async Task<CorporationView> RegisterNeighbourhoodAsync(RegisterNeighbourhood command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireCorporation(command.CorporationId);
        RequireId(command.NeighbourhoodId, "neighbourhood");
        string name = RequireName(command.Name, "neighbourhood");
        if (_journal.Tentative.Neighbourhoods.TryGetValue(command.NeighbourhoodId, out var existing))
        {
            // Neighbourhood ids are global (they are in every public address), so another corporation's id is taken too.
            throw new RegisterException(RegisterProblem.AlreadyRegistered, existing.CorporationId == command.CorporationId
                ? $"Neighbourhood '{command.NeighbourhoodId}' is already registered."
                : $"The id '{command.NeighbourhoodId}' is taken; choose another id for this neighbourhood.");
        }
        await _journal.AppendAsync(new NeighbourhoodRegistered(command.CorporationId, command.NeighbourhoodId, name, command.By));
        return View(command.CorporationId);
    }

    public async Task<CorporationView> PlaceNeighbourhoodOnMapAsync(PlaceNeighbourhoodOnMap command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireCorporation(command.CorporationId);
        if (!_journal.Tentative.Neighbourhoods.TryGetValue(command.NeighbourhoodId ?? "", out var neighbourhood) || neighbourhood.CorporationId != command.CorporationId)
        {
            throw new RegisterException(RegisterProblem.UnknownNeighbourhood, $"This corporation has no neighbourhood '{command.NeighbourhoodId}'.");
        }
        var map = command.Map ?? throw new RegisterException(RegisterProblem.InvalidCommand, "Say where the map opens: a centre and a zoom level.");
        if (map.Centre is null)
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, "Say where the map's centre is.");
        }
        if (Proposals.GeoPoint.WhyNot(map.Centre.Latitude, map.Centre.Longitude) is { } notOnEarth)
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, notOnEarth);
        }
        if (map.Zoom is < MapView.MinZoom or > MapView.MaxZoom)
        {
            throw new RegisterException(RegisterProblem.InvalidCommand,
                $"The zoom level is from {MapView.MinZoom} (a town) to {MapView.MaxZoom} (a street); a neighbourhood is usually 15 or 16.");
        }
        var placed = map with { Centre = map.Centre.Rounded() };
        if (neighbourhood.Map != placed)
        {
            await _journal.AppendAsync(new NeighbourhoodPlacedOnMap(command.CorporationId, command.NeighbourhoodId!, placed, command.By));
        }
        return View(command.CorporationId);
    }

    public async Task<CorporationView> GrantRoleAsync(GrantRole command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var member = RequireMember(command.Member);
        var grant = command.Grant ?? throw new RegisterException(RegisterProblem.InvalidCommand, "Say which role to grant.");
        RequireCorporation(grant.CorporationId);
        if (!Enum.IsDefined(grant.Role))
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, "The role must be moderator, administrator or auditor.");
        }
        var neighbourhoods = grant.Neighbourhoods.IsDefault ? [] : grant.Neighbourhoods.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        foreach (var neighbourhoodId in neighbourhoods)
        {
            if (!_journal.Tentative.Neighbourhoods.TryGetValue(neighbourhoodId ?? "", out var entry) || entry.CorporationId != grant.CorporationId)
            {
                throw new RegisterException(RegisterProblem.InvalidCommand, $"'{neighbourhoodId}' is not a neighbourhood of this corporation.");
            }
        }
        var narrowed = grant with { Neighbourhoods = neighbourhoods };
        if (grant.Role == StaffRole.Administrator && !narrowed.CoversEveryNeighbourhood && WouldLeaveNoAdministrator(member, grant.CorporationId))
        {
            throw new RegisterException(RegisterProblem.LastAdministrator, "This is the corporation's last administrator for all neighbourhoods; grant another one first.");
        }
        await _journal.AppendAsync(new RoleGranted(member, narrowed, command.By));
        return View(grant.CorporationId);
    }

    public async Task<CorporationView> RevokeRoleAsync(RevokeRole command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var member = RequireMember(command.Member);
        RequireCorporation(command.CorporationId);
        if (!_journal.Tentative.GrantsOf(member).Any(g => RegisterState.SameRole(g, command.CorporationId, command.Role)))
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, $"This person is not {command.Role.ToString().ToLowerInvariant()} of this corporation.");
        }
        if (command.Role == StaffRole.Administrator && WouldLeaveNoAdministrator(member, command.CorporationId))
        {
            throw new RegisterException(RegisterProblem.LastAdministrator, "This is the corporation's last administrator for all neighbourhoods; grant another one first.");
        }
        await _journal.AppendAsync(new RoleRevoked(member, command.CorporationId, command.Role, command.By));
        return View(command.CorporationId);
    }

    public Task<CorporationView> GetCorporationAsync(string corporationId)
    {
        if (corporationId is null || !_journal.Confirmed.Corporations.ContainsKey(corporationId))
        {
            throw new RegisterException(RegisterProblem.UnknownCorporation, $"There is no corporation '{corporationId}'.");
        }
        return Task.FromResult(View(corporationId, _journal.Confirmed));
    }

    public Task<ImmutableArray<CorporationSummary>> ListCorporationsAsync() => Task.FromResult(
        _journal.Confirmed.Corporations.Select(c => new CorporationSummary(c.Key, c.Value)).OrderBy(c => c.CorporationId, StringComparer.Ordinal).ToImmutableArray());

    public Task<ImmutableArray<NeighbourhoodEntry>> ListNeighbourhoodsAsync() => Task.FromResult(
        _journal.Confirmed.Neighbourhoods.Values.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.NeighbourhoodId, StringComparer.Ordinal).ToImmutableArray());

    public Task<NeighbourhoodEntry?> FindNeighbourhoodAsync(string neighbourhoodId) =>
        Task.FromResult(neighbourhoodId is not null && _journal.Confirmed.Neighbourhoods.TryGetValue(neighbourhoodId, out var entry) ? entry : null);

    public Task<ImmutableArray<StaffGrant>> GetGrantsAsync(StaffMember member) =>
        Task.FromResult(member is null ? [] : _journal.Confirmed.GrantsOf(member));

    /// <summary>A corporation must keep someone who can manage it, or nobody could grant roles again.</summary>
    private bool WouldLeaveNoAdministrator(StaffMember leaving, string corporationId) =>
        !_journal.Tentative.Grants.Any(member => member.Key != leaving
            && member.Value.Any(g => RegisterState.SameRole(g, corporationId, StaffRole.Administrator) && g.CoversEveryNeighbourhood))
        && _journal.Tentative.GrantsOf(leaving).Any(g => RegisterState.SameRole(g, corporationId, StaffRole.Administrator) && g.CoversEveryNeighbourhood);

    private CorporationView View(string corporationId) => View(corporationId, _journal.Tentative);

    private static CorporationView View(string corporationId, RegisterState state) => new(
        corporationId,
        state.Corporations[corporationId],
        [.. state.Neighbourhoods.Values.Where(n => n.CorporationId == corporationId).OrderBy(n => n.NeighbourhoodId, StringComparer.Ordinal)],
        [.. state.Grants
            .SelectMany(member => member.Value.Where(g => g.CorporationId == corporationId).Select(g => new StaffEntry(member.Key, g.Role, g.Neighbourhoods)))
            .OrderBy(s => s.Member.Issuer, StringComparer.Ordinal).ThenBy(s => s.Member.Subject, StringComparer.Ordinal).ThenBy(s => s.Role)]);

    private void RequireCorporation(string corporationId)
    {
        if (corporationId is null || !_journal.Tentative.Corporations.ContainsKey(corporationId))
        {
            throw new RegisterException(RegisterProblem.UnknownCorporation, $"There is no corporation '{corporationId}'.");
        }
    }

    private static void RequireId(string id, string what)
    {
        if (!BudgetIds.IsValid(id))
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, $"A {what} id is {BudgetIds.Rule}.");
        }
    }

    private static string RequireName(string? name, string what)
    {
        string trimmed = name?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxNameLength && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new RegisterException(RegisterProblem.InvalidCommand, $"Give the {what} a name of 1 to {MaxNameLength} characters on one line.");
    }

    /// <summary>Issuers are absolute https URLs (http only on loopback, for development) and compared exactly,
    /// as OpenID Connect compares them.</summary>
    private static StaffMember RequireMember(StaffMember? member)
    {
        if (member is null || !Uri.TryCreate(member.Issuer, UriKind.Absolute, out var issuer)
            || !(issuer.Scheme == Uri.UriSchemeHttps || (issuer.Scheme == Uri.UriSchemeHttp && issuer.IsLoopback)))
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, "The issuer must be the identity provider's https URL, exactly as it appears in its tokens.");
        }
        if (string.IsNullOrEmpty(member.Subject) || member.Subject.Length > MaxSubjectLength || member.Subject.Any(char.IsControl))
        {
            throw new RegisterException(RegisterProblem.InvalidCommand, $"The subject is the identity provider's id for the person: 1 to {MaxSubjectLength} characters.");
        }
        return member;
    }
}
