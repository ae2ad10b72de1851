using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.VotingCodes;

/// <summary>Live codes (digest → cycle) and revoked ones.</summary>
internal sealed class VotingCodesState : IJournaledState<VotingCodeEvent>
{
    public Dictionary<string, string> CycleByDigest { get; init; } = new(StringComparer.Ordinal);

    public HashSet<string> Revoked { get; init; } = new(StringComparer.Ordinal);

    public void Apply(VotingCodeEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case VotingCodesIssued issued:
                foreach (var digest in issued.Digests)
                {
                    CycleByDigest[digest] = issued.CycleId;
                }
                break;
            case VotingCodeRevoked revoked:
                Revoked.Add(revoked.Digest);
                break;
            default:
                throw new InvalidOperationException($"Unknown voting-code event {change.GetType().Name}.");
        }
    }
}

internal sealed record VotingCodesSnapshot(ImmutableArray<KeyValuePair<string, string>> Codes, ImmutableArray<string> Revoked);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VotingCodesIssued))]
[JsonSerializable(typeof(VotingCodeRevoked))]
[JsonSerializable(typeof(VotingCodesSnapshot))]
internal sealed partial class VotingCodesJsonContext : JsonSerializerContext;

internal sealed class VotingCodesJson : IJournalCodec<VotingCodesState, VotingCodeEvent>
{
    public static VotingCodesJson Instance { get; } = new();

    private static readonly JsonEventKinds<VotingCodeEvent> Kinds = new JsonEventKinds<VotingCodeEvent>()
        .Add(VotingCodesJsonContext.Default.VotingCodesIssued)
        .Add(VotingCodesJsonContext.Default.VotingCodeRevoked);

    public NewEntry Encode(VotingCodeEvent change) => Kinds.Encode(change);

    public VotingCodeEvent Decode(LedgerEntry entry) => Kinds.Decode(entry);

    public Func<byte[]> CaptureState(VotingCodesState state)
    {
        var snapshot = new VotingCodesSnapshot([.. state.CycleByDigest], [.. state.Revoked]);
        return () => JsonSerializer.SerializeToUtf8Bytes(snapshot, VotingCodesJsonContext.Default.VotingCodesSnapshot);
    }

    public VotingCodesState DecodeState(ReadOnlySpan<byte> bytes)
    {
        var snapshot = JsonSerializer.Deserialize(bytes, VotingCodesJsonContext.Default.VotingCodesSnapshot)
            ?? throw new InvalidDataException("Empty voting-code snapshot.");
        return new VotingCodesState
        {
            CycleByDigest = new Dictionary<string, string>(snapshot.Codes, StringComparer.Ordinal),
            Revoked = new HashSet<string>(snapshot.Revoked, StringComparer.Ordinal),
        };
    }
}
