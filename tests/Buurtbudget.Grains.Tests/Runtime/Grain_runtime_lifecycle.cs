using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Tests.Runtime;

public sealed class Grain_runtime_lifecycle : IAsyncLifetime
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);
    private readonly CounterWorld _world = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly GrainRuntime _runtime;

    public Grain_runtime_lifecycle()
    {
        _runtime = new GrainRuntime(_clock, new GrainRuntimeOptions { IdleAfter = IdleAfter, CollectionPeriod = Timeout.InfiniteTimeSpan })
            .AddGrain<ICounterGrain, CounterGrain>(context => new CounterGrain(context, _world));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task A_grain_activates_once_on_its_first_calls()
    {
        var grain = _runtime.GetGrain<ICounterGrain>("a");
        Assert.Equal(0, _world.Activations);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(grain.GetAsync)));

        Assert.Equal(1, _world.Activations);
        Assert.Equal(1, _runtime.ActivationCount);
    }

    [Fact]
    public async Task A_deactivated_grain_is_reactivated_by_the_next_call_with_its_stored_state()
    {
        var grain = _runtime.GetGrain<ICounterGrain>("a");
        await grain.IncrementSlowlyAsync();
        await grain.IncrementSlowlyAsync();
        await grain.DeactivateAsync();
        await WaitForDeactivations(1);

        Assert.Equal(0, _runtime.ActivationCount);
        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(2, _world.Activations);
    }

    [Fact]
    public async Task Idle_grains_are_deactivated_and_busy_ones_are_kept()
    {
        var idle = _runtime.GetGrain<ICounterGrain>("idle");
        var busy = _runtime.GetGrain<ICounterGrain>("busy");
        await idle.IncrementSlowlyAsync();
        _clock.Advance(IdleAfter - TimeSpan.FromMinutes(1));
        await busy.IncrementSlowlyAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));

        await _runtime.CollectIdleAsync();

        Assert.Equal(1, _world.Deactivations);
        Assert.Contains("deactivated idle", _world.Log);
        Assert.DoesNotContain("deactivated busy", _world.Log);
        Assert.Equal(1, _runtime.ActivationCount);
    }

    [Fact]
    public async Task A_grain_that_fails_to_activate_fails_the_call_and_the_next_call_activates_afresh()
    {
        _world.FailNextActivation = true;
        var grain = _runtime.GetGrain<ICounterGrain>("a");

        await Assert.ThrowsAsync<InvalidOperationException>(grain.GetAsync);
        await WaitUntil(() => _runtime.ActivationCount == 0);

        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal(2, _world.Activations);
    }

    [Fact]
    public async Task A_new_activation_waits_until_the_old_one_has_finished_deactivating()
    {
        var grain = _runtime.GetGrain<ICounterGrain>("a");
        await grain.IncrementSlowlyAsync();
        var gate = new TaskCompletionSource();
        _world.DeactivationGate = gate.Task;
        await grain.DeactivateAsync();
        await WaitUntil(() => _world.Log.Contains("deactivating a Requested"));

        var next = grain.GetAsync();
        Assert.False(next.IsCompleted);
        gate.SetResult();

        Assert.Equal(1, await next);
        var log = _world.Log.ToList();
        Assert.True(log.IndexOf("deactivated a") < log.LastIndexOf("activate a"), string.Join(", ", log));
    }

    [Fact]
    public async Task Shutting_down_deactivates_every_grain_once()
    {
        await _runtime.GetGrain<ICounterGrain>("a").IncrementSlowlyAsync();
        await _runtime.GetGrain<ICounterGrain>("b").IncrementSlowlyAsync();

        await _runtime.DisposeAsync();

        Assert.Equal(2, _world.Deactivations);
        Assert.Equal(1, _world.Stored["a"]);
        Assert.Contains("deactivating b Shutdown", _world.Log);
    }

    private Task WaitForDeactivations(int count) => WaitUntil(() => Volatile.Read(ref _world.Deactivations) >= count && _runtime.ActivationCount == 0);

    // Deactivation finishes on its own scheduler after the call returned; poll a condition, bounded, no fixed sleep.
    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Yield();
            if (i > 1000)
            {
                await Task.Delay(1);
            }
        }
        Assert.True(condition(), "the condition did not become true");
    }
}
