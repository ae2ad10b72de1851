namespace Buurtbudget.Grains.Tests;

/// <summary>Tests that weigh the heap run alone: another test's objects would count as theirs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurements
{
    public const string Name = "Measures the heap";
}
