namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>Per-ballot latency under one load: the closed loop's peak, or a fixed offered rate (open loop).</summary>
/// <param name="OfferedPerSecond">Null for the closed loop (its clients go as fast as receipts come back).</param>
internal sealed record BallotLatencyResult(
    string Store,
    int Neighbourhoods,
    string Load,
    double? OfferedPerSecond,
    long Ballots,
    double Seconds,
    double P50Ms,
    double P99Ms)
{
    /// <summary>The goal for per-ballot latency at half of peak.</summary>
    public const double TargetP99Ms = 10;

    public double PerSecond => Seconds > 0 ? Ballots / Seconds : 0;
}

/// <summary>Fresh activations of one neighbourhood stream, with its newest snapshot or replaying every entry.</summary>
/// <param name="SnapshotVersion">The version the snapshot was taken at; null when replaying from the start.</param>
/// <param name="SnapshotBytes">The size of the snapshot's encoded state: what an activation decodes instead of replaying.</param>
internal sealed record ActivationResult(
    string Store,
    long Ballots,
    bool WithSnapshot,
    int SnapshotEvery,
    long? SnapshotVersion,
    long? SnapshotBytes,
    long HeadVersion,
    int Runs,
    double MedianMs,
    double MinMs,
    double MaxMs)
{
    /// <summary>Entries the activation checks and applies one by one (after the snapshot, or all of them).</summary>
    public long EntriesReplayed => HeadVersion - (SnapshotVersion ?? 0);
}
