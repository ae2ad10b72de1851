namespace Buurtbudget.Ledger.Verification;

/// <summary>The first thing wrong with a stream, and where: <see cref="Version"/> is the position a reader should look at.</summary>
public sealed record LedgerProblem(string StreamId, long Version, LedgerProblemKind Kind, string Message);
