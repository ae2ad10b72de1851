using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.VotingCodes;

/// <summary>Codes (digest → cycle and household), the current code of each household, and revoked codes.</summary>
internal sealed class VotingCodesState : IJournaledState<VotingCodeEvent>
{
    public Dictionary<string, string> CycleByDigest { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> HouseholdByDigest { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<(string Cycle, string Household), string> CurrentCode { get; init; } = [];

    public HashSet<string> Revoked { get; init; } = new(StringComparer.Ordinal);

    public string VoterKeyOf(string digest) => HouseholdByDigest.TryGetValue(digest, out var household)
        ? VotingCodeHasher.VoterKey(household)
        : VotingCodeHasher.LegacyVoterKey(digest);

    public bool IsLive(string digest) => CycleByDigest.ContainsKey(digest) && !Revoked.Contains(digest);

    public void Apply(VotingCodeEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case VotingCodesIssued issued:
                for (int i = 0; i < issued.Digests.Length; i++)
                {
                    string digest = issued.Digests[i];
                    CycleByDigest[digest] = issued.CycleId;
                    if (!issued.Households.IsDefaultOrEmpty)
                    {
                        string household = issued.Households[i];
                        HouseholdByDigest[digest] = household;
                        if (CurrentCode.TryGetValue((issued.CycleId, household), out var replaced))
                        {
                            Revoked.Add(replaced);
                        }
                        CurrentCode[(issued.CycleId, household)] = digest;
                    }
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

internal sealed record VotingCodesSnapshot(
    ImmutableArray<KeyValuePair<string, string>> Codes, ImmutableArray<string> Revoked,
    ImmutableArray<KeyValuePair<string, string>> Households = default, ImmutableArray<string> Current = default);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VotingCodesIssued))]
[JsonSerializable(typeof(VotingCodeRevoked))]
[JsonSerializable(typeof(VotingCodesSnapshot))]
internal sealed partial class VotingCodesJsonContext : JsonSerializerContext;

internal static class VotingCodesJson
{
    public static IJournalCodec<VotingCodesState, VotingCodeEvent> Instance { get; } = new JsonJournalCodec<VotingCodesState, VotingCodeEvent, VotingCodesSnapshot>(
        new JsonEventKinds<VotingCodeEvent>()
            .Add(VotingCodesJsonContext.Default.VotingCodesIssued)
            .Add(VotingCodesJsonContext.Default.VotingCodeRevoked),
        VotingCodesJsonContext.Default.VotingCodesSnapshot,
        state => new VotingCodesSnapshot([.. state.CycleByDigest], [.. state.Revoked], [.. state.HouseholdByDigest], [.. state.CurrentCode.Values]),
        Restore);

    // Snapshots from before households and replacement letters existed have neither.
    private static VotingCodesState Restore(VotingCodesSnapshot snapshot)
    {
        var cycles = new Dictionary<string, string>(snapshot.Codes, StringComparer.Ordinal);
        var households = new Dictionary<string, string>(snapshot.Households.IsDefault ? [] : snapshot.Households, StringComparer.Ordinal);
        return new VotingCodesState
        {
            CycleByDigest = cycles,
            HouseholdByDigest = households,
            CurrentCode = (snapshot.Current.IsDefault ? [] : snapshot.Current).ToDictionary(d => (cycles[d], households[d])),
            Revoked = new HashSet<string>(snapshot.Revoked, StringComparer.Ordinal),
        };
    }
}
