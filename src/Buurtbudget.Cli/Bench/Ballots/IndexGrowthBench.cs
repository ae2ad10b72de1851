using System.Diagnostics;
using System.Security.Cryptography;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// How long a ballot box's index holds up a turn while it grows: the longest single insert while an index fills with
/// random digests, one dictionary (the baseline) against the box's <see cref="DigestMap{TValue}"/>, alternating.
/// </summary>
/// <remarks>The longest insert is the doubling: every ballot queued behind that turn waits for it. No I/O, so this
/// case runs once per run, before the stores.</remarks>
internal static class IndexGrowthBench
{
    public const string Dictionary = "one dictionary";
    public const string Map = "digest map (64 shards)";

    public static IReadOnlyList<IndexGrowthResult> Run(int entries, int runs)
    {
        var keys = new BallotDigest[entries];
        Span<byte> bytes = stackalloc byte[BallotDigest.Length];
        for (int i = 0; i < entries; i++)
        {
            RandomNumberGenerator.Fill(bytes);
            keys[i] = BallotDigest.FromBytes(bytes);
        }

        var dictionary = new List<(double Total, double Longest)>();
        var map = new List<(double Total, double Longest)>();
        for (int run = 0; run < runs; run++)
        {
            dictionary.Add(Fill(keys, new Dictionary<BallotDigest, int>(), static (d, k, v) => d.Add(k, v)));
            map.Add(Fill(keys, new DigestMap<int>(), static (m, k, v) => m.TryAdd(k, v)));
        }
        return [Result(Dictionary, entries, dictionary), Result(Map, entries, map)];
    }

    private static (double Total, double Longest) Fill<TIndex>(BallotDigest[] keys, TIndex index, Action<TIndex, BallotDigest, int> add)
    {
        long longest = 0;
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < keys.Length; i++)
        {
            long before = Stopwatch.GetTimestamp();
            add(index, keys[i], i);
            longest = Math.Max(longest, Stopwatch.GetTimestamp() - before);
        }
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, longest * 1000.0 / Stopwatch.Frequency);
    }

    private static IndexGrowthResult Result(string index, int entries, List<(double Total, double Longest)> runs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
        return new IndexGrowthResult(index, entries, runs.Count, Median(runs.Select(r => r.Total)),
            Median(runs.Select(r => r.Longest)), runs.Max(r => r.Longest));
    }
}

/// <summary>Filling one index with <see cref="Entries"/> digests: the whole fill and its longest single insert.</summary>
internal sealed record IndexGrowthResult(string Index, int Entries, int Runs, double MedianTotalMs, double MedianLongestInsertMs, double MaxLongestInsertMs);
