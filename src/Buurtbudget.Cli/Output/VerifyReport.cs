using Buurtbudget.Ledger.Verification;

namespace Buurtbudget.Cli.Output;

/// <summary>What <c>buurtbudget verify --json</c> prints: one verdict per stream, the problem's location first.</summary>
internal sealed record VerifyReport(bool Intact, IReadOnlyList<VerifyStream> Streams)
{
    public static VerifyReport From(VerificationReport report) =>
        new(report.IsIntact, report.Streams.Select(VerifyStream.From).ToList());
}

internal sealed record VerifyStream(
    string Stream,
    bool Intact,
    long Entries,
    long? Version,
    string? Head,
    long? ExpectedHeadVersion,
    VerifyProblem? Problem)
{
    public static VerifyStream From(StreamVerdict verdict) => new(
        verdict.StreamId,
        verdict.IsIntact,
        verdict.Entries,
        verdict.Head?.Version,
        verdict.Head?.Hash.ToString(),
        verdict.ExpectedHeadVersion,
        verdict.Problem is { } p ? new VerifyProblem(p.Version, p.Kind, p.Message) : null);
}

internal sealed record VerifyProblem(long Version, LedgerProblemKind Kind, string Message);
