using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Tests.Ballots;

public class BallotPropertyTests
{
    private const int _runs = 2_000;

    [Fact]
    public void Validate_accepts_exactly_the_ballots_the_reference_rules_accept()
    {
        var verdicts = new Dictionary<(BallotKind, bool), int>();
        Seeds.Check(_runs, random =>
        {
            var generate = new RandomBallots(random);
            var projects = generate.Projects();
            var design = generate.Design(projects);
            var ballot = generate.Ballot(design, projects);

            var accepted = design.Validate(ballot, projects).IsValid;

            Assert.True(
                accepted == ReferenceRules.Accepts(design, ballot, projects),
                $"Validate says {(accepted ? "valid" : "invalid")}, the reference disagrees.{Environment.NewLine}{Show(design, ballot, projects)}");
            verdicts[(design.Kind, accepted)] = verdicts.GetValueOrDefault((design.Kind, accepted)) + 1;
        });

        // Guard against a generator that only ever produces one verdict, which would make the property empty.
        foreach (var kind in Seeds.Replaying ? [] : Enum.GetValues<BallotKind>())
        {
            Assert.True(verdicts.GetValueOrDefault((kind, true)) > _runs / 40, $"Too few accepted {kind} ballots generated.");
            Assert.True(verdicts.GetValueOrDefault((kind, false)) > _runs / 40, $"Too few rejected {kind} ballots generated.");
        }
    }

    [Fact]
    public void Validate_reports_every_broken_rule_under_its_own_code()
    {
        Seeds.Check(_runs, random =>
        {
            var generate = new RandomBallots(random);
            var projects = generate.Projects();
            var design = generate.Design(projects);
            var ballot = generate.Ballot(design, projects);

            var reported = design.Validate(ballot, projects).Problems.Select(p => p.Code).ToHashSet();

            var expected = ReferenceRules.BrokenRules(design, ballot, projects);
            Assert.True(
                reported.SetEquals(expected),
                $"Reported [{string.Join(", ", reported)}], expected [{string.Join(", ", expected)}].{Environment.NewLine}{Show(design, ballot, projects)}");
        });
    }

    [Fact]
    public void A_ballot_accepted_by_a_knapsack_design_never_costs_more_than_its_limit()
    {
        var accepted = 0;
        Seeds.Check(_runs, random =>
        {
            var generate = new RandomBallots(random);
            var projects = Enumerable.Range(0, random.Next(1, 6))
                .Select(i => new Project($"p{i}", Math.Abs(generate.AnyDecimal())))
                .ToList();
            var chosen = projects.Where(_ => random.Next(2) == 0).Select(p => p.Id).ToList();
            var limit = random.Next(2) == 0
                ? Math.Max(Math.Abs(generate.AnyDecimal()), 0.0000000000000000000000000001m)
                : Math.Max(projects.Select(p => p.Cost).Max(), 0.0000000000000000000000000001m);
            var design = new KnapsackDesign(limit);

            if (design.Validate(CastBallot.OfMarks(chosen), projects).IsValid)
            {
                accepted++;
                Assert.True(
                    ReferenceRules.CostOf(chosen, projects) <= ReferenceRules.Exact(limit),
                    $"Accepted over the limit.{Environment.NewLine}{Show(design, CastBallot.OfMarks(chosen), projects)}");
            }
        });

        Assert.True(Seeds.Replaying || accepted > _runs / 10, "Too few accepted ballots generated.");
    }

    [Fact]
    public void Validation_never_throws_whatever_the_ids_and_numbers()
    {
        Seeds.Check(_runs, random =>
        {
            var generate = new RandomBallots(random);
            var projects = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => new Project(generate.AnyId() is { Length: > 0 } id ? id : "x", Math.Abs(generate.AnyDecimal())))
                .ToList();
            var ballot = new CastBallot(Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => new BallotEntry(random.Next(2) == 0 && projects.Count > 0 ? projects[random.Next(projects.Count)].Id : generate.AnyId(), generate.AnyDecimal())));

            foreach (var design in ExtremeDesigns(random, generate))
            {
                var validation = design.Validate(ballot, projects);

                Assert.All(validation.Problems, problem => Assert.False(string.IsNullOrWhiteSpace(problem.Message)));
                Assert.False(string.IsNullOrWhiteSpace(BallotMessages.Instructions(design.Describe())));
                AssertConversionMatchesVerdict(design, ballot, projects, validation.IsValid);
            }
        });
    }

    [Fact]
    public void A_design_is_either_made_or_refused_with_an_argument_exception()
    {
        Seeds.Check(_runs, random =>
        {
            var generate = new RandomBallots(random);
            int AnyInt() => random.Next(3) == 0 ? random.Next(-3, 6) : random.Next(int.MinValue, int.MaxValue);
            int? AnyOptionalInt() => random.Next(4) == 0 ? null : AnyInt();

            Func<BallotDesign>[] attempts =
            [
                () => new ApprovalDesign(AnyInt(), AnyOptionalInt()),
                () => new KnapsackDesign(generate.AnyDecimal(), random.Next(3) == 0 ? null : generate.AnyDecimal(), AnyInt(), AnyOptionalInt()),
                () => new CumulativeDesign(AnyInt(), random.Next(2) == 0, AnyOptionalInt()),
                () => new RankingDesign(AnyInt(), AnyInt()),
            ];

            foreach (var attempt in attempts)
            {
                try
                {
                    attempt();
                }
                catch (ArgumentException)
                {
                    // Refused with a reason: that is the contract for impossible designs.
                }
            }
        });
    }

    private static IEnumerable<BallotDesign> ExtremeDesigns(Random random, RandomBallots generate)
    {
        int Count() => random.Next(3) switch
        {
            0 => 1,
            1 => int.MaxValue,
            _ => random.Next(1, 10),
        };

        var min = Count();
        yield return new ApprovalDesign(min, random.Next(2) == 0 ? null : Math.Max(min, Count()));

        var limit = Math.Max(Math.Abs(generate.AnyDecimal()), 0.01m);
        yield return new KnapsackDesign(limit, random.Next(2) == 0 ? null : Math.Min(limit, Math.Abs(generate.AnyDecimal())), min, null);

        var points = Count();
        yield return new CumulativeDesign(points, random.Next(2) == 0, random.Next(2) == 0 ? null : Math.Min(points, random.Next(1, points) + random.Next(2)));

        var maxRanked = Count();
        yield return new RankingDesign(maxRanked, Math.Min(maxRanked, Count()));
    }

    private static void AssertConversionMatchesVerdict(BallotDesign design, CastBallot ballot, IReadOnlyList<Project> projects, bool valid)
    {
        Action convert = design switch
        {
            ApprovalDesign d => () => d.ToApprovedProjects(ballot, projects),
            KnapsackDesign d => () => d.ToApprovedProjects(ballot, projects),
            CumulativeDesign d => () => d.ToPoints(ballot, projects),
            RankingDesign d => () => d.ToRankOrder(ballot, projects),
            _ => throw new ArgumentOutOfRangeException(nameof(design)),
        };

        if (valid)
        {
            convert();
        }
        else
        {
            Assert.Throws<InvalidBallotException>(convert);
        }
    }

    private static string Show(BallotDesign design, CastBallot ballot, IReadOnlyList<Project> projects) =>
        $"design: {design}{Environment.NewLine}"
        + $"projects: {string.Join(", ", projects.Select(p => $"{p.Id}={p.Cost}"))}{Environment.NewLine}"
        + $"ballot: {string.Join(", ", ballot.Entries.Select(e => $"{e.ProjectId}:{e.Value}"))}";
}
