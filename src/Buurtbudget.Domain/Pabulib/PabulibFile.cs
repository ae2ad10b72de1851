using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>
/// A complete, valid Pabulib (.pb) file in memory: every META entry in order, the PROJECTS and VOTES
/// sections with all their columns. Reading a file and writing it back gives an equal instance, so
/// nothing in a real file is lost on the way (only line endings, quoting and number spelling
/// such as <c>1e3</c> are normalised).
/// </summary>
/// <remarks>An instance always satisfies the format's rules: <see cref="Create"/> checks them, and
/// <see cref="PabulibReader"/> checks them with line numbers before it builds one.</remarks>
public sealed class PabulibFile : IEquatable<PabulibFile>
{
    private readonly ImmutableArray<string> _projectFieldNames;
    private readonly ImmutableArray<string> _voteFieldNames;

    private PabulibFile(
        ImmutableArray<PabulibMetaEntry> meta,
        ImmutableArray<string> projectColumns,
        ImmutableArray<PabulibProject> projects,
        ImmutableArray<string> voteColumns,
        ImmutableArray<PabulibVote> votes,
        PabulibMetaFacts facts)
    {
        Meta = meta;
        ProjectColumns = projectColumns;
        Projects = projects;
        VoteColumns = voteColumns;
        Votes = votes;
        Budget = facts.Budget;
        VoteType = facts.VoteType;
        HasPoints = voteColumns.Contains(PabulibNames.Points, StringComparer.Ordinal);
        _projectFieldNames = Without(projectColumns, PabulibNames.ProjectId, PabulibNames.Cost);
        _voteFieldNames = Without(voteColumns, PabulibNames.VoterId, PabulibNames.Vote, PabulibNames.Points);
    }

    /// <summary>The META entries in file order (keys are unique).</summary>
    public ImmutableArray<PabulibMetaEntry> Meta { get; }

    /// <summary>The PROJECTS header in file order, including <c>project_id</c> and <c>cost</c>.</summary>
    public ImmutableArray<string> ProjectColumns { get; }

    public ImmutableArray<PabulibProject> Projects { get; }

    /// <summary>The VOTES header in file order, including <c>voter_id</c>, <c>vote</c> and, if present, <c>points</c>.</summary>
    public ImmutableArray<string> VoteColumns { get; }

    public ImmutableArray<PabulibVote> Votes { get; }

    /// <summary>The names of <see cref="PabulibProject.Fields"/>: the project columns except <c>project_id</c> and <c>cost</c>.</summary>
    public ImmutableArray<string> ProjectFieldNames => _projectFieldNames;

    /// <summary>The names of <see cref="PabulibVote.Fields"/>: the vote columns except <c>voter_id</c>, <c>vote</c> and <c>points</c>.</summary>
    public ImmutableArray<string> VoteFieldNames => _voteFieldNames;

    /// <summary>The meta <c>budget</c>, parsed.</summary>
    public decimal Budget { get; }

    /// <summary>The meta <c>vote_type</c>, parsed.</summary>
    public VoteType VoteType { get; }

    /// <summary>True when VOTES has a <c>points</c> column, so every <see cref="PabulibVote.Points"/> is set.</summary>
    public bool HasPoints { get; }

    /// <summary>Builds a file from its parts and checks every rule of the format.</summary>
    /// <exception cref="ArgumentException">The parts do not form a valid file; the message says which rule and where.</exception>
    public static PabulibFile Create(
        IEnumerable<PabulibMetaEntry> meta,
        IEnumerable<string> projectColumns,
        IEnumerable<PabulibProject> projects,
        IEnumerable<string> voteColumns,
        IEnumerable<PabulibVote> votes)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(projectColumns);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(voteColumns);
        ArgumentNullException.ThrowIfNull(votes);

