using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Residence;

public sealed class CycleEligibilityGrain : ICycleEligibilityGrain, IGrainBase
{
    public const string StreamPrefix = "eligibility/";

    private readonly IGrainContext _context;
    private readonly EventJournal<CycleEligibilityState, EligibilityEvent> _journal;

    public CycleEligibilityGrain(IGrainContext context, IEventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _journal = new(ledger, StreamPrefix + context.Key, CycleEligibilityJson.Instance, context, () => new CycleEligibilityState(), snapshotEvery: 100);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public Task<CycleEligibility> GetAsync() => Task.FromResult(_journal.Confirmed.Rules);

    public async Task<CycleEligibility> SetAsync(CycleEligibility eligibility)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        if (eligibility.WhyNot() is { } why)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, why);
        }
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        // Fails with a clear message for an unknown cycle before anything is written.
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (PhaseRules.Order.IndexOf(cycle.Phase) >= PhaseRules.Order.IndexOf(CyclePhase.Voting))
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase,
                $"Who may take part in '{cycle.Title}' was frozen when voting opened; it is in the {PhaseRules.Name(cycle.Phase)} phase.");
        }
        if (eligibility.Residents == ResidentSource.IdentityProvider
            && await _context.GrainFactory.GetGrain<IVotingCodesGrain>(neighbourhoodId).CountAsync(cycleId) is { Live: > 0 } codes)
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase,
                $"'{cycle.Title}' has {codes.Live} live voting codes; a cycle's residents come either from codes or from an identity provider, never both. Revoke the codes first.");
        }
        // The provider's index learns of the cycle before the cycle names the provider and forgets it only after the
        // cycle named another source, so a crash in between leaves a stale entry (filtered on read), never a gap.
        var before = _journal.Confirmed.Rules.Provider?.Name;
        if (eligibility.Provider is { } provider)
        {
            await _context.GrainFactory.GetGrain<IProviderCyclesGrain>(provider.Name).AddAsync(_context.Key);
        }
        await _journal.AppendAsync(new EligibilitySet(eligibility));
        if (before is not null && before != eligibility.Provider?.Name)
        {
            await _context.GrainFactory.GetGrain<IProviderCyclesGrain>(before).RemoveAsync(_context.Key);
        }
        return _journal.Confirmed.Rules;
    }
}

public abstract record EligibilityEvent;

public sealed record EligibilitySet(CycleEligibility Rules) : EligibilityEvent;

internal sealed class CycleEligibilityState : IJournaledState<EligibilityEvent>
{
    public CycleEligibility Rules { get; set; } = new();

    public void Apply(EligibilityEvent change, LedgerEntry entry)
    {
        Rules = change switch
        {
            EligibilitySet set => set.Rules,
            _ => throw new InvalidOperationException($"Unknown event {change.GetType().Name}."),
        };
    }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EligibilitySet))]
[JsonSerializable(typeof(CycleEligibility))]
internal sealed partial class CycleEligibilityJsonContext : JsonSerializerContext;

internal static class CycleEligibilityJson
{
    public static IJournalCodec<CycleEligibilityState, EligibilityEvent> Instance { get; } = new JsonJournalCodec<CycleEligibilityState, EligibilityEvent, CycleEligibility>(
        new JsonEventKinds<EligibilityEvent>().Add(CycleEligibilityJsonContext.Default.EligibilitySet),
        CycleEligibilityJsonContext.Default.CycleEligibility,
        state => state.Rules,
        rules => new() { Rules = rules });
}
