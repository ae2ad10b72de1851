using Buurtbudget.Grains.Neighbourhoods;
using Xunit.Abstractions;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// The ballot box's indexes are digest maps split in shards so that growing one never stalls a ballot's turn; they
/// must still answer exactly as one dictionary would.
/// </summary>
public sealed class Digest_maps(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_digest_map_answers_as_a_dictionary_through_many_growths(int run)
    {
        int seed = Random.Shared.Next();
        output.WriteLine($"run {run}, seed {seed}");
        var random = new Random(seed);
        var map = new DigestMap<int>();
        var model = new Dictionary<BallotDigest, int>();
        const int Keys = 30_000;

        for (int step = 0; step < 120_000; step++)
        {
            // Keys drawn from a pool a quarter the size of the steps, so adds, overwrites and misses all happen.
            var key = Ballots_in_memory.Digest("key", random.Next(Keys));
            int value = random.Next();
            switch (random.Next(3))
            {
                case 0:
                    Assert.Equal(model.TryAdd(key, value), map.TryAdd(key, value));
                    break;
                case 1:
                    model[key] = value;
                    map.Set(key, value);
                    break;
                default:
                    Assert.Equal(model.TryGetValue(key, out int expected), map.TryGetValue(key, out int found));
                    Assert.Equal(expected, found);
                    Assert.Equal(model.ContainsKey(key), map.ContainsKey(key));
                    break;
            }
            if (step == 60_000)
            {
                map.EnsureCapacity(2 * Keys); // sizing in the middle keeps every entry
            }
            Assert.Equal(model.Count, map.Count);
        }
        foreach (var (key, value) in model)
        {
            Assert.True(map.TryGetValue(key, out int found));
            Assert.Equal(value, found);
        }
    }

    [Fact]
    public void Count_counts_keys_not_writes()
    {
        var map = new DigestMap<int>();
        var key = Ballots_in_memory.Digest("slot", 1);

        Assert.True(map.TryAdd(key, 1));
        Assert.False(map.TryAdd(key, 2));
        map.Set(key, 3);
        map.Set(Ballots_in_memory.Digest("slot", 2), 4);

        Assert.Equal(2, map.Count);
        Assert.True(map.TryGetValue(key, out int value));
        Assert.Equal(3, value);
        Assert.False(map.TryGetValue(Ballots_in_memory.Digest("slot", 3), out _));
    }

    [Fact]
    public void A_negative_capacity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestMap<int>().EnsureCapacity(-1));
    }
}
