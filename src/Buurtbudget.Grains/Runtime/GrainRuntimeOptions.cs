namespace Buurtbudget.Grains.Runtime;

public sealed record GrainRuntimeOptions
{
    /// <summary>An activation that received no call for this long is deactivated by the next collection.</summary>
    public TimeSpan IdleAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are collected; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan CollectionPeriod { get; init; } = TimeSpan.FromMinutes(1);
}
