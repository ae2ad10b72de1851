using System.Collections.Immutable;

namespace Buurtbudget.Domain.Rules;

/// <summary>What a rule decided, with the reasons, as data for results pages and exports.</summary>
public sealed record Outcome
{
    public required OutcomeRule Rule { get; init; }

    /// <summary>Funded projects in the order the rule picked them.</summary>
    public required ImmutableArray<string> Selected { get; init; }

    public required decimal Budget { get; init; }

    public required decimal TotalCost { get; init; }

    /// <summary>One explanation per project, in the order of the election's projects.</summary>
    public required ImmutableArray<ProjectExplanation> Projects { get; init; }

    /// <summary>Equal Shares only: every voter's share and where it went.</summary>
    public EqualSharesAccount? EqualShares { get; init; }

    public decimal BudgetLeft => Budget - TotalCost;

    /// <summary>Selected ids sorted as ordinal strings, the form Pabulib's reference outcomes use.</summary>
    public ImmutableArray<string> SelectedSorted => [.. Selected.Order(StringComparer.Ordinal)];
}

/// <summary>Why a project was or was not funded.</summary>
public enum Verdict
{
    /// <summary>Funded by the rule itself.</summary>
    Funded,

    /// <summary>Funded by the greedy completion after Equal Shares.</summary>
    FundedByCompletion,

    /// <summary>Nobody supported it (Equal Shares funds only what someone asked for); under cost utility also a
    /// free project, which is worth nothing under that utility and is left to completion.</summary>
    NoSupport,

    /// <summary>Equal Shares: its supporters together no longer had enough money left.</summary>
    SupportersCouldNotAfford,

    /// <summary>Greedy: when its turn came, less money was left than it costs.</summary>
    DidNotFit,

    /// <summary>Phragmén: the rule stopped before reaching it, because the next project would overspend.</summary>
    RuleStopped,
}

/// <summary>The explanation of one project's result. Money amounts are rounded to 6 decimals for display;
/// the decisions themselves were taken with exact fractions.</summary>
public sealed record ProjectExplanation
{
    public required string ProjectId { get; init; }

    public required decimal Cost { get; init; }

    /// <summary>Votes (approval, choose-1, ranking) or total points (cumulative, scoring).</summary>
    public required decimal Score { get; init; }

    public required int Supporters { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>Round in which it was funded (1-based; 0 for free projects), or in which it dropped out.</summary>
    public int? Round { get; init; }

    /// <summary>Greedy and Phragmén: money left before this project was considered.</summary>
    public decimal? BudgetLeftBefore { get; init; }

    /// <summary>Equal Shares: the price per unit of utility (lower is better; the cheapest is bought first).</summary>
    public decimal? PricePerUtility { get; init; }

    /// <summary>Equal Shares: the most any single supporter paid.</summary>
    public decimal? MaxPaymentPerSupporter { get; init; }

    /// <summary>Equal Shares: supporters who had less than the full price share and so gave everything they had
    /// left (a supporter whose money exactly equals the share pays the share and is not counted).</summary>
    public int? SupportersPayingAll { get; init; }

    /// <summary>Equal Shares: what all its supporters had left together when it dropped out.</summary>
    public decimal? SupportersMoneyLeft { get; init; }

    /// <summary>Phragmén: the load (money each supporter has earned by then) at which it was bought.</summary>
    public decimal? Load { get; init; }
}

/// <summary>One voter's equal share and where it went.</summary>
public sealed record VoterShare(int Voter, decimal Endowment, ImmutableArray<VoterPayment> Payments, decimal Left);

public sealed record VoterPayment(string ProjectId, decimal Amount);
