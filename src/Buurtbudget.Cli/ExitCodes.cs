namespace Buurtbudget.Cli;

/// <summary>What the process returns, so scripts can tell a bad command line from a bad file.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line was fine, but a file (or the ledger's store) could not be read or the rule cannot handle it.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong; the usage is printed with the message.</summary>
    public const int Usage = 2;

    /// <summary><c>verify</c> read the ledger and found it broken (tampered with, or not matching a published head).</summary>
    public const int LedgerBroken = 3;
}
