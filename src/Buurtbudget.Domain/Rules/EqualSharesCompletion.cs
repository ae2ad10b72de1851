using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Completion of Equal Shares by "add1": raise every voter's share by one currency unit until the outcome is
/// exhaustive, or return the last outcome that fitted as soon as one would overspend.
/// <para>
/// Step by step that can take tens of thousands of Equal Shares runs (Budapest 2024 is priced in forints).
/// Between two runs that give different outcomes lie long stretches of steps that give the same one, and
/// <see cref="EqualSharesEngine.Confirms"/> can prove that a whole stretch [k, k + j] decides exactly as step k
/// does with one run at k + j. Proven stretches are skipped by galloping (j = 1, 2, 4, …) and bisecting to the
/// longest one; the step after it is then run for real. Every step that step-by-step add1 would stop at is
/// therefore run, so both select the same projects. The idea of jumping straight to the next budget at which
/// the outcome can change follows Kraiczy, Robinson and Elkind, "Streamlining Equal Shares" (2025).
/// </para>
/// </summary>
internal static class EqualSharesCompletion
{
    private const long NeverChanges = 1L << 40;

    /// <summary>The add1 step whose outcome completion returns, how many Equal Shares runs it took, and the run at that
    /// step when one was made (null when the step was skipped over and has to be run again).</summary>
    public static (long Step, int Runs, EqualSharesRun? Run) Add1(EqualSharesEngine engine, SupportProfile profile, bool jump)
    {
        var start = StartingShare(profile);
        long step = 0;
        var run = engine.Run(start, record: false, explain: false);
        var runs = 1;
        long? previousStep = null;
        long stretch = 1;
        var lastStepChangedOutcome = false;
        long wait = 0, patience = 1;
        long proofRuns = 0, provenSteps = 0;
        while (true)
        {
            if (run.TotalCost > profile.Budget)
            {
                return previousStep is null ? (step, runs, run) : (previousStep.Value, runs, null);
            }

            if (profile.VoterCount == 0 || IsExhaustive(engine, profile, run))
            {
                return (step, runs, run);
            }

            long same = 0;
            // Where outcomes change every few steps a failed proof costs as much as a step, so only try to
            // skip ahead when the last step left the outcome as it was, back off after proofs that fail at once,
            // and stop trying (but for one attempt in 16) while proofs have skipped fewer steps than they cost
            // runs: on Mokotów 2024, whose outcome changes at a third of all steps, they never pay.
            var proofsPay = proofRuns < 16 || provenSteps >= proofRuns || (step % 16) == 0;
            if (jump && proofsPay && !lastStepChangedOutcome && --wait < 0)
            {
                var runsBefore = runs;
                // Gallop to a stretch that fails, then bisect: the property is downward closed.
                var tryLength = Math.Max(1, stretch);
                long? failed = null;
                while (failed is null)
                {
                    runs++;
                    if (engine.Confirms(run, start + step + tryLength))
                    {
                        same = tryLength;
                        if (tryLength >= NeverChanges)
                        {
                            return (step, runs, run); // no larger share changes anything: add1 would never stop
                        }

                        tryLength *= 2;
                    }
                    else
                    {
                        failed = tryLength;
                    }
                }

                var high = failed.Value;
                while (high - same > 1)
                {
                    var middle = same + ((high - same) / 2);
                    runs++;
                    if (engine.Confirms(run, start + step + middle))
                    {
                        same = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                stretch = Math.Max(1, same);
                proofRuns += runs - runsBefore;
                provenSteps += same;
                (wait, patience) = same == 0 ? (patience, Math.Min(patience * 2, 64)) : (0, 1);
            }

            previousStep = step + same;
            step += same + 1;
            var before = run;
            run = engine.Run(start + step, record: false, explain: false);
            lastStepChangedOutcome = !SameSelection(before, run);
            runs++;
        }
    }

    private static bool SameSelection(EqualSharesRun a, EqualSharesRun b) =>
        a.TotalCost == b.TotalCost && a.Selected.Count == b.Selected.Count && a.Selected.Order().SequenceEqual(b.Selected.Order());

    public static Rational StartingShare(SupportProfile profile) =>
        profile.VoterCount == 0 ? Rational.Zero : profile.Budget / profile.VoterCount;

    /// <summary>Exhaustive: no project Equal Shares could fund (supported, not free) still fits in what is left.</summary>
    public static bool IsExhaustive(EqualSharesEngine engine, SupportProfile profile, EqualSharesRun run)
    {
        var left = profile.Budget - run.TotalCost;
        var selected = new HashSet<int>(run.Selected);
        foreach (var p in engine.Candidates)
        {
            if (!selected.Contains(p) && profile.Costs[p] <= left)
            {
                return false;
            }
        }

        return true;
    }
}
