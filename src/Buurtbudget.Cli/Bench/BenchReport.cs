using System.Collections.Immutable;

namespace Buurtbudget.Cli.Bench;

/// <summary>Everything one <c>bench</c> run measured, with what is needed to reproduce and judge it.</summary>
internal sealed record BenchReport(
    string CommandLine,
    DateTimeOffset Date,
    MachineFacts Machine,
    int Iterations,
    ImmutableArray<BenchCase> Cases);
