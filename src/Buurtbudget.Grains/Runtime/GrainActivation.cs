namespace Buurtbudget.Grains.Runtime;

/// <summary>
/// One live instance of a grain. All of its code runs on its own exclusive scheduler, so two pieces of grain code
/// never run at the same time (a turn); a non-reentrant grain additionally runs one whole call at a time.
/// </summary>
internal sealed class GrainActivation : IGrainContext
{
    private readonly GrainRuntime _runtime;
    private readonly GrainRegistration _registration;
    private readonly TaskScheduler _scheduler = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private readonly SemaphoreSlim? _oneCallAtATime;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private object? _grain;
    private Task? _activated;
    private int _callsInFlight;
    private bool _deactivationRequested;
    private bool _deactivating;
    private DeactivationReason _deactivationReason = DeactivationReason.Requested;
    private DateTimeOffset _lastCallEnded;

    public GrainActivation(GrainRuntime runtime, GrainId id, GrainRegistration registration)
    {
        _runtime = runtime;
        Id = id;
        _registration = registration;
        _oneCallAtATime = registration.IsReentrant ? null : new SemaphoreSlim(1, 1);
        _lastCallEnded = runtime.TimeProvider.GetUtcNow();
    }

    public GrainId Id { get; }

    public string Key => Id.Key;

    public IGrainFactory GrainFactory => _runtime;

    /// <summary>Completes when this activation is gone and a new one may start.</summary>
    public Task Deactivated => _deactivated.Task;

    public void DeactivateOnIdle() => RequestDeactivation(DeactivationReason.Requested);

    public void RequestDeactivation(DeactivationReason reason)
    {
        bool now;
        lock (_lock)
        {
            _deactivationRequested = true;
            _deactivationReason = reason;
            now = _callsInFlight == 0 && !_deactivating;
            _deactivating |= now;
        }
        if (now)
        {
            _ = DeactivateAsync(reason);
        }
    }

    /// <summary>Admits a call unless this activation is on its way out.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_deactivating)
            {
                return false;
            }
            _callsInFlight++;
            return true;
        }
    }

    public void Exit()
    {
        bool deactivate;
        lock (_lock)
        {
            _callsInFlight--;
            _lastCallEnded = _runtime.TimeProvider.GetUtcNow();
            deactivate = _callsInFlight == 0 && _deactivationRequested && !_deactivating;
            _deactivating |= deactivate;
        }
        if (deactivate)
        {
            _ = DeactivateAsync(_deactivationReason);
        }
    }

    /// <summary>Starts deactivation if no call is in flight and none arrived since <paramref name="idleSince"/>.</summary>
    public Task? TryDeactivateIdle(DateTimeOffset idleSince, DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_deactivating || _callsInFlight > 0 || _lastCallEnded > idleSince)
            {
                return null;
            }
            _deactivating = true;
        }
        return DeactivateAsync(reason);
    }

    public Task<T> RunAsync<T>(Func<object, Task<T>> call) =>
        Task.Factory.StartNew(() => RunOnSchedulerAsync(call), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap();

    private async Task<T> RunOnSchedulerAsync<T>(Func<object, Task<T>> call)
    {
        // Both awaits resume on this activation's scheduler: awaiting captures TaskScheduler.Current.
        if (_oneCallAtATime is not null)
        {
            await _oneCallAtATime.WaitAsync();
        }
        try
        {
            _activated ??= ActivateAsync();
            await _activated;
            return await call(_grain!);
        }
        finally
        {
            _oneCallAtATime?.Release();
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            var grain = _registration.Create(this);
            if (grain is IGrainBase lifecycle)
            {
                await lifecycle.OnActivateAsync(CancellationToken.None);
            }
            _grain = grain;
        }
        catch
        {
            // A grain that failed to activate must not serve anyone: the next call starts a fresh activation.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        try
        {
            if (_grain is IGrainBase lifecycle)
            {
                await Task.Factory.StartNew(
                    () => lifecycle.OnDeactivateAsync(reason, CancellationToken.None),
                    CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap();
            }
        }
        catch (Exception exception)
        {
            _runtime.ReportDeactivationFailure(Id, exception);
        }
        finally
        {
            _runtime.Forget(this);
            _deactivated.TrySetResult();
        }
    }
}
