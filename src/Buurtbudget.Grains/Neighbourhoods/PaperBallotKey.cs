namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// The idempotency key a counted paper ballot is cast with, derived from the household's secret ballot slot. The
/// ballot box recognises a paper ballot by it (through the request digest it already keeps, so the ledger shows
/// nothing more) and keeps it final: the household handed in its ballot at the table.
/// </summary>
public static class PaperBallotKey
{
    public const string Prefix = "paper:";

    public static string For(string slot) => Prefix + slot;
}
