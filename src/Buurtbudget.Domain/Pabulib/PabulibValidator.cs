using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>The rules a complete file must satisfy, beyond its syntax. Returns the first broken rule,
/// roughly in file order, or null.</summary>
internal static class PabulibValidator
{
    public static PabulibProblem? FindProblem(
        ImmutableArray<PabulibMetaEntry> meta,
        ImmutableArray<string> projectColumns,
        ImmutableArray<PabulibProject> projects,
        ImmutableArray<string> voteColumns,
        ImmutableArray<PabulibVote> votes,
        RowDescriber describe)
    {
        var problem = CheckMeta(meta, describe, out var facts);
        if (problem is not null)
        {
            return problem;
        }

        var projectFieldCount = projectColumns.Length - 2;
        var hasPoints = voteColumns.Contains(PabulibNames.Points, StringComparer.Ordinal);
        var voteFieldCount = voteColumns.Length - (hasPoints ? 3 : 2);
        problem = CheckProjectColumns(projectColumns)
            ?? CheckVoteColumns(voteColumns, facts.VoteType)
            ?? CheckProjects(projects, projectFieldCount, describe, out var indexById)
            ?? CheckVotes(votes, indexById, hasPoints, voteFieldCount, facts.VoteType, describe);
        if (problem is not null)
        {
            return problem;
        }

        if (facts.NumProjects != projects.Length)
        {
            return new PabulibProblem(PabulibSection.Meta, facts.NumProjectsRow, PabulibNames.NumProjects,
                $"num_projects is {facts.NumProjects} but PROJECTS has {projects.Length} rows");
        }

        return facts.NumVotes != votes.Length
            ? new PabulibProblem(PabulibSection.Meta, facts.NumVotesRow, PabulibNames.NumVotes,
                $"num_votes is {facts.NumVotes} but VOTES has {votes.Length} rows")
            : null;
    }

    public static PabulibProblem? CheckMeta(
        ImmutableArray<PabulibMetaEntry> meta, RowDescriber describe, out PabulibMetaFacts facts)
    {
        facts = default;
        return CheckMetaEntries(meta, describe) ?? PabulibMetaFacts.TryRead(meta, out facts);
    }

    public static PabulibProblem? CheckProjectColumns(ImmutableArray<string> columns) =>
        CheckColumns(PabulibSection.Projects, columns, PabulibNames.ProjectId, PabulibNames.Cost);

    public static PabulibProblem? CheckVoteColumns(ImmutableArray<string> columns) =>
        CheckColumns(PabulibSection.Votes, columns, PabulibNames.VoterId, PabulibNames.Vote);

    private static PabulibProblem? CheckVoteColumns(ImmutableArray<string> columns, VoteType voteType)
    {
        var problem = CheckVoteColumns(columns);
        if (problem is null && PabulibVoteTypes.NeedsPoints(voteType)
            && !columns.Contains(PabulibNames.Points, StringComparer.Ordinal))
        {
            problem = new PabulibProblem(PabulibSection.Votes, PabulibProblem.WholeSection, PabulibNames.Points,
                $"vote_type {PabulibVoteTypes.NameOf(voteType)} needs a points column in VOTES");
        }

        return problem;
    }

    private static PabulibProblem? CheckMetaEntries(ImmutableArray<PabulibMetaEntry> meta, RowDescriber describe)
    {
        var rowByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < meta.Length; row++)
        {
            var entry = meta[row];
            var problem = entry is null
                ? "a meta entry is missing"
                : CheckName("meta key", entry.Key) ?? CheckNotNoneText("meta value", entry.Value);
            if (problem is null && !rowByKey.TryAdd(entry!.Key, row))
            {
                problem = $"meta key '{entry.Key}' appears twice (also {describe(PabulibSection.Meta, rowByKey[entry.Key])})";
            }

            if (problem is not null)
            {
                return new PabulibProblem(PabulibSection.Meta, row, entry?.Key, problem);
            }
        }

