namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// A dictionary keyed by ballot digests, kept as <see cref="ShardCount"/> dictionaries chosen by the key's hash, so
/// that growing it rehashes one shard at a time.
/// </summary>
/// <remarks>
/// A <see cref="Dictionary{TKey, TValue}"/> that doubles rehashes every entry inside the turn that adds one entry too
/// many: at 36,000 and 75,000 ballots that took 7-23 ms, in the tentative and again in the confirmed box, while every
/// ballot queued behind the turn waited (docs/performance.md, session 9). Sizing the indexes by the census avoided it
/// only where there is a census, and cost the memory of every enrolled voter whether they voted or not. A shard
/// holds about 1/64 of the entries, so its doubling costs about 1/64 as much. Digests are uniform and
/// <see cref="BallotDigest.GetHashCode"/> is seeded per process, so nobody can pick keys that crowd one shard.
/// </remarks>
internal sealed class DigestMap<TValue>
{
    private const int ShardBits = 6;
    public const int ShardCount = 1 << ShardBits;

    private readonly Dictionary<BallotDigest, TValue>[] _shards = new Dictionary<BallotDigest, TValue>[ShardCount];

    public DigestMap()
    {
        for (int i = 0; i < ShardCount; i++)
        {
            _shards[i] = [];
        }
    }

    public int Count { get; private set; }

    public bool ContainsKey(BallotDigest key) => Shard(key).ContainsKey(key);

    public bool TryGetValue(BallotDigest key, out TValue value) => Shard(key).TryGetValue(key, out value!);

    /// <summary>Adds the entry unless the key is there already; says whether it was added.</summary>
    public bool TryAdd(BallotDigest key, TValue value)
    {
        if (!Shard(key).TryAdd(key, value))
        {
            return false;
        }
        Count++;
        return true;
    }

    /// <summary>Adds the entry, or replaces the value of a key that is there already.</summary>
    public void Set(BallotDigest key, TValue value)
    {
        var shard = Shard(key);
        int before = shard.Count;
        shard[key] = value;
        Count += shard.Count - before;
    }

    /// <summary>Room for <paramref name="count"/> entries in all, spread as the hash spreads them (with a margin, so a
    /// shard a little fuller than the average still does not grow).</summary>
    public void EnsureCapacity(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int perShard = count / ShardCount;
        int withMargin = perShard + perShard / 8 + 16;
        foreach (var shard in _shards)
        {
            shard.EnsureCapacity(withMargin);
        }
    }

    // The top bits choose the shard; the dictionary inside uses the whole hash modulo a prime, so the bits the
    // shard shares do not crowd its buckets.
    private Dictionary<BallotDigest, TValue> Shard(BallotDigest key) => _shards[(uint)key.GetHashCode() >> (32 - ShardBits)];
}
