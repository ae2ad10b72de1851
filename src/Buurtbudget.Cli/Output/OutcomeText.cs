using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Cli.Output;

/// <summary>The human-readable form of an <see cref="OutcomeReport"/>.</summary>
internal static class OutcomeText
{
    public static void Write(OutcomeReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteLine($"rule:         {report.Rule} (tie-break: {report.TieBreak})");
        writer.WriteLine($"selected:     {(report.Selected.IsEmpty ? "(none)" : string.Join(", ", report.Selected))}");
        writer.WriteLine($"count:        {report.SelectedCount} of {report.ProjectCount} projects");
        writer.WriteLine($"total cost:   {Numbers.Format(report.TotalCost)}");
        writer.WriteLine($"budget:       {Numbers.Format(report.Budget)}");
        writer.WriteLine($"budget used:  {(report.BudgetUsedPercent is { } used ? Numbers.Percent(used) + " %" : "n/a (budget is 0)")}");
        if (report.EqualShares is { } shares)
        {
            writer.WriteLine($"endowment:    {Numbers.Format(shares.Endowment)} per voter (exactly {shares.EndowmentExact})");
            writer.WriteLine($"add1 steps:   {Numbers.Format(shares.Add1Steps)} ({shares.Runs} Equal Shares runs)");
        }

        if (report.Projects is { } projects)
        {
            writer.WriteLine();
            WriteProjects(report, projects, writer);
        }

        if (report.EqualShares?.VoterSample is { } sample)
        {
            writer.WriteLine();
            WriteVoters(report, sample, writer);
        }
    }

    private static void WriteProjects(OutcomeReport report, IEnumerable<ProjectExplanation> projects, TextWriter writer)
    {
        var table = new TextTable(
            ("project", false), ("cost", true), (report.ScoreName, true), ("supporters", true),
            ("verdict", false), ("round", true), ("details", false));
        foreach (var p in projects)
        {
            table.AddRow(
                p.ProjectId,
                Numbers.Format(p.Cost),
                Numbers.Format(p.Score),
                Numbers.Format(p.Supporters),
                VerdictText(p.Verdict),
                p.Round is { } round ? Numbers.Format(round) : "",
                Details(p));
        }

        table.Write(writer);
    }

    private static void WriteVoters(OutcomeReport report, IEnumerable<VoterReport> voters, TextWriter writer)
    {
        writer.WriteLine($"first {OutcomeReport.VoterSampleSize} of {report.VoterCount} voters:");
        var table = new TextTable(("voter", false), ("endowment", true), ("payments", false), ("left", true));
        foreach (var v in voters)
        {
            var payments = v.Payments.IsEmpty
                ? "(none)"
                : string.Join(", ", v.Payments.Select(p => $"{p.ProjectId}: {Numbers.Format(p.Amount)}"));
            table.AddRow(v.VoterId, Numbers.Format(v.Endowment), payments, Numbers.Format(v.Left));
        }

        table.Write(writer);
    }

    private static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Funded => "funded",
        Verdict.FundedByCompletion => "funded by completion",
        Verdict.NoSupport => "no support",
        Verdict.SupportersCouldNotAfford => "supporters could not afford",
        Verdict.DidNotFit => "did not fit",
        Verdict.RuleStopped => "rule stopped",
        _ => verdict.ToString(),
    };

    /// <summary>The numbers that decided this project, named, so the table reads without a manual.</summary>
    private static string Details(ProjectExplanation p)
    {
        var parts = new List<string>();
        if (p.Round == 0 && p.Verdict == Verdict.Funded && p.Cost == 0)
        {
            parts.Add("free: funded before the first round");
        }

        if (p.PricePerUtility is { } price)
        {
            parts.Add($"price per utility {Numbers.Format(price)}");
        }

        if (p.MaxPaymentPerSupporter is { } maxPayment && p.Cost > 0)
        {
            parts.Add($"max payment {Numbers.Format(maxPayment)}");
        }

        if (p.SupportersPayingAll is { } payingAll and > 0)
        {
            parts.Add($"{payingAll} paid all they had");
        }

        if (p.SupportersMoneyLeft is { } moneyLeft)
        {
            parts.Add($"supporters had {Numbers.Format(moneyLeft)} left");
        }

        if (p.Load is { } load)
        {
            parts.Add($"load {Numbers.Format(load)}");
        }

        if (p.BudgetLeftBefore is { } leftBefore)
        {
            parts.Add($"budget left before {Numbers.Format(leftBefore)}");
        }

        return string.Join("; ", parts);
    }
}
