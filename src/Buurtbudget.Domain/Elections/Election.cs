using System.Collections.Immutable;

namespace Buurtbudget.Domain.Elections;

/// <summary>
/// Everything an outcome rule needs: the budget, the projects and every voter's ballot.
/// Ballots are stored column-wise (one flat array of project indices plus offsets) because
/// real elections have up to ~130,000 voters and the rules walk them many times.
/// </summary>
public sealed class Election
{
    private readonly int[] _offsets;
    private readonly int[] _projectIndices;
    private readonly decimal[]? _points;

    private Election(decimal budget, ImmutableArray<Project> projects, VoteType voteType,
        int[] offsets, int[] projectIndices, decimal[]? points)
    {
        Budget = budget;
        Projects = projects;
        VoteType = voteType;
        _offsets = offsets;
        _projectIndices = projectIndices;
        _points = points;
    }

    public decimal Budget { get; }

    public ImmutableArray<Project> Projects { get; }

    public VoteType VoteType { get; }

    public int VoterCount => _offsets.Length - 1;

    /// <summary>True when ballots carry points (cumulative, scoring); otherwise every listed project counts once.</summary>
    public bool HasPoints => _points is not null;

    /// <summary>The projects on voter <paramref name="voter"/>'s ballot, as indices into <see cref="Projects"/>,
    /// in the order the voter gave them (the rank order for ordinal ballots).</summary>
    public ReadOnlySpan<int> BallotOf(int voter) =>
        _projectIndices.AsSpan(_offsets[voter], _offsets[voter + 1] - _offsets[voter]);

    /// <summary>The points voter <paramref name="voter"/> gave, aligned with <see cref="BallotOf"/>;
    /// empty when the vote type has no points.</summary>
    public ReadOnlySpan<decimal> PointsOf(int voter) => _points is null
        ? ReadOnlySpan<decimal>.Empty
        : _points.AsSpan(_offsets[voter], _offsets[voter + 1] - _offsets[voter]);

    public int IndexOf(string projectId)
    {
        for (var i = 0; i < Projects.Length; i++)
        {
            if (string.Equals(Projects[i].Id, projectId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Starts an election; add ballots with <see cref="Builder.AddBallot(ReadOnlySpan{int})"/>.</summary>
    public static Builder Create(decimal budget, IEnumerable<Project> projects, VoteType voteType) =>
        new(budget, projects.ToImmutableArray(), voteType);

    /// <summary>Collects ballots and checks each one as it comes, so an <see cref="Election"/> is always consistent.</summary>
    public sealed class Builder
    {
        private readonly decimal _budget;
        private readonly ImmutableArray<Project> _projects;
        private readonly VoteType _voteType;
        private readonly List<int> _offsets = [0];
        private readonly List<int> _indices = [];
        private readonly List<decimal>? _points;
        private readonly bool[] _seen;

        internal Builder(decimal budget, ImmutableArray<Project> projects, VoteType voteType)
        {
            if (budget < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(budget), budget, "The budget cannot be negative.");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var project in projects)
            {
                if (!ids.Add(project.Id))
                {
                    throw new ArgumentException($"Project id '{project.Id}' appears twice.", nameof(projects));
                }
            }

            _budget = budget;
            _projects = projects;
            _voteType = voteType;
            _points = voteType is VoteType.Cumulative or VoteType.Scoring ? [] : null;
            _seen = new bool[projects.Length];
        }

        public int VoterCount => _offsets.Count - 1;

        /// <summary>Adds a ballot without points (approval, choose-1, ordinal).</summary>
        public Builder AddBallot(ReadOnlySpan<int> projectIndices)
        {
            if (_points is not null)
            {
                throw new InvalidOperationException($"{_voteType} ballots need points.");
            }

            return Add(projectIndices, []);
        }

        /// <summary>Adds a ballot with points (cumulative, scoring).</summary>
        public Builder AddBallot(ReadOnlySpan<int> projectIndices, ReadOnlySpan<decimal> points)
        {
            if (_points is null)
            {
                throw new InvalidOperationException($"{_voteType} ballots carry no points.");
            }

            if (points.Length != projectIndices.Length)
            {
                throw new ArgumentException("Every project on a ballot needs exactly one number of points.", nameof(points));
            }

            return Add(projectIndices, points);
        }

        private Builder Add(ReadOnlySpan<int> projectIndices, ReadOnlySpan<decimal> points)
        {
            try
            {
                foreach (var index in projectIndices)
                {
                    if ((uint)index >= (uint)_projects.Length)
                    {
                        throw new ArgumentOutOfRangeException(nameof(projectIndices), index, "No such project.");
                    }

                    if (_seen[index])
                    {
                        throw new ArgumentException($"Project '{_projects[index].Id}' appears twice on one ballot.", nameof(projectIndices));
                    }

                    _seen[index] = true;
                }
            }
            finally
            {
                foreach (var index in projectIndices)
                {
                    if ((uint)index < (uint)_seen.Length)
                    {
                        _seen[index] = false;
                    }
                }
            }

            foreach (var p in points)
            {
                if (_voteType == VoteType.Cumulative && p < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(points), p, "Cumulative points cannot be negative.");
                }
            }

            foreach (var index in projectIndices)
            {
                _indices.Add(index);
            }

            _points?.AddRange(points);
            _offsets.Add(_indices.Count);
            return this;
        }

        public Election Build() =>
            new(_budget, _projects, _voteType, [.. _offsets], [.. _indices], _points?.ToArray());
    }
}
