namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>One measured case of <c>bench-ledger</c>: durable operations completed in a bounded closed loop.</summary>
/// <param name="Commits">Transactions the ledger committed (group commit only), to show entries per commit.</param>
/// <param name="P50Ms">Null when the tool measured only an average (pgbench), then in <paramref name="AverageMs"/>.</param>
internal sealed record LedgerBenchResult(
    string Name,
    string Store,
    int Writers,
    long Operations,
    double Seconds,
    double? P50Ms,
    double? P99Ms,
    double? AverageMs,
    long? Commits)
{
    public double PerSecond => Seconds > 0 ? Operations / Seconds : 0;

    public double? EntriesPerCommit => Commits is > 0 ? (double)Operations / Commits : null;
}
