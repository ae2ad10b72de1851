using System.Collections;
using System.Runtime.CompilerServices;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// A list that only ever grows, kept in chunks that are never moved once full, so that <see cref="Prefix"/> can hand
/// the items so far to another thread without copying them while the owner goes on appending.
/// </summary>
/// <remarks>
/// A snapshot of a ballot box with 100,000 ballots copied ~13 MB inside the grain's turn, and every ballot queued
/// behind that turn waited for the copy (docs/performance.md, session 9). Taking a prefix copies only the chunk
/// references. The first chunk starts small and doubles like a <see cref="List{T}"/> (a cycle with a handful of
/// ballots should not hold thousands of empty slots); every later chunk has <see cref="ChunkSize"/> items.
/// A prefix may be read on any thread while the owner appends: the items it covers are never written again, and a
/// chunk replaced by a bigger copy holds the same items.
/// </remarks>
internal sealed class AppendOnlyList<T> : IReadOnlyList<T>
{
    private const int ChunkShift = 12;
    public const int ChunkSize = 1 << ChunkShift;
    private const int FirstCapacity = 4;

    private T[][] _chunks = [];
    private int _chunkCount;
    private int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
        }
    }

    public void Add(T item)
    {
        int chunk = _count >> ChunkShift, offset = _count & (ChunkSize - 1);
        if (chunk == _chunkCount)
        {
            if (chunk == _chunks.Length)
            {
                // A new array of references: a prefix taken earlier keeps the old one, which still covers it.
                var chunks = new T[]?[Math.Max(4, 2 * _chunks.Length)];
                Array.Copy(_chunks, chunks, _chunkCount);
                _chunks = chunks!;
            }
            _chunks[chunk] = new T[chunk == 0 ? FirstCapacity : ChunkSize];
            _chunkCount++;
        }
        else if (offset == _chunks[chunk].Length)
        {
            // Only the first chunk grows; a reader that still has the smaller array finds the same items in it.
            var bigger = new T[Math.Min(ChunkSize, 2 * offset)];
            Array.Copy(_chunks[chunk], bigger, offset);
            _chunks[chunk] = bigger;
        }
        _chunks[chunk][offset] = item;
        _count++;
    }

    /// <summary>The items added so far, as they will stay: later appends do not show in it.</summary>
    public Prefix Take() => new(_chunks, _count);

    public Enumerator GetEnumerator() => Take().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The first <see cref="Count"/> items of an <see cref="AppendOnlyList{T}"/> at the moment it was taken.</summary>
    public readonly struct Prefix : IReadOnlyList<T>
    {
        private readonly T[][]? _chunks;

        internal Prefix(T[][] chunks, int count)
        {
            _chunks = chunks;
            Count = count;
        }

        public int Count { get; }

        public T this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
                return _chunks![index >> ChunkShift][index & (ChunkSize - 1)];
            }
        }

        public Enumerator GetEnumerator() => new(_chunks, Count);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[][]? _chunks;
        private readonly int _count;
        private int _index;

        internal Enumerator(T[][]? chunks, int count)
        {
            _chunks = chunks;
            _count = count;
            _index = -1;
        }

        public readonly T Current => _chunks![_index >> ChunkShift][_index & (ChunkSize - 1)];

        readonly object? IEnumerator.Current => Current;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext() => ++_index < _count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
