using Buurtbudget.Ledger.Verification;

namespace Buurtbudget.Cli.Output;

/// <summary>The text form of <c>buurtbudget verify</c>: one line per stream, then one verdict line.</summary>
internal static class VerifyText
{
    public static void Write(VerificationReport report, TextWriter output)
    {
        foreach (var stream in report.Streams)
        {
            if (stream.Problem is { } problem)
            {
                output.WriteLine($"{stream.StreamId}: BROKEN at version {problem.Version}: {Describe(problem.Kind)}: {problem.Message}");
            }
            else
            {
                var head = stream.Head!.Value;
                var published = stream.ExpectedHeadVersion is long at && at != head.Version
                    ? $" (expected head found at version {at})"
                    : stream.ExpectedHeadVersion is not null ? " (matches the expected head)" : "";
                output.WriteLine($"{stream.StreamId}: intact, version {head.Version}, head {head.Hash}{published}");
            }
        }

        var broken = report.Streams.Count(s => !s.IsIntact);
        output.WriteLine(broken == 0
            ? $"ledger: intact ({report.Streams.Count} streams)"
            : $"ledger: BROKEN ({broken} of {report.Streams.Count} streams)");
    }

    private static string Describe(LedgerProblemKind kind) => kind switch
    {
        LedgerProblemKind.MissingVersion => "missing version",
        LedgerProblemKind.OutOfOrder => "out of order",
        LedgerProblemKind.BrokenLink => "broken link",
        LedgerProblemKind.AlteredEntry => "altered entry",
        LedgerProblemKind.HeadMismatch => "head mismatch",
        LedgerProblemKind.HeadWithoutEntries => "head without entries",
        LedgerProblemKind.EntriesWithoutHead => "entries without head",
        LedgerProblemKind.UnexpectedHead => "unexpected head",
        LedgerProblemKind.MissingStream => "missing stream",
        _ => kind.ToString(),
    };
}
