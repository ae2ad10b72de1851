namespace Buurtbudget.Server.Benchmark;

/// <summary>
/// Configuration section <c>Buurtbudget:Benchmark</c>. The load benchmarks (<c>tests/Buurtbudget.LoadBench</c>) need a
/// few pieces a production server must not have: a hello-world endpoint as the throughput baseline, a plain hub as the
/// fan-out baseline, a way to issue many voting codes at once and timestamps of the live pushes. They exist only when
/// <see cref="Enabled"/> is true, and even then answer only callers on the loopback interface.
/// </summary>
public sealed class BenchmarkOptions
{
    public bool Enabled { get; set; }
}
