namespace Buurtbudget.Domain.Access;

/// <summary>What a member of staff does. Each staff endpoint names exactly one; <see cref="AccessPolicy"/> decides who has it.</summary>
public enum StaffAction
{
    /// <summary>See a corporation's or neighbourhood's staff pages: cycles in every phase, code counts, audit data.</summary>
    ReadAdministration,

    /// <summary>Add neighbourhoods and grant or revoke staff roles.</summary>
    ManageCorporation,

    /// <summary>Create budget cycles, open and close voting, publish results.</summary>
    ManageCycles,

    /// <summary>Import address lists, generate and revoke voting codes.</summary>
    ManageVotingCodes,

    /// <summary>Judge proposals feasible or not.</summary>
    ReviewFeasibility,

    /// <summary>Open and close deliberation rounds, hide and restore comments, merge proposals.</summary>
    Moderate,

    /// <summary>Enter (or confirm by double entry) a household's paper ballot.</summary>
    EnterPaperBallots,
}
