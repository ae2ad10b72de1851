using Buurtbudget.Domain.Arithmetic;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// Add1 decides with Equal Shares in doubles (<see cref="EqualSharesInDoubles"/>): it must select exactly what the
/// exact engine selects, or give up and say so, never guess; and a stretch of endowments it proves to buy the same
/// must buy the same at every endowment in it.
/// </summary>
public sealed class Equal_Shares_in_doubles
{
    private static readonly Utility[] s_utilities = [Utility.Cost, Utility.Approval];

    [Fact]
    public void On_small_elections_full_of_ties_it_selects_what_the_exact_engine_selects_or_gives_up()
    {
        var decided = 0;
        var total = 0;
        for (var seed = 1; seed <= 600; seed++)
        {
            var election = RandomElections.Create(seed, points: seed % 3 == 0);
            foreach (var utility in s_utilities)
            {
                foreach (var endowment in Endowments(election, 4))
                {
                    total++;
                    decided += AssertSameAsExact(election, utility, endowment, $"seed {seed}, {utility}, {endowment}") ? 1 : 0;
                }
            }
        }

        // Ties are everywhere here, yet most runs are decided: ties between projects nobody runs short for are exact.
        Assert.True(decided > total / 2, $"decided only {decided} of {total} runs");
    }

    [Fact]
    public void On_larger_random_elections_it_selects_what_the_exact_engine_selects_and_almost_never_gives_up()
    {
        var decided = 0;
        var total = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var election = LargerElection(seed, points: seed % 3 == 0);
            foreach (var utility in s_utilities)
            {
                foreach (var endowment in Endowments(election, 3))
                {
                    total++;
                    decided += AssertSameAsExact(election, utility, endowment, $"seed {seed}, {utility}, {endowment}") ? 1 : 0;
                }
            }
        }

