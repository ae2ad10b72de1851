using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>The bounds of one <c>bench-ballots</c> run.</summary>
/// <param name="PerCase">How long each throughput or latency case runs.</param>
/// <param name="Clients">Concurrent clients of the closed loop (each waits for its receipt before the next ballot).</param>
/// <param name="Neighbourhoods">Each entry is one case: the ballots spread over that many neighbourhood grains.</param>
/// <param name="MaxBallots">The census of a case, so also the most ballots one case can cast.</param>
/// <param name="ActivationBallots">Ballots in the neighbourhood whose activation is timed; 0 skips it.</param>
/// <param name="SnapshotEvery">The grains' snapshot interval (the grain's default except in quick runs).</param>
internal sealed record BallotBenchSettings(
    TimeSpan PerCase,
    int Clients,
    IReadOnlyList<int> Neighbourhoods,
    int MaxBallots,
    int ActivationBallots,
    int ActivationRuns,
    int SnapshotEvery)
{
    /// <summary>Which stores to run: "sqlite", "postgres" or both (the default).</summary>
    public IReadOnlyList<string> Stores { get; init; } = ["sqlite", "postgres"];

    /// <summary>Profile the open-loop cases: stages of every ballot, the thread pool, GC and the writer's busy time
    /// (printed with the progress lines; the stamps cost a little time of their own).</summary>
    public bool Profile { get; init; }

    /// <summary>Unmeasured ballots through the grain before each store's first case, so the cases measure the code
    /// a running server runs rather than the JIT compiling it (up to a fifth of the CPU in the first seconds).</summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>Who may vote in the benchmark's cycles: a census every voter is enrolled in first (voting codes), or
    /// any signed-in resident (an identity provider's), whose ballot box has no census to be sized from.</summary>
    public Eligibility Eligibility { get; init; } = Eligibility.Census;
}
