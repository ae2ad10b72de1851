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

    /// <summary>Whether the code a session signed in with (<see cref="CodeSignIn.Credential"/>) is still live: a
    /// session outlives a revocation or a replacement letter otherwise.</summary>
    Task<bool> IsLiveAsync(string credential);

    /// <summary>Revokes a code (a letter went astray); true if it was live.</summary>
    Task<bool> RevokeAsync(string typedCode);

    /// <summary>How many codes a cycle has, for staff and auditors to compare with the number of households.</summary>
    Task<CodeCounts> CountAsync(string cycleId);

    /// <summary>The voter key of a household named as on its letter (case and spacing ignored), or null when that
    /// household has no code for the cycle: how a resident names the neighbours who write a proposal with them.</summary>
    Task<string?> VoterKeyOfHouseholdAsync(string cycleId, string household);
}

/// <param name="Issued">Every code ever issued for the cycle, replacements included.</param>
/// <param name="Households">Households with a code (codes issued before households were recorded count one each).</param>
/// <param name="Live">Codes that still sign in.</param>
public sealed record CodeCounts(string CycleId, int Issued, int Households, int Live);

/// <param name="Households">One line per household (for example the address); each gets one code. Households
/// are stored only as keyed digests, so a household that already has a code gets a replacement, not a second vote;
/// only the export pairs the lines with codes.</param>
public sealed record IssueCodes(string CycleId, ImmutableArray<string> Households);

public sealed record IssuedCode(string Household, string Code);

public sealed record IssuedCodes(string CycleId, ImmutableArray<IssuedCode> Codes)
{
    /// <summary>How many of the households already had a code in this cycle; their old codes no longer work.</summary>
    public int Replaced { get; init; }
}

/// <summary>A code that signs its holder in for one cycle of one neighbourhood, as its household
/// (<paramref name="VoterKey"/>). <paramref name="Credential"/> names the code itself, so a session ends when
/// that code is revoked or replaced.</summary>
public sealed record CodeSignIn(string NeighbourhoodId, string CycleId, string VoterKey, string Credential);
