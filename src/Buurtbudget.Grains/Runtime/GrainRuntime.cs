using System.Collections.Concurrent;

namespace Buurtbudget.Grains.Runtime;

/// <summary>
/// The in-process grain runtime: a directory of activations, activation on first call, one turn at a time per
/// activation, idle collection. It stands in for the Orleans silo (Orleans' runtime packages are not available
/// here); grain classes only see <see cref="IGrainFactory"/>, <see cref="IGrainContext"/> and
/// <see cref="IGrainBase"/>, so moving to Orleans replaces this class and the hosting code, not the grains.
/// </summary>
public sealed class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, GrainRegistration> _registrations = new();
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ConcurrentDictionary<GrainId, object> _references = new();
    private readonly GrainRuntimeOptions _options;
    private readonly ITimer? _collector;
    private bool _disposed;

    public GrainRuntime(TimeProvider timeProvider, GrainRuntimeOptions? options = null)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options ?? new GrainRuntimeOptions();
        if (_options.CollectionPeriod != Timeout.InfiniteTimeSpan)
        {
            _collector = timeProvider.CreateTimer(
                _ => _ = CollectIdleAsync(), null, _options.CollectionPeriod, _options.CollectionPeriod);
        }
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>Raised when a grain's deactivation hook threw; the activation is gone regardless.</summary>
    public event Action<string, Exception>? DeactivationFailed;

    /// <summary>How many activations are live, for tests and metrics.</summary>
    public int ActivationCount => _activations.Count;

    public GrainRuntime AddGrain<TGrainInterface, TGrain>(Func<IGrainContext, TGrain> create)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : class, TGrainInterface
    {
        ArgumentNullException.ThrowIfNull(create);
        GrainInterface.Validate(typeof(TGrainInterface));
        if (!_registrations.TryAdd(typeof(TGrainInterface), new GrainRegistration(typeof(TGrain), context => create(context))))
        {
            throw new InvalidOperationException($"A grain class is already registered for {typeof(TGrainInterface).Name}.");
        }
        return this;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!_registrations.ContainsKey(typeof(TGrainInterface)))
        {
            throw new InvalidOperationException($"No grain class is registered for {typeof(TGrainInterface).Name}.");
        }
        var id = new GrainId(typeof(TGrainInterface), key);
        return (TGrainInterface)_references.GetOrAdd(id, static (id, runtime) => GrainReference.Create<TGrainInterface>(runtime, id), this);
    }

    /// <summary>Deactivates every activation that has had no call for <see cref="GrainRuntimeOptions.IdleAfter"/>.</summary>
    public async Task CollectIdleAsync()
    {
        var idleSince = TimeProvider.GetUtcNow() - _options.IdleAfter;
        var deactivations = _activations.Values
            .Select(activation => activation.TryDeactivateIdle(idleSince, DeactivationReason.Idle))
            .OfType<Task>()
            .ToList();
        await Task.WhenAll(deactivations);
    }

    internal async Task<T> InvokeAsync<T>(GrainId id, Func<object, Task<T>> call)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var activation = _activations.GetOrAdd(id, static (id, runtime) => runtime.NewActivation(id), this);
            if (!activation.TryEnter())
            {
                // The old activation is finishing; its successor must not load state before it has let go.
                await activation.Deactivated;
                continue;
            }
            try
            {
                return await activation.RunAsync(call);
            }
            finally
            {
                activation.Exit();
            }
        }
    }

    internal void Forget(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));

    internal void ReportDeactivationFailure(GrainId id, Exception exception) =>
        DeactivationFailed?.Invoke(id.ToString(), exception);

    private GrainActivation NewActivation(GrainId id) => new(this, id, _registrations[id.Interface]);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
        // Shut down gracefully: each activation finishes its calls in flight, then runs its deactivation hook.
        foreach (var activation in _activations.Values)
        {
            activation.RequestDeactivation(DeactivationReason.Shutdown);
        }
        await Task.WhenAll(_activations.Values.Select(activation => activation.Deactivated));
    }

    private static class GrainInterface
    {
        public static void Validate(Type grainInterface)
        {
            if (!grainInterface.IsInterface || !grainInterface.IsPublic)
            {
                throw new ArgumentException($"{grainInterface.Name} must be a public interface.");
            }
            foreach (var method in grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods())))
            {
                if (!GrainReference.IsAwaitable(method.ReturnType))
                {
                    throw new ArgumentException(
                        $"{grainInterface.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>: grain calls are asynchronous messages.");
                }
            }
        }
    }
}
