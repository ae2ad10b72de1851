using System.Collections.Immutable;
using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Every voter's equal share and where it went. Kept as the run's per-round class transitions (a few
/// thousand entries) rather than one record per voter (which would be ~100,000 × rounds), and replayed on demand.
/// Even those transitions are only recorded when the first voter's share is asked for: most callers want the
/// selected projects, and recording is a quarter of a run.
/// </summary>
public sealed class EqualSharesAccount
{
    private readonly SupportProfile _profile;
    private readonly EqualSharesRun _run;
    private readonly Lazy<EqualSharesRun> _recorded;
    private readonly Dictionary<Rational, int> _weightIndex = [];

    /// <param name="record">Runs the same endowment again, recording every class transition; called at most once.</param>
    internal EqualSharesAccount(SupportProfile profile, EqualSharesRun run, Func<EqualSharesRun> record, long add1Steps,
        int equalSharesRuns)
    {
        _profile = profile;
        _run = run;
        _recorded = new Lazy<EqualSharesRun>(record);
        Add1Steps = add1Steps;
        EqualSharesRuns = equalSharesRuns;
        for (var w = 0; w < profile.WeightValues.Length; w++)
        {
            _weightIndex[profile.WeightValues[w]] = w;
        }
    }

    /// <summary>Each voter's share of the budget in the run that produced the outcome (after completion).</summary>
    public decimal Endowment => _run.Endowment.ToDecimal();

    /// <summary>The exact endowment, e.g. 6112868/90494.</summary>
    public string EndowmentExact => _run.Endowment.ToString();

    /// <summary>How many currency units completion added to every share (0 without completion).</summary>
    public long Add1Steps { get; }

    /// <summary>How many Equal Shares runs the outcome took (completion skips steps that cannot change it).</summary>
    public int EqualSharesRuns { get; }

    public int VoterCount => _profile.VoterCount;

    public VoterShare ShareOf(int voter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(voter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(voter, _profile.VoterCount);
        var election = _profile.Election;
        var ballot = election.BallotOf(voter);
        var points = election.PointsOf(voter);
        var kinds = _profile.WeightValues.Length;
        var cls = 0;
        var left = _run.Endowment;
        var payments = ImmutableArray.CreateBuilder<VoterPayment>();
        foreach (var round in _recorded.Value.Rounds)
        {
            var position = ballot.IndexOf(round.Project);
            if (position < 0 || (!points.IsEmpty && points[position] <= 0) || round.Transitions is null)
            {
                continue;
            }

            var weight = points.IsEmpty ? 0 : _weightIndex[Rational.Of(points[position])];
            var (payment, next) = round.Transitions[((long)cls * kinds) + weight];
            cls = next;
            left -= payment;
            payments.Add(new VoterPayment(election.Projects[round.Project].Id, payment.ToDecimal()));
        }

        return new VoterShare(voter, _run.Endowment.ToDecimal(), payments.ToImmutable(), left.ToDecimal());
    }
}
