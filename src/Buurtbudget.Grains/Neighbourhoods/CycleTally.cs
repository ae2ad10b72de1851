using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>Per project: on how many current ballots it appears, and its points (marks count 1; cumulative
/// ballots count their points; rankings count 1 per ranking).</summary>
public sealed record ProjectTally(string ProjectId, int Ballots, decimal Points);

public sealed record TallyView(int Turnout, ImmutableArray<ProjectTally> Projects);

/// <summary>
/// The running count of a cycle's current ballots, kept incrementally (a replaced ballot is taken out, its
/// successor put in) and always equal to a fold over the current ballots.
/// </summary>
internal sealed class CycleTally
{
    private readonly Dictionary<string, (int Ballots, decimal Points)> _projects = new(StringComparer.Ordinal);
    private readonly bool _countPoints;

    public CycleTally(VotingManifest manifest)
    {
        _countPoints = manifest.Ballot.Kind == BallotKind.Cumulative;
        foreach (var project in manifest.Projects)
        {
            _projects[project.Id] = (0, 0m);
        }
    }

    public int Turnout { get; private set; }

    public void Add(IEnumerable<BallotEntry> ballot) => Count(ballot, +1);

    public void Remove(IEnumerable<BallotEntry> ballot) => Count(ballot, -1);

    private void Count(IEnumerable<BallotEntry> ballot, int sign)
    {
        Turnout += sign;
        foreach (var entry in ballot)
        {
            // Validated ballots only name projects on the ballot, each once.
            var (ballots, points) = _projects[entry.ProjectId];
            _projects[entry.ProjectId] = (ballots + sign, points + (sign * (_countPoints ? entry.Value : 1m)));
        }
    }

    public TallyView View() => new(Turnout, [.. _projects.Select(p => new ProjectTally(p.Key, p.Value.Ballots, p.Value.Points))]);
}
