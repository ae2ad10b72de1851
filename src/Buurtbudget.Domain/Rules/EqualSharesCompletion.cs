using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Completion of Equal Shares by "add1": raise every voter's share by one currency unit until the outcome is
/// exhaustive, or return the last outcome that fitted as soon as one would overspend.
/// <para>
/// Step by step that can take tens of thousands of Equal Shares runs (Budapest 2024 is priced in forints), yet the
/// order of purchases changes rarely there (124 times in 22,001 steps). Jumping add1 runs Equal Shares in doubles
/// with proven error bounds (<see cref="EqualSharesInDoubles"/>, the exact engine where doubles cannot decide) and
/// skips stretches of steps it has proven to buy exactly what the step before bought:
/// <see cref="EqualSharesInDoubles.TryConfirm"/> proves a stretch [k, k + j] with one run at k + j, which then starts
/// the next stretch, so stretches are chained, their lengths growing after proofs and shrinking after failures. A
/// failed proof of one step is that step's ordinary run, so where the order changes every few steps (Mokotów 2024)
/// jumping costs hardly more runs than stepping. Every step that step-by-step add1 would stop at is therefore run,
/// so both select the same projects. Jumping straight to the next budget at which the outcome can change follows
/// Kraiczy, Robinson and Elkind, "Streamlining Equal Shares" (2025); the proof itself is this engine's own (the
/// paper's exact jumps are for Exact Equal Shares, not for Equal Shares).
/// </para>
/// </summary>
internal static class EqualSharesCompletion
{
    private const long NeverChanges = 1L << 40;

    /// <summary>The add1 step whose outcome completion returns, how many Equal Shares runs it took, and the run at that
    /// step when one was made with explanations (null: the caller runs that step again with them).</summary>
    public static (long Step, int Runs, EqualSharesRun? Run) Add1(EqualSharesEngine engine, SupportProfile profile, bool jump) =>
        jump ? Jumping(engine, profile) : StepByStep(engine, profile);

    /// <summary>The reference's way, on the exact engine: one run per step. Benchmarks and tests compare with it.</summary>
    private static (long Step, int Runs, EqualSharesRun? Run) StepByStep(EqualSharesEngine engine, SupportProfile profile)
    {
        var start = StartingShare(profile);
        long step = 0;
        var run = engine.Run(start, record: false, explain: false);
        var runs = 1;
        while (true)
        {
            if (run.TotalCost > profile.Budget)
            {
                return step == 0 ? (step, runs, run) : (step - 1, runs, null);
            }

            if (profile.VoterCount == 0 || IsExhaustive(engine, profile, run.Selected))
            {
                return (step, runs, run);
            }

            step++;
            run = engine.Run(start + step, record: false, explain: false);
            runs++;
        }
    }

    private static (long Step, int Runs, EqualSharesRun? Run) Jumping(EqualSharesEngine engine, SupportProfile profile)
    {
        var start = StartingShare(profile);
        if (profile.VoterCount == 0)
        {
            return (0, 1, null);
        }

        var doubles = engine.InDoubles;
        long step = 0;
        var run = RunAt(engine, start);
        var runs = 1;
        long length = 1;
        var lastChanged = false;
        long saved = 0, wasted = 0;
        while (true)
        {
            if (TotalCost(profile, run.Selected) > profile.Budget)
            {
                return (Math.Max(step - 1, 0), runs, null);
            }

            if (IsExhaustive(engine, profile, run.Selected))
            {
                return (step, runs, null);
            }

            // Chain proofs from here: each proven stretch ends in a run that starts the next one. Right after the
            // outcome changed, try one step first; a longer first try fails more often than it pays there. Lengths
            // double after a proof, but not right after a failure, and a failure divides them by three: the provable
            // length shrinks as the next change comes near (measured on Budapest 2024: 3,797 runs, against 4,378
            // with plain doubling and halving).
            // Longer tries pay only where outcomes stay put for a while: they stop while failed ones (each a run for
            // nothing) outnumber the steps proven beyond the first, but for one step in 16 that keeps checking, and
            // within a chain once four proofs in a row succeeded (Mokotów 2024, whose order of purchases changes at a
            // third of all steps: 325 runs instead of 343).
            var longer = saved >= wasted || step % 16 == 0;
            length = lastChanged || !longer ? 1 : Math.Max(1, length);
            DoublesRun? next = null;
            var justFailed = false;
            var inARow = 0;
            while (length >= 1)
            {
                var attempt = doubles.TryConfirm(run, start + step + length);
                runs++;
                if (attempt is { Proven: true })
                {
                    longer |= ++inARow >= 4;
                    saved += length - 1;
                    step += length;
                    run = attempt;
                    if (length >= NeverChanges)
                    {
                        return (step, runs, null); // no larger share changes anything: add1 would never stop
                    }

                    length = !longer || justFailed ? length : length * 2;
                    justFailed = false;
                    continue;
                }

                if (length == 1)
                {
                    next = attempt; // not proven, but it is the next step's run all the same (null: doubles gave up)
                    break;
                }

                wasted++;
                inARow = 0;
                length /= 3;
                justFailed = true;
            }

            var before = run;
            step++;
            run = next ?? RunAt(engine, start + step);
            if (next is null)
            {
                runs++;
            }

            lastChanged = !before.Selected.Order().SequenceEqual(run.Selected.Order());
            length = Math.Max(1, length / 2);
        }
    }

    /// <summary>A decision run: in doubles, or with the exact engine where doubles cannot decide.</summary>
    private static DoublesRun RunAt(EqualSharesEngine engine, Rational endowment)
    {
        var fast = engine.InDoubles.TryRun(endowment);
        if (fast is not null)
        {
            return fast;
        }

        var exact = engine.Run(endowment, record: false, explain: false);
        // Price ceilings for later proofs: the exact prices rounded up (a double is within 2⁻⁵² of its fraction).
        return new DoublesRun(exact.Selected, [.. exact.Rounds.Select(r => r.Project)],
            [.. exact.Rounds.Select(r => r.PricePerUtility.ToDouble() * (1 + 1e-15))],
            [.. exact.Rounds.Select(r => r.SupportersPayingAll == 0)], Proven: false, endowment, DearerEvidence.None);
    }

    private static Rational TotalCost(SupportProfile profile, List<int> selected)
    {
        var total = Rational.Zero;
        foreach (var p in selected)
        {
            total += profile.Costs[p];
        }

        return total;
    }

    public static Rational StartingShare(SupportProfile profile) =>
        profile.VoterCount == 0 ? Rational.Zero : profile.Budget / profile.VoterCount;

    /// <summary>Exhaustive: no project Equal Shares could fund (supported, not free) still fits in what is left.</summary>
    public static bool IsExhaustive(EqualSharesEngine engine, SupportProfile profile, List<int> bought)
    {
        var left = profile.Budget - TotalCost(profile, bought);
        var selected = new HashSet<int>(bought);
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
