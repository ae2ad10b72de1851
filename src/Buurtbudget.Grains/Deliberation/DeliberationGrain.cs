using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Deliberation;

public sealed class DeliberationGrain : IDeliberationGrain, IGrainBase
{
    public const string StreamPrefix = "deliberation/";
    public static readonly TimeSpan LongestRound = TimeSpan.FromDays(60);

    private readonly IGrainContext _context;
    private readonly TimeProvider _time;
    private readonly EventJournal<DeliberationState, DeliberationEvent> _journal;

    public DeliberationGrain(IGrainContext context, IEventLedger ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _time = time;
        _journal = new(ledger, StreamPrefix + context.Key, DeliberationJson.Instance, context, () => new DeliberationState(), snapshotEvery: 200);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<DeliberationRound> OpenRoundAsync(OpenRound command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (neighbourhoodId, cycleId) = CycleKey.Split(_context.Key);
        var cycle = await _context.GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        Require(cycle.Phase == CyclePhase.Deliberation, CycleProblem.WrongPhase,
            $"Rounds are opened in the deliberation phase; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.");
        string question = command.Question?.Trim() ?? "";
        Require(question.Length is >= 3 and <= 500, CycleProblem.InvalidCommand, "Ask the round's question or theme in 3 to 500 characters.");
        var now = _time.GetUtcNow();
        Require(command.ClosesAt > now && command.ClosesAt <= now + LongestRound, CycleProblem.InvalidCommand,
            $"A round ends in the future and lasts at most {LongestRound.TotalDays:0} days.");
        var known = (await _context.GrainFactory.GetGrain<ICycleProposalsGrain>(_context.Key).ListAsync()).ToHashSet(StringComparer.Ordinal);
        var covered = command.ProposalIds.IsDefault ? [] : command.ProposalIds.Distinct(StringComparer.Ordinal).ToImmutableArray();
        Require(!covered.IsEmpty && covered.All(known.Contains), CycleProblem.InvalidCommand,
            "Name one or more of this cycle's proposals for the round to cover.");
        int number = _journal.Tentative.Rounds.Count + 1;
        await _journal.AppendAsync(new RoundOpened(number, question, covered, now, command.ClosesAt, command.By));
        return _journal.Confirmed.Rounds[number - 1];
    }

    public async Task<DeliberationRound> CloseRoundAsync(CloseRound command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Require(command.Number >= 1 && command.Number <= _journal.Tentative.Rounds.Count, CycleProblem.UnknownCycle, $"There is no round {command.Number}.");
        var round = _journal.Tentative.Rounds[command.Number - 1];
        Require(round.Summary is null, CycleProblem.WrongPhase, "This round was already closed with a summary.");
        string summary = command.Summary?.Trim() ?? "";
        Require(summary.Length is >= 3 and <= 5_000, CycleProblem.InvalidCommand, "Close the round with a summary of 3 to 5,000 characters; it stays with its proposals.");
        await _journal.AppendAsync(new RoundClosed(command.Number, summary, _time.GetUtcNow(), command.By));
        return _journal.Confirmed.Rounds[command.Number - 1];
    }

    public Task<ImmutableArray<DeliberationRound>> ListRoundsAsync() => Task.FromResult(_journal.Confirmed.Rounds.ToImmutableArray());

    private static void Require(bool condition, CycleProblem problem, string message)
    {
        if (!condition)
        {
            throw new BudgetCycleException(problem, message);
        }
    }
}

internal sealed class DeliberationState : IJournaledState<DeliberationEvent>
{
    public List<DeliberationRound> Rounds { get; init; } = [];

    public void Apply(DeliberationEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case RoundOpened opened:
                Rounds.Add(new DeliberationRound(opened.Number, opened.Question, opened.ProposalIds, opened.At, opened.ClosesAt, null, null));
                break;
            case RoundClosed closed:
                Rounds[closed.Number - 1] = Rounds[closed.Number - 1] with { Summary = closed.Summary, ClosedAt = closed.At };
                break;
            default:
                throw new InvalidOperationException($"Unknown deliberation event {change.GetType().Name}.");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RoundOpened))]
[JsonSerializable(typeof(RoundClosed))]
[JsonSerializable(typeof(DeliberationRound[]))]
internal sealed partial class DeliberationJsonContext : JsonSerializerContext;

internal static class DeliberationJson
{
    public static IJournalCodec<DeliberationState, DeliberationEvent> Instance { get; } = new JsonJournalCodec<DeliberationState, DeliberationEvent, DeliberationRound[]>(
        new JsonEventKinds<DeliberationEvent>()
            .Add(DeliberationJsonContext.Default.RoundOpened)
            .Add(DeliberationJsonContext.Default.RoundClosed),
        DeliberationJsonContext.Default.DeliberationRoundArray,
        state => [.. state.Rounds],
        rounds => new() { Rounds = [.. rounds] });
}
