namespace Buurtbudget.Grains.Runtime;

/// <summary>Lifecycle hooks, as Orleans' <c>IGrainBase</c>: both run as turns of the activation.</summary>
public interface IGrainBase
{
    /// <summary>Runs before the first call is delivered. If it throws, the call fails and nothing stays activated.</summary>
    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after the last call of this activation finished.</summary>
    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