        return null;
    }

    private static PabulibProblem? CheckColumns(
        PabulibSection section, ImmutableArray<string> columns, string idColumn, string valueColumn)
    {
        var name = section == PabulibSection.Projects ? "PROJECTS" : "VOTES";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var problem = CheckName("column name", column);
            if (problem is null && !seen.Add(column))
            {
                problem = $"column '{column}' appears twice in the {name} header";
            }

            if (problem is not null)
            {
                return new PabulibProblem(section, PabulibProblem.WholeSection, column, problem);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)[idColumn, valueColumn])
        {
            if (!seen.Contains(required))
            {
                return new PabulibProblem(section, PabulibProblem.WholeSection, required,
                    $"the {name} header has no {required} column");
            }
        }

        return null;
    }

    private static PabulibProblem? CheckProjects(
        ImmutableArray<PabulibProject> projects,
        int fieldCount,
        RowDescriber describe,
        out Dictionary<string, int> indexById)
    {
        indexById = new Dictionary<string, int>(projects.Length, StringComparer.Ordinal);
        for (var row = 0; row < projects.Length; row++)
        {
            var project = projects[row];
            var (column, problem) = project is null
                ? (null, "a project is missing")
                : CheckProject(project, fieldCount);
            if (problem is null && !indexById.TryAdd(project!.Id, row))
            {
                (column, problem) = (PabulibNames.ProjectId,
                    $"project id '{project.Id}' appears twice (also {describe(PabulibSection.Projects, indexById[project.Id])})");
            }

            if (problem is not null)
            {
                return new PabulibProblem(PabulibSection.Projects, row, column, problem);
            }
        }

        return null;
    }

    private static (string? Column, string? Problem) CheckProject(PabulibProject project, int fieldCount)
    {
        var idProblem = CheckName("project_id", project.Id);
        if (idProblem is not null)
        {
            return (PabulibNames.ProjectId, idProblem);
        }

        if (project.Id.Contains(',', StringComparison.Ordinal))
        {
            return (PabulibNames.ProjectId,
                $"project id '{project.Id}' contains a comma, which the vote column uses to separate projects");
        }

        if (project.Cost < 0)
        {
            return (PabulibNames.Cost, $"cost '{PabulibNumbers.Format(project.Cost)}' cannot be negative");
        }

        return (null, CheckFields(project.Fields, fieldCount, "project_id and cost"));
    }

    private static PabulibProblem? CheckVotes(
        ImmutableArray<PabulibVote> votes,
        Dictionary<string, int> indexById,
        bool hasPoints,
        int fieldCount,
        VoteType voteType,
        RowDescriber describe)
    {
        var rowByVoter = new Dictionary<string, int>(votes.Length, StringComparer.Ordinal);

        // lastSeenIn[p] is 1 + the last row that named project p, so one array serves every ballot.
        var lastSeenIn = new int[indexById.Count];
        for (var row = 0; row < votes.Length; row++)
        {
            var vote = votes[row];
            var (column, problem) = vote is null
                ? (null, "a vote is missing")
                : CheckVote(vote, row, indexById, lastSeenIn, hasPoints, fieldCount, voteType);
            if (problem is null && !rowByVoter.TryAdd(vote!.VoterId, row))
            {
                (column, problem) = (PabulibNames.VoterId,
                    $"voter id '{vote.VoterId}' appears twice (also {describe(PabulibSection.Votes, rowByVoter[vote.VoterId])})");
            }

            if (problem is not null)
            {
                return new PabulibProblem(PabulibSection.Votes, row, column, problem);
            }
        }

        return null;
    }

    private static (string? Column, string? Problem) CheckVote(
        PabulibVote vote,
        int row,
        Dictionary<string, int> indexById,
        int[] lastSeenIn,
        bool hasPoints,
        int fieldCount,
        VoteType voteType)
    {
        var idProblem = CheckName("voter_id", vote.VoterId);
        if (idProblem is not null)
        {
            return (PabulibNames.VoterId, idProblem);
        }

        if (vote.ProjectIds.IsDefault)
        {
            return (PabulibNames.Vote, "the vote has no list of projects");
        }

        foreach (var projectId in vote.ProjectIds)
        {
            if (projectId is null || !indexById.TryGetValue(projectId, out var index))
            {
                return (PabulibNames.Vote, $"vote names project '{projectId}' which is not in PROJECTS");
            }

            // Real files repeat a project on an approval ballot now and then (Amsterdam 604); that is kept
            // as written and counts once. With points it is ambiguous which points count, so it is an error.
            if (lastSeenIn[index] == row + 1 && vote.Points is not null)
            {
                return (PabulibNames.Vote, $"vote names project '{projectId}' twice, so its points are ambiguous");
            }

            lastSeenIn[index] = row + 1;
        }

        var pointsProblem = CheckPoints(vote, hasPoints, voteType);
        return pointsProblem is not null
            ? (PabulibNames.Points, pointsProblem)
            : (null, CheckFields(vote.Fields, fieldCount, "voter_id, vote and points"));
    }

    private static string? CheckPoints(PabulibVote vote, bool hasPoints, VoteType voteType)
    {
        if (vote.Points is not { } points)
        {
            return hasPoints ? "points are missing although VOTES has a points column" : null;
        }

        if (!hasPoints)
        {
            return "the vote has points but VOTES has no points column";
        }

        if (points.IsDefault || points.Length != vote.ProjectIds.Length)
        {
            return $"points has {(points.IsDefault ? 0 : points.Length)} values but vote has {vote.ProjectIds.Length}";
        }

        if (voteType == VoteType.Cumulative)
        {
            foreach (var p in points)
            {
                if (p < 0)
                {
                    return $"points '{PabulibNumbers.Format(p)}' cannot be negative in a cumulative vote";
                }
            }
        }

        return null;
    }

    private static string? CheckFields(ImmutableArray<string?> fields, int expected, string besides)
    {
        if (fields.IsDefault || fields.Length != expected)
        {
            return $"{(fields.IsDefault ? 0 : fields.Length)} fields besides {besides}, but the header names {expected}";
        }

        foreach (var field in fields)
        {
            var problem = CheckNotNoneText("field", field);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Ids, keys and column names are trimmed when read, so only trimmed, non-empty names survive a round trip.</summary>
    private static string? CheckName(string what, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || PabulibNames.IsNone(name))
        {
            return $"{what} is empty";
        }

        return name.AsSpan().Trim().Length != name.Length
            ? $"{what} '{name}' has spaces around it"
            : null;
    }

    /// <summary>The text "none" means "no value" in the format; it can only be stored as null.</summary>
    private static string? CheckNotNoneText(string what, string? value) =>
        value is not null && PabulibNames.IsNone(value)
            ? $"{what} '{value}' would be read back as no value; use null"
            : null;
}