        Assert.True(decided >= total * 9 / 10, $"decided only {decided} of {total} runs");
    }

    public static TheoryData<string> RealElections() =>
    [
        "Poland_Warszawa_2024_Mokotow.pb", "Netherlands_Amsterdam_166.pb", "Switzerland_Zurich_D10.pb",
        "Worldwide_Mechanical_Turk_Utilities_7.pb", "Poland_Krakow_2018_Wzgorza_Krzeslawickie.pb",
        "Netherlands_Amsterdam_643.pb", "Poland_Katowice_2025_Zarzecze.pb", "France_Toulouse_2019.pb",
    ];

    [Theory]
    [MemberData(nameof(RealElections))]
    public void On_real_elections_it_selects_what_the_exact_engine_selects_at_the_start_and_along_add1(string file)
    {
        var election = ReferenceOutcomes.ElectionOf(file);
        foreach (var utility in s_utilities)
        {
            var start = Rational.Of(election.Budget) / election.VoterCount;
            foreach (var extra in new long[] { 0, 1, 2, 7, 50, 333 })
            {
                Assert.True(AssertSameAsExact(election, utility, start + extra, $"{file}, {utility}, +{extra}"),
                    $"{file}, {utility}, +{extra}: doubles gave up on real data");
            }
        }
    }

    [Fact]
    public void A_tie_between_projects_nobody_runs_short_for_is_decided_exactly_by_the_tie_break()
    {
        // Two projects with the same cost and the same four supporters cost exactly the same per unit of utility;
        // with 150 each nobody runs short, so the tie-break decides, and doubles must not give up on it.
        var projects = new[] { new Project("b", 200m), new Project("a", 200m), new Project("c", 300m) };
        var builder = Election.Create(400m, projects, VoteType.Approval);
        for (var v = 0; v < 4; v++)
        {
            builder.AddBallot([0, 1]);
        }

        var election = builder.Build();
        foreach (var utility in s_utilities)
        {
            var engine = SupportProfile.For(election).EngineFor(utility, TieBreak.Pabutools);
            var run = engine.InDoubles.TryRun(Rational.Of(150));
            Assert.NotNull(run);
            Assert.Equal([1, 0], run.Selected); // "a" first: the smaller id wins the tie
        }
    }

    [Fact]
    public void A_stretch_it_proves_buys_the_same_at_every_endowment_in_it()
    {
        var proven = 0;
        for (var seed = 1; seed <= 120; seed++)
        {
            var election = seed % 2 == 0 ? RandomElections.Create(seed, points: seed % 3 == 0) : LargerElection(seed, points: seed % 3 == 0);
            if (election.VoterCount == 0)
            {
                continue;
            }

            foreach (var utility in s_utilities)
            {
                var engine = SupportProfile.For(election).EngineFor(utility, TieBreak.Pabutools);
                var start = Rational.Of(election.Budget) / election.VoterCount;
                var earlier = engine.InDoubles.TryRun(start);
                if (earlier is null)
                {
                    continue;
                }

                foreach (var length in new long[] { 1, 3, 10 })
                {
                    var later = engine.InDoubles.TryConfirm(earlier, start + length);
                    if (later is null)
                    {
                        continue;
                    }

                    // Proven or not, it is the run at its own endowment.
                    Assert.Equal(engine.Run(start + length, record: false).Selected, later.Selected);
                    if (!later.Proven)
                    {
                        continue;
                    }

                    proven++;
                    for (var step = 0; step <= length; step++)
                    {
                        Assert.True(earlier.Selected.SequenceEqual(engine.Run(start + step, record: false).Selected),
                            $"seed {seed}, {utility}: proven for {length} steps, differs at step {step}");
                    }
                }
            }
        }

        Assert.True(proven > 50, $"only {proven} stretches proven: the test shows little");
    }

    [Fact]
    public void A_chain_of_proven_stretches_buys_the_same_at_every_endowment_in_it()
    {
        // Each link starts from the run that proved the one before, and reuses what that run showed about projects
        // that lost a round: the shortfalls it carries forward must stay sound link after link.
        var proven = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var election = LargerElection(seed, points: seed % 3 == 0);
            foreach (var utility in s_utilities)
            {
                var engine = SupportProfile.For(election).EngineFor(utility, TieBreak.Pabutools);
                var start = Rational.Of(election.Budget) / election.VoterCount;
                var run = engine.InDoubles.TryRun(start);
                long step = 0;
                for (var link = 0; link < 12 && run is not null; link++)
                {
                    var length = 1 + (link % 4);
                    var next = engine.InDoubles.TryConfirm(run, start + step + length);
                    if (next is null)
                    {
                        break;
                    }

                    if (next.Proven)
                    {
                        proven++;
                        for (var s = 1; s <= length; s++)
                        {
                            Assert.True(run.Selected.SequenceEqual(engine.Run(start + step + s, record: false).Selected),
                                $"seed {seed}, {utility}: link {link} proven, differs at step {step + s}");
                        }
                    }
                    else
                    {
                        Assert.Equal(engine.Run(start + step + length, record: false).Selected, next.Selected);
                    }

                    step += length;
                    run = next;
                }
            }
        }

        Assert.True(proven > 100, $"only {proven} links proven: the test shows little");
    }

    /// <summary>Compares with the exact engine; false if doubles gave up (which is allowed, guessing is not).</summary>
    private static bool AssertSameAsExact(Election election, Utility utility, Rational endowment, string what)
    {
        var engine = SupportProfile.For(election).EngineFor(utility, TieBreak.Pabutools);
        var inDoubles = engine.InDoubles.TryRun(endowment);
        if (inDoubles is null)
        {
            return false;
        }

        var exact = engine.Run(endowment, record: false);
        Assert.True(exact.Selected.SequenceEqual(inDoubles.Selected),
            $"{what}: exact {string.Join(",", exact.Selected)}, doubles {string.Join(",", inDoubles.Selected)}");
        Assert.Equal(exact.Rounds.Select(r => r.Project), inDoubles.Rounds);
        for (var r = 0; r < exact.Rounds.Count; r++)
        {
            Assert.True(exact.Rounds[r].PricePerUtility.ToDouble() <= inDoubles.PriceCeilings[r],
                $"{what}: round {r + 1}'s ceiling {inDoubles.PriceCeilings[r]} is below the exact price {exact.Rounds[r].PricePerUtility}");
        }

        return true;
    }

    private static IEnumerable<Rational> Endowments(Election election, int count)
    {
        if (election.VoterCount == 0)
        {
            yield break;
        }

        var start = Rational.Of(election.Budget) / election.VoterCount;
        for (var k = 0; k < count; k++)
        {
            yield return start + (k * k * 3);
        }
    }

    /// <summary>Hundreds of voters, dozens of projects with varied costs, ballots of varied length and popularity:
    /// enough that supporters run short at different times, as on real data.</summary>
    private static Election LargerElection(int seed, bool points)
    {
        var random = new Random(seed);
        var m = random.Next(5, 30);
        var projects = Enumerable.Range(0, m).Select(p => new Project("p" + p, random.Next(1, 400) * 250m)).ToList();
        var popularity = Enumerable.Range(0, m).Select(_ => random.NextDouble() * 0.4).ToArray();
        var budget = projects.Sum(p => p.Cost) * (decimal)(0.2 + (random.NextDouble() * 0.5));
        var builder = Election.Create(Math.Round(budget), projects, points ? VoteType.Cumulative : VoteType.Approval);
        var voters = random.Next(50, 600);
        for (var v = 0; v < voters; v++)
        {
            var chosen = Enumerable.Range(0, m).Where(p => random.NextDouble() < popularity[p]).ToArray();
            if (points)
            {
                builder.AddBallot(chosen, chosen.Select(_ => (decimal)random.Next(1, 6)).ToArray());
            }
            else
            {
                builder.AddBallot(chosen);
            }
        }

        return builder.Build();
    }
}
