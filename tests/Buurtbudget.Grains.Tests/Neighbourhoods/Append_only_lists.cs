using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// The ballot box's lists hand a snapshot the items so far without copying them, while the grain goes on appending:
/// a prefix must keep exactly what it was taken with, on whatever thread it is read.
/// </summary>
public sealed class Append_only_lists
{
    private const int Chunk = AppendOnlyList<int>.ChunkSize;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(3 * Chunk + 17)]
    public void A_prefix_keeps_the_items_it_was_taken_with_while_the_list_grows(int taken)
    {
        var list = Filled(taken);

        var prefix = list.Take();
        for (int i = taken; i < taken + 5 * Chunk; i++)
        {
            list.Add(-i); // other values than the prefix holds, so a prefix that saw them would fail below
        }

        Assert.Equal(taken, prefix.Count);
        Assert.Equal(Enumerable.Range(0, taken), prefix);
        Assert.Equal(Enumerable.Range(0, taken), Enumerable.Range(0, taken).Select(i => prefix[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => prefix[taken]);
        Assert.Equal(taken + 5 * Chunk, list.Count);
        Assert.Equal(-taken, list[taken]);
    }

    [Fact]
    public async Task A_prefix_read_on_another_thread_sees_its_items_while_the_owner_appends()
    {
        const int atStart = 3, appended = 20 * Chunk;
        var list = Filled(atStart);
        var prefixes = new List<AppendOnlyList<int>.Prefix>();
        using var bothReady = new Barrier(2);

        // The reader starts on prefixes taken before and during the appends; each must read 0..Count-1 throughout.
        var reader = Task.Run(() =>
        {
            bothReady.SignalAndWait();
            int checkedPrefixes = 0;
            while (true)
            {
                AppendOnlyList<int>.Prefix[] now;
                lock (prefixes)
                {
                    now = [.. prefixes];
                }
                foreach (var prefix in now)
                {
                    int expected = 0;
                    foreach (int item in prefix)
                    {
                        Assert.Equal(expected++, item);
                    }
                    Assert.Equal(prefix.Count, expected);
                }
                checkedPrefixes = now.Length;
                if (now.Length > 0 && now[^1].Count == atStart + appended)
                {
                    return checkedPrefixes;
                }
            }
        });

        lock (prefixes)
        {
            prefixes.Add(list.Take());
        }
        bothReady.SignalAndWait();
        for (int i = atStart; i < atStart + appended; i++)
        {
            list.Add(i);
            if (i % 997 == 0 || i == atStart + appended - 1)
            {
                lock (prefixes)
                {
                    prefixes.Add(list.Take());
                }
            }
        }

        Assert.Equal(prefixes.Count, await reader.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    private static AppendOnlyList<int> Filled(int count)
    {
        var list = new AppendOnlyList<int>();
        for (int i = 0; i < count; i++)
        {
            list.Add(i);
        }
        return list;
    }
}
