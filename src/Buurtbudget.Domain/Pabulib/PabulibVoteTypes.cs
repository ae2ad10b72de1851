using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>Translates between the <c>vote_type</c> values of the format and <see cref="VoteType"/>.</summary>
public static class PabulibVoteTypes
{
    /// <summary>The names the format defines, as one readable list for error messages.</summary>
    public const string KnownNames = "approval, choose-1, cumulative, ordinal, scoring";

    public static string NameOf(VoteType voteType) => voteType switch
    {
        VoteType.Approval => "approval",
        VoteType.ChooseOne => "choose-1",
        VoteType.Cumulative => "cumulative",
        VoteType.Ordinal => "ordinal",
        VoteType.Scoring => "scoring",
        _ => throw new ArgumentOutOfRangeException(nameof(voteType), voteType, "Not a vote type."),
    };

    /// <summary>Recognises a <c>vote_type</c> value, ignoring letter case and surrounding spaces.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out VoteType voteType)
    {
        var trimmed = name.Trim();
        foreach (var candidate in Enum.GetValues<VoteType>())
        {
            if (trimmed.Equals(NameOf(candidate), StringComparison.OrdinalIgnoreCase))
            {
                voteType = candidate;
                return true;
            }
        }

        voteType = default;
        return false;
    }

    /// <summary>True when ballots of this type must carry points.</summary>
    public static bool NeedsPoints(VoteType voteType) => voteType is VoteType.Cumulative or VoteType.Scoring;
}
