namespace Buurtbudget.Domain.Pabulib;

/// <summary>Readable renderings for <c>ToString</c>, so a failed comparison shows the values that differ.</summary>
internal static class PabulibText
{
    public static string List(IEnumerable<string?> items) =>
        items is System.Collections.Immutable.ImmutableArray<string?> { IsDefault: true }
            ? "[]"
            : "[" + string.Join(", ", items.Select(i => i is null ? "none" : $"\"{i}\"")) + "]";
}
