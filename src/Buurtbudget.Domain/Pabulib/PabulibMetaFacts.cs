using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>The mandatory meta entries, parsed. Rows are indices into the META entries, so a count
/// mismatch can be reported on the line that states the count.</summary>
internal readonly record struct PabulibMetaFacts(
    decimal Budget,
    VoteType VoteType,
    int NumProjects,
    int NumProjectsRow,
    int NumVotes,
    int NumVotesRow)
{
    public static PabulibProblem? TryRead(ImmutableArray<PabulibMetaEntry> meta, out PabulibMetaFacts facts)
    {
        facts = default;
        if (FindValue(meta, PabulibNames.Budget, out var budgetRow, out var budgetText) is { } noBudget)
        {
            return noBudget;
        }

        if (FindValue(meta, PabulibNames.VoteType, out var voteTypeRow, out var voteTypeText) is { } noVoteType)
        {
            return noVoteType;
        }

        if (FindValue(meta, PabulibNames.NumProjects, out var numProjectsRow, out var numProjectsText) is { } noNumProjects)
        {
            return noNumProjects;
        }

        if (FindValue(meta, PabulibNames.NumVotes, out var numVotesRow, out var numVotesText) is { } noNumVotes)
        {
            return noNumVotes;
        }

        if (!PabulibNumbers.TryParseDecimal(budgetText, out var budget))
        {
            return At(budgetRow, PabulibNames.Budget, $"budget '{budgetText}' is not a number");
        }

        if (budget < 0)
        {
            return At(budgetRow, PabulibNames.Budget, $"budget '{budgetText}' cannot be negative");
        }

        if (!PabulibVoteTypes.TryParse(voteTypeText, out var voteType))
        {
            return At(voteTypeRow, PabulibNames.VoteType,
                $"vote_type '{voteTypeText}' is not one of {PabulibVoteTypes.KnownNames}");
        }

        if (!PabulibNumbers.TryParseCount(numProjectsText, out var numProjects) || numProjects < 0)
        {
            return At(numProjectsRow, PabulibNames.NumProjects, $"num_projects '{numProjectsText}' is not a whole number");
        }

        if (!PabulibNumbers.TryParseCount(numVotesText, out var numVotes) || numVotes < 0)
        {
            return At(numVotesRow, PabulibNames.NumVotes, $"num_votes '{numVotesText}' is not a whole number");
        }

        facts = new PabulibMetaFacts(budget, voteType, numProjects, numProjectsRow, numVotes, numVotesRow);
        return null;
    }

    private static PabulibProblem? FindValue(
        ImmutableArray<PabulibMetaEntry> meta, string key, out int row, out string value)
    {
        for (row = 0; row < meta.Length; row++)
        {
            if (string.Equals(meta[row].Key, key, StringComparison.Ordinal))
            {
                value = meta[row].Value ?? "";
                return value.AsSpan().IsWhiteSpace()
                    ? At(row, key, $"{key} is empty, but every Pabulib file needs one")
                    : null;
            }
        }

        row = PabulibProblem.WholeSection;
        value = "";
        return At(row, key, $"META has no {key}, but every Pabulib file needs one");
    }

    private static PabulibProblem At(int row, string key, string reason) => new(PabulibSection.Meta, row, key, reason);
}
