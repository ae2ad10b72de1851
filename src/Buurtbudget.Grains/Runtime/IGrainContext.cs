namespace Buurtbudget.Grains.Runtime;

/// <summary>What a grain knows about its own activation.</summary>
public interface IGrainContext
{
    /// <summary>The key the grain was addressed by.</summary>
    string Key { get; }

    IGrainFactory GrainFactory { get; }

    /// <summary>
    /// Ends this activation once the calls in flight have finished; the next call activates a fresh one, which
    /// rebuilds its state from storage. Grains call this when their memory may disagree with storage.
    /// </summary>
    void DeactivateOnIdle();
}
