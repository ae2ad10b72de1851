namespace Buurtbudget.Domain.Pabulib;

/// <summary>One <c>key;value</c> line of the META section.</summary>
/// <param name="Key">The key, without surrounding spaces.</param>
/// <param name="Value">The value exactly as written, or null where the file says <c>none</c>.</param>
public sealed record PabulibMetaEntry(string Key, string? Value);
