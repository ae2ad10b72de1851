using System.Globalization;

namespace Buurtbudget.Domain.Tests.Ballots;

/// <summary>
/// Runs a property for many seeds; a failure names its seed. Set BALLOT_SEED to replay a single seed.
/// The default seeds are fixed so that CI is reproducible.
/// </summary>
internal static class Seeds
{
    private static readonly string? _replay = Environment.GetEnvironmentVariable("BALLOT_SEED");

    /// <summary>True when a single seed is replayed, so checks about the spread of many runs do not apply.</summary>
    public static bool Replaying => _replay is not null;

    public static void Check(int runs, Action<Random> property)
    {
        var seeds = _replay is null
            ? Enumerable.Range(1, runs)
            : [int.Parse(_replay, CultureInfo.InvariantCulture)];

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