        var metaArray = meta.ToImmutableArray();
        var projectColumnArray = projectColumns.ToImmutableArray();
        var projectArray = projects.ToImmutableArray();
        var voteColumnArray = voteColumns.ToImmutableArray();
        var voteArray = votes.ToImmutableArray();
        var problem = PabulibChecker.FindProblem(
            metaArray, projectColumnArray, projectArray, voteColumnArray, voteArray, DescribeRow);
        if (problem is not null)
        {
            var where = problem.Row == PabulibProblem.WholeSection
                ? SectionName(problem.Section)
                : DescribeRow(problem.Section, problem.Row);
            throw new ArgumentException($"{where}: {problem.Reason}");
        }

        return CreateValidated(metaArray, projectColumnArray, projectArray, voteColumnArray, voteArray);
    }

    /// <summary>For parts that already passed every <see cref="PabulibChecker"/> check.</summary>
    internal static PabulibFile CreateValidated(
        ImmutableArray<PabulibMetaEntry> meta,
        ImmutableArray<string> projectColumns,
        ImmutableArray<PabulibProject> projects,
        ImmutableArray<string> voteColumns,
        ImmutableArray<PabulibVote> votes)
    {
        PabulibMetaFacts.TryRead(meta, out var facts);
        return new PabulibFile(meta, projectColumns, projects, voteColumns, votes, facts);
    }

    /// <summary>The value of meta entry <paramref name="key"/>; null when the entry is absent or <c>none</c>.</summary>
    public string? MetaValue(string key)
    {
        foreach (var entry in Meta)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The field of <paramref name="project"/> in column <paramref name="column"/> (one of <see cref="ProjectFieldNames"/>).</summary>
    public string? ProjectField(PabulibProject project, string column)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Fields[FieldIndex(_projectFieldNames, column, "PROJECTS")];
    }

    /// <summary>The field of <paramref name="vote"/> in column <paramref name="column"/> (one of <see cref="VoteFieldNames"/>).</summary>
    public string? VoteField(PabulibVote vote, string column)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return vote.Fields[FieldIndex(_voteFieldNames, column, "VOTES")];
    }

    public bool Equals(PabulibFile? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (SequenceEquality.Equal(Meta, other.Meta)
                && SequenceEquality.Equal(ProjectColumns, other.ProjectColumns)
                && SequenceEquality.Equal(VoteColumns, other.VoteColumns)
                && SequenceEquality.Equal(Projects, other.Projects)
                && SequenceEquality.Equal(Votes, other.Votes)));

    public override bool Equals(object? obj) => Equals(obj as PabulibFile);

    public override int GetHashCode() =>
        HashCode.Combine(Meta.Length, Budget, VoteType, Projects.Length, Votes.Length, SequenceEquality.Hash(Votes));

    public override string ToString() =>
        $"Pabulib file: {PabulibVoteTypes.NameOf(VoteType)}, {Projects.Length} projects, {Votes.Length} votes, budget {PabulibNumbers.Format(Budget)}";

    private static int FieldIndex(ImmutableArray<string> names, string column, string section)
    {
        var index = names.IndexOf(column, StringComparer.Ordinal);
        return index >= 0
            ? index
            : throw new ArgumentException($"{section} has no extra column '{column}'.", nameof(column));
    }

    private static ImmutableArray<string> Without(ImmutableArray<string> columns, params ReadOnlySpan<string> special)
    {
        var builder = ImmutableArray.CreateBuilder<string>(columns.Length);
        foreach (var column in columns)
        {
            if (!special.Contains(column))
            {
                builder.Add(column);
            }
        }

        return builder.ToImmutable();
    }

    private static string SectionName(PabulibSection section) => section switch
    {
        PabulibSection.Meta => "META",
        PabulibSection.Projects => "PROJECTS",
        _ => "VOTES",
    };

    private static string DescribeRow(PabulibSection section, int row) => section switch
    {
        PabulibSection.Meta => $"meta entry {row + 1}",
        PabulibSection.Projects => $"project {row + 1}",
        _ => $"vote {row + 1}",
    };
}
