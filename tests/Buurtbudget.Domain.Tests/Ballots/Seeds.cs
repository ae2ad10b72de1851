using System.Globalization;

namespace Buurtbudget.Domain.Tests.Ballots;

/// <summary>
/// Runs a property for many seeds; a failure names its seed. Set BALLOT_SEED to replay a single seed.
/// The default seeds are fixed so that CI is reproducible.
/// </summary>
internal static class Seeds
{
    public static void Check(int runs, Action<Random> property)
    {
        var replay = Environment.GetEnvironmentVariable("BALLOT_SEED");
        var seeds = replay is null
            ? Enumerable.Range(1, runs)
            : [int.Parse(replay, CultureInfo.InvariantCulture)];

        foreach (var seed in seeds)
        {
            try
            {
                property(new Random(seed));
            }
            catch (Exception failure)
            {
                Assert.Fail($"Failed for seed {seed} (replay with BALLOT_SEED={seed}):{Environment.NewLine}{failure}");
            }
        }
    }
}
