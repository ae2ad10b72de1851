using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.PaperBallots;

/// <remarks>
/// Pending entries are stored under the household's ballot slot, the same HMAC the ballot box uses, so the paper
/// stream links no more to a household than the ballot box already does.
/// </remarks>
public sealed class PaperBallotsGrain : IPaperBallotsGrain, IGrainBase
{
    public const string StreamPrefix = "paper/";

    private readonly IGrainContext _context;
    private readonly BallotSecrecy _secrecy;
    private readonly EventJournal<PaperBallotsState, PaperBallotEvent> _journal;

    public PaperBallotsGrain(IGrainContext context, IEventLedger ledger, BallotSecrecy secrecy)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _secrecy = secrecy;
        _journal = new(ledger, StreamPrefix + context.Key, PaperBallotsJson.Instance, context, () => new PaperBallotsState(), snapshotEvery: 1_000);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<PaperBallotResult> EnterAsync(EnterPaperBallot command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        var codes = _context.GrainFactory.GetGrain<IVotingCodesGrain>(neighbourhoodId);
        var neighbourhood = _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId);
        var signIn = await codes.SignInAsync(command.Code ?? "");
        if (signIn is null || signIn.CycleId != cycleId)
        {
            // 400, not 403: the moderator may enter ballots; the code on this paper is what is wrong.
            throw new BudgetCycleException(CycleProblem.InvalidCommand, "This voting code is not valid for this cycle, or it was already used. Check the code on the paper ballot.");
        }
        string slot = _secrecy.SlotOf(neighbourhoodId, cycleId, signIn.VoterKey);
        var pending = _journal.Tentative.Pending.GetValueOrDefault(slot);
        if (await neighbourhood.GetMyBallotAsync(cycleId, signIn.VoterKey) is { } existing)
        {
            // A retry after the ballot was cast but before the code was closed finishes the job instead of refusing.
            if (pending is not null && existing.Ballot.Equals(new CastBallot(pending.Ballot)))
            {
                return await ConfirmAsync(slot, command, codes, existing.Receipt);
            }
            throw new BudgetCycleException(CycleProblem.AlreadyVoted, "This household already voted online; a paper ballot cannot be added.");
        }
        if (pending is null || pending.By == command.Moderator)
        {
            // The first entry, or the same moderator correcting their own entry: it waits for a second moderator.
            await _journal.AppendAsync(new PaperBallotEntered(slot, command.Ballot.Entries, command.Moderator));
            return new PaperBallotResult(false, null, "Entered once. A second moderator must enter the same paper ballot before it counts.");
        }
        if (!new CastBallot(pending.Ballot).Equals(command.Ballot))
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand,
                "The two entries of this paper ballot differ. Look at the paper ballot again; the first entry still waits for a matching one.");
        }
        var cast = await neighbourhood.CastBallotAsync(new CastBallotRequest(cycleId, signIn.VoterKey, PaperBallotKey.For(slot), command.Ballot));
        return await ConfirmAsync(slot, command, codes, cast.Receipt);
    }

    private async Task<PaperBallotResult> ConfirmAsync(string slot, EnterPaperBallot command, IVotingCodesGrain codes, BallotReceipt receipt)
    {
        await _journal.AppendAsync(new PaperBallotConfirmed(slot, command.Moderator));
        // The household voted on paper: its code must not vote again online.
        await codes.RevokeAsync(command.Code);
        return new PaperBallotResult(true, receipt, "The paper ballot counts. The household's voting code is now closed for online voting.");
    }
}

internal sealed class PaperBallotsState : IJournaledState<PaperBallotEvent>
{
    public Dictionary<string, PaperBallotEntered> Pending { get; init; } = new(StringComparer.Ordinal);

    public void Apply(PaperBallotEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case PaperBallotEntered entered:
                Pending[entered.Slot] = entered;
                break;
            case PaperBallotConfirmed confirmed:
                Pending.Remove(confirmed.Slot);
                break;
            default:
                throw new InvalidOperationException($"Unknown paper-ballot event {change.GetType().Name}.");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PaperBallotEntered))]
[JsonSerializable(typeof(PaperBallotConfirmed))]
[JsonSerializable(typeof(PaperBallotEntered[]))]
internal sealed partial class PaperBallotsJsonContext : JsonSerializerContext;

internal static class PaperBallotsJson
{
    public static IJournalCodec<PaperBallotsState, PaperBallotEvent> Instance { get; } = new JsonJournalCodec<PaperBallotsState, PaperBallotEvent, PaperBallotEntered[]>(
        new JsonEventKinds<PaperBallotEvent>()
            .Add(PaperBallotsJsonContext.Default.PaperBallotEntered)
            .Add(PaperBallotsJsonContext.Default.PaperBallotConfirmed),
        PaperBallotsJsonContext.Default.PaperBallotEnteredArray,
        state => [.. state.Pending.Values],
        pending => new() { Pending = pending.ToDictionary(p => p.Slot, StringComparer.Ordinal) });
}
