using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>Turns a Pabulib file into the <see cref="Election"/> the outcome rules work on, and back.</summary>
public static class PabulibConversion
{
    /// <summary>
    /// The election the file describes: the META budget and vote type, the projects in file order, and one
    /// ballot per vote in file order with the projects in the order written. Points are carried for
    /// cumulative and scoring ballots only; the other vote types have no use for them. A project repeated
    /// on a ballot counts once (files only allow that on ballots without points).
    /// </summary>
    public static Election ToElection(this PabulibFile file)
    {
        ArgumentNullException.ThrowIfNull(file);

        var indexById = new Dictionary<string, int>(file.Projects.Length, StringComparer.Ordinal);
        foreach (var project in file.Projects)
        {
            indexById.Add(project.Id, indexById.Count);
        }

        var builder = Election.Create(file.Budget, file.Projects.Select(p => new Project(p.Id, p.Cost)), file.VoteType);
        var withPoints = PabulibVoteTypes.NeedsPoints(file.VoteType);
        var indices = new int[file.Projects.Length];
        var lastSeenIn = new int[file.Projects.Length];
        var voter = 0;
        foreach (var vote in file.Votes)
        {
            // A project repeated on a ballot without points counts once, at its first (highest ranked) place.
            voter++;
            var length = 0;
            foreach (var id in vote.ProjectIds)
            {
                var index = indexById[id];
                if (lastSeenIn[index] != voter)
                {
                    lastSeenIn[index] = voter;
                    indices[length++] = index;
                }
            }

            var ballot = indices.AsSpan(0, length);

            if (withPoints)
            {
                builder.AddBallot(ballot, vote.Points!.Value.AsSpan());
            }
            else
            {
                builder.AddBallot(ballot);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A Pabulib file holding exactly <paramref name="election"/> and nothing about the voters: ids 1..n in
    /// ballot order, columns <c>project_id;cost</c> and <c>voter_id;vote</c> (plus <c>points</c> when the
    /// ballots have points), and META with the mandatory entries followed by <paramref name="extraMeta"/>
    /// (for example <c>description</c>, <c>currency</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="extraMeta"/> repeats a key, or sets one of the
    /// entries that are derived from the election.</exception>
    public static PabulibFile ToPabulibFile(this Election election, IEnumerable<PabulibMetaEntry>? extraMeta = null)
    {
        ArgumentNullException.ThrowIfNull(election);

        var meta = new List<PabulibMetaEntry>
        {
            new(PabulibNames.NumProjects, PabulibNumbers.Format(election.Projects.Length)),
            new(PabulibNames.NumVotes, PabulibNumbers.Format(election.VoterCount)),
            new(PabulibNames.Budget, PabulibNumbers.Format(election.Budget)),
            new(PabulibNames.VoteType, PabulibVoteTypes.NameOf(election.VoteType)),
        };
        foreach (var entry in extraMeta ?? [])
        {
            if (meta.Take(4).Any(m => string.Equals(m.Key, entry.Key, StringComparison.Ordinal)))
            {
                throw new ArgumentException(
                    $"Meta entry '{entry.Key}' follows from the election and cannot be given.", nameof(extraMeta));
            }

            meta.Add(entry);
        }

        var projects = election.Projects.Select(p => new PabulibProject(p.Id, p.Cost, []));
        var votes = new PabulibVote[election.VoterCount];
        for (var voter = 0; voter < votes.Length; voter++)
        {
            var ballot = election.BallotOf(voter);
            var ids = new string[ballot.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = election.Projects[ballot[i]].Id;
            }

            ImmutableArray<decimal>? points = election.HasPoints ? [.. election.PointsOf(voter)] : null;
            votes[voter] = new PabulibVote(PabulibNumbers.Format(voter + 1), [.. ids], points, []);
        }

        string[] voteColumns = election.HasPoints
            ? [PabulibNames.VoterId, PabulibNames.Vote, PabulibNames.Points]
            : [PabulibNames.VoterId, PabulibNames.Vote];
        return PabulibFile.Create(meta, [PabulibNames.ProjectId, PabulibNames.Cost], projects, voteColumns, votes);
    }
}
