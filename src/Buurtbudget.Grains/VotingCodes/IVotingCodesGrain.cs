using System.Collections.Immutable;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.VotingCodes;

/// <summary>
/// A neighbourhood's voting codes, keyed by neighbourhood id. Codes are returned in plain text exactly once,
/// when issued (for the mail merge); the grain keeps only their digests. Issuing also enrolls the codes in
/// the cycle's census.
/// </summary>
public interface IVotingCodesGrain : IGrainWithStringKey
{
    Task<IssuedCodes> IssueAsync(IssueCodes command);

    /// <summary>Which cycle a typed code opens, or null for a wrong, unknown or revoked code.</summary>
    Task<CodeSignIn?> SignInAsync(string typedCode);

    /// <summary>Whether a voter key from an earlier sign-in still belongs to a live code: a session outlives a
    /// revocation otherwise.</summary>
    Task<bool> IsLiveAsync(string voterKey);

    /// <summary>Revokes a code (a letter went astray); true if it was live.</summary>
    Task<bool> RevokeAsync(string typedCode);
}

/// <param name="Households">One line per household (for example the address); each gets one code. The
/// households are not stored: only the export pairs them with codes.</param>
public sealed record IssueCodes(string CycleId, ImmutableArray<string> Households);

public sealed record IssuedCode(string Household, string Code);

public sealed record IssuedCodes(string CycleId, ImmutableArray<IssuedCode> Codes);

/// <summary>A code that signs its holder in for one cycle of one neighbourhood.</summary>
public sealed record CodeSignIn(string NeighbourhoodId, string CycleId, string VoterKey);
