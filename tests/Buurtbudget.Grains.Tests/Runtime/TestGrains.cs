using System.Collections.Concurrent;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Tests.Runtime;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementSlowlyAsync();
    Task<int> GetAsync();
    Task WaitAsync(TaskCompletionSource entered, Task release);
    Task<string> FailAsync(string message);
    ValueTask<int> ValueGetAsync();
    ValueTask DeactivateAsync();
}

/// <summary>Shared "storage" and observations, so tests can see activations come and go.</summary>
internal sealed class CounterWorld
{
    public ConcurrentDictionary<string, int> Stored { get; } = new();
    public ConcurrentQueue<string> Log { get; } = new();
    public int Activations;
    public int Deactivations;
    public int Overlaps;
    public bool FailNextActivation;
    public Task DeactivationGate { get; set; } = Task.CompletedTask;
}

internal class CounterGrain(IGrainContext context, CounterWorld world) : ICounterGrain, IGrainBase
{
    private int _count;
    private int _inTurn;

    public Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref world.Activations);
        world.Log.Enqueue($"activate {context.Key}");
        if (world.FailNextActivation)
        {
            world.FailNextActivation = false;
            throw new InvalidOperationException("activation failed");
        }
        _count = world.Stored.GetValueOrDefault(context.Key);
        return Task.CompletedTask;
    }

    public async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        world.Log.Enqueue($"deactivating {context.Key} {reason}");
        await world.DeactivationGate;
        world.Stored[context.Key] = _count;
        Interlocked.Increment(ref world.Deactivations);
        world.Log.Enqueue($"deactivated {context.Key}");
    }

    public async Task<int> IncrementSlowlyAsync()
    {
        // Read, yield twice, write: a non-reentrant grain loses updates at once if two calls ever interleave,
        // and any grain counts an overlap if two turns (the code between awaits) ever run at the same time.
        var seen = Enter();
        Leave();
        await Task.Yield();
        Enter();
        Leave();
        await Task.Delay(0);
        Enter();
        _count = seen + 1;
        Leave();
        return _count;
    }

    private int Enter()
    {
        if (Interlocked.Exchange(ref _inTurn, 1) != 0)
        {
            Interlocked.Increment(ref world.Overlaps);
        }
        return _count;
    }

    private void Leave() => Volatile.Write(ref _inTurn, 0);

    public Task<int> GetAsync() => Task.FromResult(_count);

    public async Task WaitAsync(TaskCompletionSource entered, Task release)
    {
        world.Log.Enqueue("wait started");
        entered.SetResult();
        await release;
        world.Log.Enqueue("wait ended");
    }

    public Task<string> FailAsync(string message) => throw new ArgumentException(message);

    public ValueTask<int> ValueGetAsync() => ValueTask.FromResult(_count);

    public ValueTask DeactivateAsync()
    {
        context.DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}

public interface IReentrantCounterGrain : ICounterGrain;

[Reentrant]
internal sealed class ReentrantCounterGrain(IGrainContext context, CounterWorld world) : CounterGrain(context, world), IReentrantCounterGrain;

public interface IBadGrain : IGrainWithStringKey
{
    int NotAsynchronous();
}
