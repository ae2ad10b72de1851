using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.VotingCodes;

public sealed class VotingCodesGrain : IVotingCodesGrain, IGrainBase
{
    public const string StreamPrefix = "codes/";
    public const int MaxCodesPerIssue = 20_000;

    private readonly IGrainContext _context;
    private readonly VotingCodeHasher _hasher;
    private readonly EventJournal<VotingCodesState, VotingCodeEvent> _journal;

    public VotingCodesGrain(IGrainContext context, IEventLedger ledger, VotingCodeHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _hasher = hasher;
        _journal = new(ledger, StreamPrefix + context.Key, VotingCodesJson.Instance, context, () => new VotingCodesState(), snapshotEvery: 1_000);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<IssuedCodes> IssueAsync(IssueCodes command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Households.IsDefaultOrEmpty || command.Households.Length > MaxCodesPerIssue)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, $"List between 1 and {MaxCodesPerIssue:N0} households, one per line.");
        }
        var neighbourhood = _context.GrainFactory.GetGrain<INeighbourhoodGrain>(_context.Key);
        // Fails with a clear message for an unknown or closed cycle before any code exists.
        var cycle = await neighbourhood.GetCycleAsync(command.CycleId);
        if (PhaseRules.VotingHasClosed(cycle.Phase))
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase, $"Voting in '{cycle.Title}' has closed; no new codes can be issued.");
        }
        // One source of residents per cycle: codes next to provider accounts would give a household two votes.
        var eligibility = await _context.GrainFactory.GetGrain<Residence.ICycleEligibilityGrain>(CycleKey.Of(_context.Key, command.CycleId)).GetAsync();
        if (eligibility.Residents != Residence.ResidentSource.VotingCodes)
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase,
                $"The residents of '{cycle.Title}' sign in with {eligibility.Provider?.Name}, so this cycle has no voting codes.");
        }
        var households = command.Households.Select(h => _hasher.Household(h ?? "")).ToImmutableArray();
        var repeated = households.Select((h, i) => (h, i)).GroupBy(x => x.h).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null || command.Households.Any(string.IsNullOrWhiteSpace))
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, repeated is null
                ? "A household line is empty."
                : $"'{command.Households[repeated.Skip(1).First().i]}' is on the list twice; each household gets one code.");
        }
        var codes = command.Households.Select(household => new IssuedCode(household, VotingCode.NewCode())).ToImmutableArray();
        var digests = codes.Select(c => _hasher.Digest(VotingCode.Normalize(c.Code)!)).ToImmutableArray();
        int replaced = households.Count(h => _journal.Tentative.CurrentCode.ContainsKey((command.CycleId, h)));
        await _journal.AppendAsync(new VotingCodesIssued(command.CycleId, digests, households));
        await neighbourhood.EnrollVotersAsync(new EnrollVoters(command.CycleId, [.. households.Select(VotingCodeHasher.VoterKey)]));
        return new IssuedCodes(command.CycleId, codes) { Replaced = replaced };
    }

    public Task<CodeSignIn?> SignInAsync(string typedCode)
    {
        var normalized = VotingCode.Normalize(typedCode);
        if (normalized is null)
        {
            return Task.FromResult<CodeSignIn?>(null);
        }
        var digest = _hasher.Digest(normalized);
        var state = _journal.Confirmed;
        return Task.FromResult(state.IsLive(digest)
            ? new CodeSignIn(_context.Key, state.CycleByDigest[digest], state.VoterKeyOf(digest), digest)
            : null);
    }

    public Task<string?> VoterKeyOfHouseholdAsync(string cycleId, string household)
    {
        string digest = _hasher.Household(household ?? "");
        return Task.FromResult(!string.IsNullOrWhiteSpace(household) && _journal.Confirmed.CurrentCode.ContainsKey((cycleId, digest))
            ? VotingCodeHasher.VoterKey(digest)
            : null);
    }

    public Task<bool> IsLiveAsync(string credential) => Task.FromResult(credential is not null && _journal.Confirmed.IsLive(credential));

    public async Task<bool> RevokeAsync(string typedCode)
    {
        var normalized = VotingCode.Normalize(typedCode);
        if (normalized is null)
        {
            return false;
        }
        var digest = _hasher.Digest(normalized);
        if (!_journal.Tentative.IsLive(digest))
        {
            return false;
        }
        await _journal.AppendAsync(new VotingCodeRevoked(digest));
        return true;
    }

    public Task<CodeCounts> CountAsync(string cycleId)
    {
        var state = _journal.Confirmed;
        var codes = state.CycleByDigest.Where(c => c.Value == cycleId).Select(c => c.Key).ToList();
        int households = codes.Select(state.VoterKeyOf).Distinct(StringComparer.Ordinal).Count();
        return Task.FromResult(new CodeCounts(cycleId, codes.Count, households, codes.Count(state.IsLive)));
    }
}
