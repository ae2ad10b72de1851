using System.Collections.Immutable;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Deliberation;

/// <summary>
/// The deliberation rounds of one cycle (key <c>{neighbourhood}.{cycle}</c>): a moderator opens a time-boxed round
/// with a question and the proposals it covers, and closes it with a summary that stays attached to them.
/// </summary>
public interface IDeliberationGrain : IGrainWithStringKey
{
    Task<DeliberationRound> OpenRoundAsync(OpenRound command);

    Task<DeliberationRound> CloseRoundAsync(CloseRound command);

    Task<ImmutableArray<DeliberationRound>> ListRoundsAsync();
}

public sealed record OpenRound(string Question, ImmutableArray<string> ProposalIds, DateTimeOffset ClosesAt, StaffMember By);

public sealed record CloseRound(int Number, string Summary, StaffMember By);

/// <param name="ClosesAt">When the round's time is up; it is summarised (closed) by a moderator after that or before.</param>
public sealed record DeliberationRound(
    int Number, string Question, ImmutableArray<string> ProposalIds, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, string? Summary, DateTimeOffset? ClosedAt);

public abstract record DeliberationEvent;

public sealed record RoundOpened(int Number, string Question, ImmutableArray<string> ProposalIds, DateTimeOffset At, DateTimeOffset ClosesAt, StaffMember By) : DeliberationEvent;

public sealed record RoundClosed(int Number, string Summary, DateTimeOffset At, StaffMember By) : DeliberationEvent;
