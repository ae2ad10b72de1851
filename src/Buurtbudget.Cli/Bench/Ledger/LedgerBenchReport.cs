namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>Everything <c>bench-ledger</c> measured, with the ratios of group commit to its same-run baselines.</summary>
internal sealed record LedgerBenchReport(string CommandLine, DateTimeOffset Date, MachineFacts Machine, IReadOnlyList<LedgerBenchResult> Results)
{
    public IReadOnlyList<(string Label, double Ratio)> Ratios
    {
        get
        {
            var ratios = new List<(string, double)>();
            foreach (var store in new[] { "SQLite", "PostgreSQL" })
            {
                var grouped = Results.FirstOrDefault(r => r.Store == store && r.Commits is not null);
                var naive = Results.FirstOrDefault(r => r.Store == store && r.Name.StartsWith("one INSERT", StringComparison.Ordinal));
                if (grouped is not null && naive is { PerSecond: > 0 })
                {
                    ratios.Add(($"{store}: ledger appends/s ÷ one INSERT + COMMIT per entry", grouped.PerSecond / naive.PerSecond));
                }
            }

            var pgGrouped = Results.FirstOrDefault(r => r.Store == "PostgreSQL" && r.Commits is not null);
            var pgbench = Results.FirstOrDefault(r => r.Name.StartsWith("pgbench", StringComparison.Ordinal));
            if (pgGrouped is not null && pgbench is { PerSecond: > 0 })
            {
                ratios.Add(("PostgreSQL: ledger appends/s ÷ pgbench one-row INSERT transactions/s", pgGrouped.PerSecond / pgbench.PerSecond));
            }

            return ratios;
        }
    }
}
