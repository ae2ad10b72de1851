using System.Collections.Immutable;

namespace Buurtbudget.Grains.VotingCodes;

/// <summary>What happens to a neighbourhood's voting codes, on the stream <c>codes/{neighbourhood}</c>.</summary>
public abstract record VotingCodeEvent;

public sealed record VotingCodesIssued(string CycleId, ImmutableArray<string> Digests) : VotingCodeEvent;

public sealed record VotingCodeRevoked(string Digest) : VotingCodeEvent;
