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
    private readonly EventJournal<CycleProposalsState, CycleProposalsEvent> _journal;

    public CycleProposalsGrain(IGrainContext context, IEventLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _journal = new(ledger, StreamPrefix + context.Key, CycleProposalsJson.Instance, context, () => new CycleProposalsState(), snapshotEvery: 500);
    }

    /// <summary>The proposal grain's key: ids in addresses are short (<c>p…</c>), grain keys are unique everywhere.</summary>
    public static string ProposalKey(string neighbourhoodId, string cycleId, string proposalId) => $"{CycleKey.Of(neighbourhoodId, cycleId)}.{proposalId}";

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<ProposalView> SubmitAsync(string authorKey, ProposalText text, ImmutableArray<string> coAuthors = default)
    {
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (!PhaseRules.AcceptsProposals(cycle.Phase))
        {
            throw new ProposalException(ProposalProblem.WrongPhase,
                $"'{cycle.Title}' takes new proposals in the ideas and deliberation phases; it is in the {PhaseRules.Name(cycle.Phase)} phase.");
        }
        ArgumentNullException.ThrowIfNull(text);
        // Trimmed the way the proposal grain stores it, so " Groen " is the category "Groen".
        if (_journal.Tentative.Rules.WhyNot(text with { Category = string.IsNullOrWhiteSpace(text.Category) ? null : text.Category.Trim() }) is { } breaksRules)
        {
            throw new ProposalException(ProposalProblem.InvalidText, breaksRules);
        }
        // A random id: if listing fails after the proposal was written, a retry gets a new id and the first one is
        // an unlisted orphan, never a proposal under someone else's id.
        string proposalId = "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var proposal = await _context.GrainFactory.GetGrain<IProposalGrain>(ProposalKey(neighbourhoodId, cycleId, proposalId))
            .SubmitAsync(new SubmitProposal(neighbourhoodId, cycleId, authorKey, text) { CoAuthors = coAuthors.IsDefault ? [] : coAuthors });
        await _journal.AppendAsync(new ProposalListed(proposalId));
        return proposal;
    }

    public async Task<ImmutableArray<ProposalView>> ImportAsync(string authorKey, ImmutableArray<ProposalText> texts)
    {
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (cycle.Phase != CyclePhase.Draft || _journal.Tentative.Ids.Count > 0)
        {
            throw new ProposalException(ProposalProblem.WrongPhase, "Proposals are imported into a new draft cycle that has none yet.");
        }
        var views = ImmutableArray.CreateBuilder<ProposalView>(texts.Length);
        foreach (var text in texts)
        {
            string proposalId = "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            views.Add(await _context.GrainFactory.GetGrain<IProposalGrain>(ProposalKey(neighbourhoodId, cycleId, proposalId))
                .SubmitAsync(new SubmitProposal(neighbourhoodId, cycleId, authorKey, text)));
        }
        // One append lists them all: the cycle shows every imported proposal or none.
        await _journal.AppendAsync([.. views.Select(v => (CycleProposalsEvent)new ProposalListed(v.Id[(v.Id.LastIndexOf('.') + 1)..]))]);
        return views.MoveToImmutable();
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(_journal.Confirmed.Ids.ToImmutableArray());

    public async Task<ProposalRules> SetRulesAsync(ProposalRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.MinCostCents < 0 || rules.MaxCostCents < rules.MinCostCents || rules.MaxCostCents <= 0 || rules.SupportThreshold is < 0 or > 100_000)
        {
            throw new ProposalException(ProposalProblem.InvalidText,
                "Costs are zero or more with the maximum above the minimum, and the support threshold is between 0 and 100,000 households.");
        }
        rules = rules with { Categories = rules.Categories.IsDefault ? [] : rules.Categories };
        if (ProposalRules.WhyNotCategories(rules.Categories) is { } badCategories)
        {
            throw new ProposalException(ProposalProblem.InvalidText, badCategories);
        }
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (cycle.Phase is not (CyclePhase.Draft or CyclePhase.Ideas))
        {
            throw new ProposalException(ProposalProblem.WrongPhase, "The rules for proposals are set before or while ideas are collected, not later.");
        }
        await _journal.AppendAsync(new ProposalRulesSet(rules));
        return _journal.Confirmed.Rules;
    }

    public Task<ProposalRules> GetRulesAsync() => Task.FromResult(_journal.Confirmed.Rules);

    public async Task CatchUpAsync()
    {
        await _journal.CatchUpAsync();
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        await Task.WhenAll(_journal.Confirmed.Ids.Select(id =>
            _context.GrainFactory.GetGrain<IProposalGrain>(ProposalKey(neighbourhoodId, cycleId, id)).CatchUpAsync()));
    }

}

public abstract record CycleProposalsEvent;

public sealed record ProposalListed(string ProposalId) : CycleProposalsEvent;

public sealed record ProposalRulesSet(ProposalRules Rules) : CycleProposalsEvent;

internal sealed class CycleProposalsState : IJournaledState<CycleProposalsEvent>
{
    public List<string> Ids { get; init; } = [];

    public ProposalRules Rules { get; set; } = new();

    public void Apply(CycleProposalsEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case ProposalListed listed:
                Ids.Add(listed.ProposalId);
                break;
            case ProposalRulesSet set:
                Rules = set.Rules with { Categories = set.Rules.Categories.IsDefault ? [] : set.Rules.Categories };
                break;
            default:
                throw new InvalidOperationException($"Unknown event {change.GetType().Name}.");
        }
    }
}

internal sealed record CycleProposalsSnapshot(string[] Ids, ProposalRules Rules);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProposalListed))]
[JsonSerializable(typeof(ProposalRulesSet))]
[JsonSerializable(typeof(CycleProposalsSnapshot))]
internal sealed partial class CycleProposalsJsonContext : JsonSerializerContext;

internal static class CycleProposalsJson
{
    public static IJournalCodec<CycleProposalsState, CycleProposalsEvent> Instance { get; } = new JsonJournalCodec<CycleProposalsState, CycleProposalsEvent, CycleProposalsSnapshot>(
        new JsonEventKinds<CycleProposalsEvent>()
            .Add(CycleProposalsJsonContext.Default.ProposalListed)
            .Add(CycleProposalsJsonContext.Default.ProposalRulesSet),
        CycleProposalsJsonContext.Default.CycleProposalsSnapshot,
        state => new CycleProposalsSnapshot([.. state.Ids], state.Rules),
        // Snapshots from before categories existed have none.
        snapshot => new() { Ids = [.. snapshot.Ids], Rules = snapshot.Rules with { Categories = snapshot.Rules.Categories.IsDefault ? [] : snapshot.Rules.Categories } });
}
