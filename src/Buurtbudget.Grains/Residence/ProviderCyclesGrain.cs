using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Residence;

public sealed class ProviderCyclesGrain : IProviderCyclesGrain, IGrainBase
{
    public const string StreamPrefix = "provider-cycles/";

    private readonly EventJournal<ProviderCyclesState, ProviderCyclesEvent> _journal;

    public ProviderCyclesGrain(IGrainContext context, IEventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _journal = new(ledger, StreamPrefix + context.Key, ProviderCyclesJson.Instance, context, () => new ProviderCyclesState(), snapshotEvery: 500);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(_journal.Confirmed.Cycles);

    public Task AddAsync(string cycleKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(cycleKey);
        return _journal.Confirmed.Cycles.Contains(cycleKey) ? Task.CompletedTask : _journal.AppendAsync(new ProviderCycleAdded(cycleKey));
    }

    public Task RemoveAsync(string cycleKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(cycleKey);
        return _journal.Confirmed.Cycles.Contains(cycleKey) ? _journal.AppendAsync(new ProviderCycleRemoved(cycleKey)) : Task.CompletedTask;
    }
}

public abstract record ProviderCyclesEvent;

public sealed record ProviderCycleAdded(string CycleKey) : ProviderCyclesEvent;

public sealed record ProviderCycleRemoved(string CycleKey) : ProviderCyclesEvent;

internal sealed class ProviderCyclesState : IJournaledState<ProviderCyclesEvent>
{
    public ImmutableArray<string> Cycles { get; set; } = [];

    public void Apply(ProviderCyclesEvent change, LedgerEntry entry)
    {
        Cycles = change switch
        {
            ProviderCycleAdded added => Cycles.Add(added.CycleKey),
            ProviderCycleRemoved removed => Cycles.Remove(removed.CycleKey),
            _ => throw new InvalidOperationException($"Unknown event {change.GetType().Name}."),
        };
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProviderCycleAdded))]
[JsonSerializable(typeof(ProviderCycleRemoved))]
[JsonSerializable(typeof(ImmutableArray<string>))]
internal sealed partial class ProviderCyclesJsonContext : JsonSerializerContext;

internal static class ProviderCyclesJson
{
    public static IJournalCodec<ProviderCyclesState, ProviderCyclesEvent> Instance { get; } = new JsonJournalCodec<ProviderCyclesState, ProviderCyclesEvent, ImmutableArray<string>>(
        new JsonEventKinds<ProviderCyclesEvent>()
            .Add(ProviderCyclesJsonContext.Default.ProviderCycleAdded)
            .Add(ProviderCyclesJsonContext.Default.ProviderCycleRemoved),
        ProviderCyclesJsonContext.Default.ImmutableArrayString,
        state => state.Cycles,
        cycles => new() { Cycles = cycles });
}
