using System.Globalization;
using System.Text;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

/// <summary>Seeded property tests. Seeds are fixed so failures reproduce; set BUURTBUDGET_PABULIB_SEED to
/// start elsewhere. Every failure message names the seed.</summary>
public class PabulibRandomRoundTripTests
{
    private const string SeedVariable = "BUURTBUDGET_PABULIB_SEED";
    private const int Cases = 400;

    private static int FirstSeed =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : 20_260_412;

    [Fact]
    public void Writing_a_random_file_and_reading_it_back_gives_an_equal_file_and_the_same_text()
    {
        for (var seed = FirstSeed; seed < FirstSeed + Cases; seed++)
        {
            var file = new RandomPabulibFiles(seed).Next();
            var text = PabulibWriter.WriteToString(file);
            try
            {
                var again = PabulibReader.Parse(text);

                Assert.True(file.Equals(again), "the file read back differs from the file written");
                Assert.Equal(file.GetHashCode(), again.GetHashCode());
                Assert.Equal(text, PabulibWriter.WriteToString(again));
                PabulibAssert.SameElection(file.ToElection(), again.ToElection());
            }
            catch (Exception e)
            {
                Assert.Fail(Describe(seed, e, text));
            }
        }
    }

    [Fact]
    public void A_damaged_random_file_either_reads_correctly_or_fails_with_a_format_error()
    {
        var formatErrors = 0;
        for (var seed = FirstSeed; seed < FirstSeed + Cases; seed++)
        {
            var random = new Random(seed);
            var text = Damage(PabulibWriter.WriteToString(new RandomPabulibFiles(seed).Next()), random);
            try
            {
                var file = PabulibReader.Parse(text);
                Assert.Equal(file, PabulibReader.Parse(PabulibWriter.WriteToString(file)));
            }
            catch (PabulibFormatException e)
            {
                formatErrors++;
                Assert.True(e.LineNumber >= 1, $"seed {seed}: line {e.LineNumber} in '{e.Message}'");
            }
            catch (Exception e)
            {
                Assert.Fail(Describe(seed, e, text));
            }
        }

        // Most damage must be noticed, or this test checks nothing.
        Assert.True(formatErrors > Cases / 2, $"only {formatErrors} of {Cases} damaged files were rejected");
    }

    private static string Damage(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 4); edits > 0 && builder.Length > 0; edits--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, "\n;\",-x"[random.Next(6)]);
                    break;
                case 2:
                    builder[at] = "0;\",\n"[random.Next(5)];
                    break;
                default:
                    var line = text.Split('\n')[random.Next(text.Split('\n').Length)];
                    builder.Insert(at, line + "\n");
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Describe(int seed, Exception e, string text) =>
        $"seed {seed} failed (rerun from it with {SeedVariable}={seed}): {e.GetType().Name}: {e.Message}\n--- text ---\n{text}";
}
