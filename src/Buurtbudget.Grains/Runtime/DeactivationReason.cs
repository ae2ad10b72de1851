namespace Buurtbudget.Grains.Runtime;

public enum DeactivationReason
{
    /// <summary>No call arrived for longer than the idle timeout.</summary>
    Idle,

    /// <summary>The grain asked for it with <see cref="IGrainContext.DeactivateOnIdle"/>.</summary>
    Requested,

    /// <summary>The runtime is shutting down.</summary>
    Shutdown,
}
