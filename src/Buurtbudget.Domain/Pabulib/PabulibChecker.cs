using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>
/// The rules a file must satisfy beyond its syntax, checked part by part in file order: META, the PROJECTS
/// header, each project, the VOTES header, each vote, and finally the counts. The reader feeds it every row
/// as it reads it, so a large file is checked in the same single pass (and an error names the row at once);
/// <see cref="FindProblem"/> feeds it the parts of a file built in code.
/// </summary>
internal sealed class PabulibChecker(RowDescriber describe)
{
    private readonly Dictionary<string, int> _projectIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _voterRow = new(StringComparer.Ordinal);
    private PabulibMetaFacts _facts;
    private int _projectFieldCount;
    private int _voteFieldCount;
    private bool _hasPoints;

    // _lastSeenIn[p] is 1 + the last vote row that named project p, so one array serves every ballot.
    private int[] _lastSeenIn = [];
    private int _voteCount;

    public static PabulibProblem? FindProblem(
        ImmutableArray<PabulibMetaEntry> meta,
        ImmutableArray<string> projectColumns,
        ImmutableArray<PabulibProject> projects,
        ImmutableArray<string> voteColumns,
        ImmutableArray<PabulibVote> votes,
        RowDescriber describe)
    {
        var checker = new PabulibChecker(describe);
        var problem = checker.CheckMeta(meta) ?? checker.CheckProjectColumns(projectColumns);
        for (var i = 0; problem is null && i < projects.Length; i++)
        {
            problem = checker.AddProject(projects[i]);
        }

        problem ??= checker.CheckVoteColumns(voteColumns);
        for (var i = 0; problem is null && i < votes.Length; i++)
        {
            problem = checker.AddVote(votes[i]);
        }

        return problem ?? checker.Finish();
    }

    /// <summary>The id string of a project added so far, so votes can share it instead of copying it.</summary>
    public bool TryGetProjectId(ReadOnlySpan<char> id, out string projectId) =>
        _projectIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out projectId!, out _);

    public PabulibProblem? CheckMeta(ImmutableArray<PabulibMetaEntry> meta)
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

        return PabulibMetaFacts.TryRead(meta, out _facts);
    }

    public PabulibProblem? CheckProjectColumns(ImmutableArray<string> columns)
    {
        _projectFieldCount = columns.Length - 2;
        return CheckColumns(PabulibSection.Projects, columns, PabulibNames.ProjectId, PabulibNames.Cost);
    }

    public PabulibProblem? AddProject(PabulibProject? project)
    {
        var row = _projectIndex.Count;
        var (column, problem) = project is null
            ? (null, "a project is missing")
            : CheckProject(project);
        if (problem is null && !_projectIndex.TryAdd(project!.Id, row))
        {
            (column, problem) = (PabulibNames.ProjectId,
                $"project id '{project.Id}' appears twice (also {describe(PabulibSection.Projects, _projectIndex[project.Id])})");
        }

        return problem is null ? null : new PabulibProblem(PabulibSection.Projects, row, column, problem);
    }

    public PabulibProblem? CheckVoteColumns(ImmutableArray<string> columns)
    {
        _hasPoints = columns.Contains(PabulibNames.Points, StringComparer.Ordinal);
        _voteFieldCount = columns.Length - (_hasPoints ? 3 : 2);
        _lastSeenIn = new int[_projectIndex.Count];
        var problem = CheckColumns(PabulibSection.Votes, columns, PabulibNames.VoterId, PabulibNames.Vote);
        if (problem is null && PabulibVoteTypes.NeedsPoints(_facts.VoteType) && !_hasPoints)
        {
            problem = new PabulibProblem(PabulibSection.Votes, PabulibProblem.WholeSection, PabulibNames.Points,
                $"vote_type {PabulibVoteTypes.NameOf(_facts.VoteType)} needs a points column in VOTES");
        }

        return problem;
    }

    public PabulibProblem? AddVote(PabulibVote? vote)
    {
        var row = _voteCount++;
        var (column, problem) = vote is null
            ? (null, "a vote is missing")
            : CheckVote(vote, row);
        if (problem is null && !_voterRow.TryAdd(vote!.VoterId, row))
        {
            (column, problem) = (PabulibNames.VoterId,
                $"voter id '{vote.VoterId}' appears twice (also {describe(PabulibSection.Votes, _voterRow[vote.VoterId])})");
        }

        return problem is null ? null : new PabulibProblem(PabulibSection.Votes, row, column, problem);
    }

    /// <summary>The META counts against the rows, once all rows are in.</summary>
    public PabulibProblem? Finish()
    {
        if (_facts.NumProjects != _projectIndex.Count)
        {
            return new PabulibProblem(PabulibSection.Meta, _facts.NumProjectsRow, PabulibNames.NumProjects,
                $"num_projects is {_facts.NumProjects} but PROJECTS has {_projectIndex.Count} rows");
        }

        return _facts.NumVotes != _voteCount
            ? new PabulibProblem(PabulibSection.Meta, _facts.NumVotesRow, PabulibNames.NumVotes,
                $"num_votes is {_facts.NumVotes} but VOTES has {_voteCount} rows")
            : null;
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

    private (string? Column, string? Problem) CheckProject(PabulibProject project)
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

        return (null, CheckFields(project.Fields, _projectFieldCount, "project_id and cost"));
    }

    private (string? Column, string? Problem) CheckVote(PabulibVote vote, int row)
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
            if (projectId is null || !_projectIndex.TryGetValue(projectId, out var index))
            {
                return (PabulibNames.Vote, $"vote names project '{projectId}' which is not in PROJECTS");
            }

            // Real files repeat a project on an approval ballot now and then (Amsterdam 604); that is kept
            // as written and counts once. With points it is ambiguous which points count, so it is an error.
            if (_lastSeenIn[index] == row + 1 && vote.Points is not null)
            {
                return (PabulibNames.Vote, $"vote names project '{projectId}' twice, so its points are ambiguous");
            }

            _lastSeenIn[index] = row + 1;
        }

        var pointsProblem = CheckPoints(vote);
        return pointsProblem is not null
            ? (PabulibNames.Points, pointsProblem)
            : (null, CheckFields(vote.Fields, _voteFieldCount, "voter_id, vote and points"));
    }

    private string? CheckPoints(PabulibVote vote)
    {
        if (vote.Points is not { } points)
        {
            return _hasPoints ? "points are missing although VOTES has a points column" : null;
        }

        if (!_hasPoints)
        {
            return "the vote has points but VOTES has no points column";
        }

        if (points.IsDefault || points.Length != vote.ProjectIds.Length)
        {
            return $"points has {(points.IsDefault ? 0 : points.Length)} values but vote has {vote.ProjectIds.Length}";
        }

        if (_facts.VoteType == VoteType.Cumulative)
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

        return char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])
            ? $"{what} '{name}' has spaces around it"
            : null;
    }

    /// <summary>The text "none" means "no value" in the format; it can only be stored as null.</summary>
    private static string? CheckNotNoneText(string what, string? value) =>
        value is not null && PabulibNames.IsNone(value)
            ? $"{what} '{value}' would be read back as no value; use null"
            : null;
}
