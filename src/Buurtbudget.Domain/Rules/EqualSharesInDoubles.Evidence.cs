namespace Buurtbudget.Domain.Rules;

internal sealed partial class EqualSharesInDoubles
{
    /// <summary>
    /// What a run reuses from the run before (at a smaller endowment) while it has bought the same projects in the same
    /// order, whether or not its proof still holds: projects shown dearer than a trial price, projects shown
    /// unaffordable, and floors of the bought projects' prices. Every voter has at least as much money here, but all
    /// together at most n × (difference) more and each at most the difference plus how much their payments fell
    /// (the growth bounds of <see cref="Execution"/>), which turns each piece of evidence into a bound that holds here.
    /// </summary>
    private sealed partial class Execution
    {
        /// <summary>
        /// Drops, without a pass, the projects the earlier run found unaffordable in round <paramref name="round"/> or
        /// before, while their shortfall there exceeds what their supporters can have gained since. Valid while this run
        /// has bought what the earlier one bought so far: then every supporter's money is at most the earlier money at
        /// the round of the drop (budgets only fall) plus that gain. Returns the first drop not yet considered.
        /// </summary>
        private int DropAsBefore(int from, int round)
        {
            var drops = _earlier!.Evidence.Drops;
            var i = from;
            for (; i < drops.Count && drops[i].Round <= round; i++)
            {
                var (c, _, shortfall) = drops[i];
                var gain = Math.Min(_growth, _voterGrowth * _e._profile.SupporterCounts[c] * (1 + 1e-12));
                var left = shortfall - gain;
                if (left > 0 && !_w.Bought[c])
                {
                    _w.Dropped[c] = true;
                    _evidence.Drops.Add((c, round, left * (1 - (2 * Unit)))); // less the rounding of the subtraction
                }
            }

            return i;
        }

        /// <summary>What the earlier run showed in round <paramref name="round"/> about projects that lost it unpriced.
        /// Valid while this run has bought what the earlier one bought so far, proof or not.</summary>
        private void RaiseFromEvidence(int round)
        {
            // What the earlier run showed in this round, less what the supporters can have gained since, raises lower
            // bounds here (and, prices only rising within a run, for the rest of this run).
            var earlier = _earlier!.Evidence;
            var lower = _w.LowerBound;
            var bought = _w.Bought;
            var (from, to) = earlier.Round(round);
            for (var i = from; i < to; i++)
            {
                var c = earlier.Projects[i];
                var gain = Math.Min(_growth, _voterGrowth * _e._profile.SupporterCounts[c] * (1 + 1e-12));
                var shortfall = (earlier.Shortfalls[i] - gain) * (1 - (2 * Unit)); // less the rounding of the subtraction, as for drops
                if (bought[c] || shortfall <= 0)
                {
                    continue;
                }

                // Above that price, what they pay grows at most as fast as their total utility (everybody paying the
                // price), so the shortfall lifts the bound by at least shortfall ÷ total utility.
                var utility = _e._totalUtility[c] + _e._totalUtilityError[c];
                var bound = Math.Max(earlier.Prices[i], (earlier.Prices[i] + (shortfall / utility)) * (1 - (4 * Unit)));
                if (bound > lower[c])
                {
                    lower[c] = bound;
                    _evidence.Add(c, earlier.Prices[i], shortfall);
                }
            }
        }

        /// <summary>
        /// A lower bound of <paramref name="project"/>'s price in round <paramref name="round"/> of a proof, from its
        /// price p and payers' utility R in the earlier run. There, at any x below p its supporters paid at most
        /// cost − (p − x)·R (each payer x·u instead of p·u, the others at most what they paid); here, with the same
        /// purchases before, they have at most G more together (the gain of <see cref="DearerEvidence"/>), so they
        /// cannot pay the cost below p − G ÷ R. Starting water-filling from there instead of an old lower bound
        /// usually finds the split in one pass. Only speed depends on it: the split is confirmed all the same.
        /// </summary>
        private double Floor(int round, int project)
        {
            var floors = _earlier!.PriceFloors;
            if (round >= floors.Count || floors[round].PayerUtility <= 0)
            {
                return 0;
            }

            var gain = Math.Min(_growth, _voterGrowth * _e._profile.SupporterCounts[project] * (1 + 1e-12));
            return (floors[round].Low - (gain / floors[round].PayerUtility)) * (1 - (4 * Unit));
        }

        /// <summary>Where water-filling <paramref name="c"/> starts in an ordinary round: its lower bound, or the floor
        /// from the earlier run when it bought <paramref name="c"/> in this round after the same purchases.</summary>
        private double Start(int c, double bound) =>
            _same && _round < _earlier!.Rounds.Count && _earlier.Rounds[_round] == c
                ? Math.Max(bound, Floor(_round, c))
                : bound;
    }
}
