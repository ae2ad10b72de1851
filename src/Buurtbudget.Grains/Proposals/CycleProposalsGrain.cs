using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

public sealed class CycleProposalsGrain : ICycleProposalsGrain, IGrainBase
{
    public const string StreamPrefix = "proposals/";

    private readonly IGrainContext _context;
    private readonly EventJournal<CycleProposalsState, ProposalListed> _journal;

    public CycleProposalsGrain(IGrainContext context, IEventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _journal = new(ledger, StreamPrefix + context.Key, CycleProposalsJson.Instance, context, () => new CycleProposalsState(), snapshotEvery: 500);
    }

    public static string KeyOf(string neighbourhoodId, string cycleId) => $"{neighbourhoodId}.{cycleId}";

    /// <summary>The proposal grain's key: ids in addresses are short (<c>p…</c>), grain keys are unique everywhere.</summary>
    public static string ProposalKey(string neighbourhoodId, string cycleId, string proposalId) => $"{neighbourhoodId}.{cycleId}.{proposalId}";

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<ProposalView> SubmitAsync(string authorKey, ProposalText text)
    {
        var (neighbourhoodId, cycleId) = Split(_context.Key);
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (!PhaseRules.AcceptsProposals(cycle.Phase))
        {
            throw new ProposalException(ProposalProblem.WrongPhase,
                $"'{cycle.Title}' takes new proposals in the ideas and deliberation phases; it is in the {PhaseRules.Name(cycle.Phase)} phase.");
        }
        // A random id: if listing fails after the proposal was written, a retry gets a new id and the first one is
        // an unlisted orphan, never a proposal under someone else's id.
        string proposalId = "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var proposal = await _context.GrainFactory.GetGrain<IProposalGrain>(ProposalKey(neighbourhoodId, cycleId, proposalId))
            .SubmitAsync(new SubmitProposal(neighbourhoodId, cycleId, authorKey, text));
        await _journal.AppendAsync(new ProposalListed(proposalId));
        return proposal;
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(_journal.Confirmed.Ids.ToImmutableArray());

    private static (string Neighbourhood, string Cycle) Split(string key)
    {
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        return (key[..dot], key[(dot + 1)..]);
    }
}

public sealed record ProposalListed(string ProposalId);

internal sealed class CycleProposalsState : IJournaledState<ProposalListed>
{
    public List<string> Ids { get; init; } = [];

    public void Apply(ProposalListed change, LedgerEntry entry) => Ids.Add(change.ProposalId);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProposalListed))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class CycleProposalsJsonContext : JsonSerializerContext;

internal sealed class CycleProposalsJson : IJournalCodec<CycleProposalsState, ProposalListed>
{
    public static CycleProposalsJson Instance { get; } = new();

    private static readonly JsonEventKinds<ProposalListed> Kinds = new JsonEventKinds<ProposalListed>().Add(CycleProposalsJsonContext.Default.ProposalListed);

    public NewEntry Encode(ProposalListed change) => Kinds.Encode(change);

    public ProposalListed Decode(LedgerEntry entry) => Kinds.Decode(entry);

    public Func<byte[]> CaptureState(CycleProposalsState state)
    {
        string[] ids = [.. state.Ids];
        return () => JsonSerializer.SerializeToUtf8Bytes(ids, CycleProposalsJsonContext.Default.StringArray);
    }

    public CycleProposalsState DecodeState(ReadOnlySpan<byte> bytes) =>
        new() { Ids = [.. JsonSerializer.Deserialize(bytes, CycleProposalsJsonContext.Default.StringArray) ?? []] };
}
