namespace Buurtbudget.Ledger.Tests;

/// <summary>Unique database names, so every test gets a fresh database in the shared cluster.</summary>
internal static class TestDatabases
{
    private static int _next;

    public static string NewName(string prefix) => $"{prefix}_{Interlocked.Increment(ref _next)}";
}
