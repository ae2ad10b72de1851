using System.Collections.Immutable;

namespace Buurtbudget.Grains.VotingCodes;

/// <summary>What happens to a neighbourhood's voting codes, on the stream <c>codes/{neighbourhood}</c>.</summary>
public abstract record VotingCodeEvent;

/// <param name="Households">For each code, the digest of its household (same order); empty in entries written
/// before households were recorded. A household that already had a code in the cycle gets the new one instead:
/// its old code stops working.</param>
public sealed record VotingCodesIssued(string CycleId, ImmutableArray<string> Digests, ImmutableArray<string> Households = default) : VotingCodeEvent;

public sealed record VotingCodeRevoked(string Digest) : VotingCodeEvent;
