using System.Collections.Immutable;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>Element-wise equality for the immutable arrays inside the Pabulib records:
/// <see cref="ImmutableArray{T}"/> itself only compares the reference to the underlying array.</summary>
internal static class SequenceEquality
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right)
        where T : IEquatable<T>? =>
        left.AsSpan().SequenceEqual(right.AsSpan());

    public static bool Equal<T>(ImmutableArray<T>? left, ImmutableArray<T>? right)
        where T : IEquatable<T>? =>
        left.HasValue == right.HasValue && (!left.HasValue || Equal(left.Value, right!.Value));

    /// <summary>A hash over length and the first and last element: cheap for 100,000 ballots,
    /// and consistent with <see cref="Equal{T}(ImmutableArray{T}, ImmutableArray{T})"/>.</summary>
    public static int Hash<T>(ImmutableArray<T> items)
    {
        var span = items.AsSpan();
        return span.IsEmpty
            ? 0
            : HashCode.Combine(span.Length, span[0], span[^1]);
    }
}
