namespace Buurtbudget.Domain.Pabulib;

/// <summary>Hands out one string per distinct text. Voter columns such as <c>sex</c> or <c>age</c> repeat a
/// handful of values over 100,000 rows; sharing them keeps a large file's model small.</summary>
internal sealed class StringPool
{
    // Free-text columns would otherwise grow the pool without sharing anything.
    private const int MaxSize = 4096;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = text.ToString();
        if (_strings.Count < MaxSize)
        {
            _strings.Add(created);
        }

        return created;
    }
}
