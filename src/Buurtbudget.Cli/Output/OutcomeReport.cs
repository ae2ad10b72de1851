using System.Collections.Immutable;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Cli.Output;

/// <summary>
/// What <c>outcome</c> prints, as data: the JSON output is this record serialised, and the text output is
/// written from it too, so both always show the same numbers.
/// </summary>
internal sealed record OutcomeReport
{
    /// <summary>How many voters <c>--explain</c> shows for Equal Shares: enough to see how shares were spent
    /// without printing 100,000 lines.</summary>
    public const int VoterSampleSize = 5;

    public required string File { get; init; }

    public required string Rule { get; init; }

    public required string TieBreak { get; init; }

    public required int VoterCount { get; init; }

    public required int ProjectCount { get; init; }

    /// <summary>Selected project ids sorted as ordinal strings, the form Pabulib's reference outcomes use.</summary>
    public required ImmutableArray<string> Selected { get; init; }

    /// <summary>Selected project ids in the order the rule picked them.</summary>
    public required ImmutableArray<string> SelectedInOrder { get; init; }

    public required int SelectedCount { get; init; }

    public required decimal TotalCost { get; init; }

    public required decimal Budget { get; init; }

    public required decimal BudgetLeft { get; init; }

    /// <summary>Total cost as a percentage of the budget, one decimal; absent when the budget is zero.</summary>
    public decimal? BudgetUsedPercent { get; init; }

    /// <summary>"votes" or "points": what <see cref="ProjectExplanation.Score"/> counts in this file.</summary>
    public required string ScoreName { get; init; }

    public EqualSharesReport? EqualShares { get; init; }

    /// <summary>With <c>--explain</c>: every project's result, in file order.</summary>
    public ImmutableArray<ProjectExplanation>? Projects { get; init; }

    public static OutcomeReport From(string path, PabulibFile file, Outcome outcome, bool explain)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(outcome);
        return new OutcomeReport
        {
            File = path,
            Rule = outcome.Rule.Name,
            TieBreak = outcome.Rule.TieBreak.Name,
            VoterCount = file.Votes.Length,
            ProjectCount = file.Projects.Length,
            Selected = outcome.SelectedSorted,
            SelectedInOrder = outcome.Selected,
            SelectedCount = outcome.Selected.Length,
            TotalCost = outcome.TotalCost,
            Budget = outcome.Budget,
            BudgetLeft = outcome.BudgetLeft,
            BudgetUsedPercent = Numbers.PercentOf(outcome.TotalCost, outcome.Budget),
            ScoreName = file.HasPoints ? "points" : "votes",
            EqualShares = outcome.EqualShares is { } account ? EqualSharesReport.From(file, account, explain) : null,
            Projects = explain ? outcome.Projects : null,
        };
    }
}

/// <summary>Equal Shares' money: each voter's share, how far completion raised it, and (with
/// <c>--explain</c>) where the first voters' shares went.</summary>
internal sealed record EqualSharesReport(
    decimal Endowment,
    string EndowmentExact,
    long Add1Steps,
    int Runs,
    ImmutableArray<VoterReport>? VoterSample)
{
    public static EqualSharesReport From(PabulibFile file, EqualSharesAccount account, bool explain)
    {
        ImmutableArray<VoterReport>? sample = null;
        if (explain)
        {
            var count = Math.Min(OutcomeReport.VoterSampleSize, account.VoterCount);
            sample = [.. Enumerable.Range(0, count).Select(v => VoterReport.From(file.Votes[v].VoterId, account.ShareOf(v)))];
        }

        return new EqualSharesReport(account.Endowment, account.EndowmentExact, account.Add1Steps, account.EqualSharesRuns, sample);
    }
}

/// <summary>One voter's share: the voter id as the file writes it, what they had, paid and kept.</summary>
internal sealed record VoterReport(string VoterId, decimal Endowment, ImmutableArray<VoterPayment> Payments, decimal Left)
{
    public static VoterReport From(string voterId, VoterShare share) =>
        new(voterId, share.Endowment, share.Payments, share.Left);
}
