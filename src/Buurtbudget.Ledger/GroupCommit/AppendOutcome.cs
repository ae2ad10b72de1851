namespace Buurtbudget.Ledger.GroupCommit;

/// <summary>What a store decided for one append of a batch that committed.</summary>
public enum AppendOutcome
{
    /// <summary>The head matched; the entries are part of the committed transaction.</summary>
    Committed,

    /// <summary>The head did not match; the append wrote nothing.</summary>
    Conflict,
}
