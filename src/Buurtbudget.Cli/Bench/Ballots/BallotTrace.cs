using System.Diagnostics;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// Stopwatch timestamps of one profiled ballot (<c>bench-ballots --profile</c>). It rides along in an
/// <see cref="AsyncLocal{T}"/>: the execution context flows from the caller into the grain's turn, so
/// <see cref="ProbedLedger"/> finds it without any change to the grain.
/// </summary>
internal sealed class BallotTrace(long scheduled)
{
    private static readonly AsyncLocal<BallotTrace?> CurrentTrace = new();

    public static BallotTrace? Current
    {
        get => CurrentTrace.Value;
        set => CurrentTrace.Value = value;
    }

    /// <summary>When the open loop meant to issue the ballot.</summary>
    public long Scheduled { get; } = scheduled;

    /// <summary>When the issuing task got a thread-pool thread.</summary>
    public long Started { get; set; }

    /// <summary>When the grain's turn, its checks done, handed the entry to the ledger.</summary>
    public long Appended { get; set; }

    /// <summary>When a synchronous continuation on the ledger's task ran (the commit is durable).</summary>
    public long Committed { get; set; }

    /// <summary>When the receipt reached the caller.</summary>
    public long Returned { get; set; }

    public static long Now => Stopwatch.GetTimestamp();
}
