using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

/// <summary>
/// The votes of the <c>.pb</c> file a cycle was imported from, kept for rule simulations only, keyed
/// <c>{neighbourhood}.{cycle}</c>. They are never ballots of the cycle: they live on their own stream, not in the
/// neighbourhood's ballot box, and nothing counts them towards a result.
/// </summary>
public interface IImportedBallotsGrain : IGrainWithStringKey
{
    /// <summary>Keeps the votes; a cycle's imported votes are set once.</summary>
    Task ImportAsync(ImportedBallots ballots);

    Task<ImportedBallots?> GetAsync();
}

/// <param name="Projects">The cycle's proposals the votes are on (id, title, cost in cents).</param>
/// <param name="Votes">Each vote as the indices into <paramref name="Projects"/> it approves.</param>
public sealed record ImportedBallots(string From, ImmutableArray<ImportedBallotProject> Projects, ImmutableArray<ImmutableArray<int>> Votes);

public sealed record ImportedBallotProject(string Id, string Title, long CostCents);

public sealed record SimulationBallotsImported(ImportedBallots Ballots);

public sealed class ImportedBallotsGrain : IImportedBallotsGrain, IGrainBase
{
    public const string StreamPrefix = "imported-ballots/";

    private readonly EventJournal<ImportedBallotsState, SimulationBallotsImported> _journal;

    public ImportedBallotsGrain(IGrainContext context, IEventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _journal = new(ledger, StreamPrefix + context.Key, ImportedBallotsJson.Instance, context, () => new ImportedBallotsState(), snapshotEvery: 1_000);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task ImportAsync(ImportedBallots ballots)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        if (_journal.Tentative.Ballots is not null)
        {
            throw new ProposalException(ProposalProblem.AlreadySubmitted, "This cycle's imported votes are already kept.");
        }
        await _journal.AppendAsync(new SimulationBallotsImported(ballots));
    }

    public Task<ImportedBallots?> GetAsync() => Task.FromResult(_journal.Confirmed.Ballots);
}

internal sealed class ImportedBallotsState : IJournaledState<SimulationBallotsImported>
{
    public ImportedBallots? Ballots { get; set; }

    public void Apply(SimulationBallotsImported change, LedgerEntry entry) => Ballots = change.Ballots;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SimulationBallotsImported))]
[JsonSerializable(typeof(ImportedBallots))]
internal sealed partial class ImportedBallotsJsonContext : JsonSerializerContext;

internal sealed class ImportedBallotsJson : IJournalCodec<ImportedBallotsState, SimulationBallotsImported>
{
    public static ImportedBallotsJson Instance { get; } = new();

    private static readonly JsonEventKinds<SimulationBallotsImported> Kinds = new JsonEventKinds<SimulationBallotsImported>()
        .Add(ImportedBallotsJsonContext.Default.SimulationBallotsImported);

    public NewEntry Encode(SimulationBallotsImported change) => Kinds.Encode(change);

    public SimulationBallotsImported Decode(LedgerEntry entry) => Kinds.Decode(entry);

    public Func<byte[]> CaptureState(ImportedBallotsState state)
    {
        var ballots = state.Ballots;
        return () => ballots is null ? [] : JsonSerializer.SerializeToUtf8Bytes(ballots, ImportedBallotsJsonContext.Default.ImportedBallots);
    }

    public ImportedBallotsState DecodeState(ReadOnlySpan<byte> bytes) =>
        new() { Ballots = bytes.IsEmpty ? null : JsonSerializer.Deserialize(bytes, ImportedBallotsJsonContext.Default.ImportedBallots) };
}
