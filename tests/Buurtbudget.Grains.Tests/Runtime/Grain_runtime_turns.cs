using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Tests.Runtime;

public sealed class Grain_runtime_turns : IAsyncLifetime
{
    private readonly CounterWorld _world = new();
    private readonly GrainRuntime _runtime;

    public Grain_runtime_turns()
    {
        _runtime = new GrainRuntime(TimeProvider.System, new GrainRuntimeOptions { CollectionPeriod = Timeout.InfiniteTimeSpan })
            .AddGrain<ICounterGrain, CounterGrain>(context => new CounterGrain(context, _world))
            .AddGrain<IReentrantCounterGrain, ReentrantCounterGrain>(context => new ReentrantCounterGrain(context, _world));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task Concurrent_calls_to_one_grain_never_overlap_and_lose_no_update()
    {
        var grain = _runtime.GetGrain<ICounterGrain>("a");
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await grain.IncrementSlowlyAsync();
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1000, await grain.GetAsync());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(0, _world.Overlaps);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_at_awaits_but_never_overlaps_turns()
    {
        var grain = _runtime.GetGrain<IReentrantCounterGrain>("r");
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var waiting = grain.WaitAsync(entered, release.Task);
        await entered.Task;

        // The first call is parked at an await; a reentrant grain still serves others meanwhile.
        var increments = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(grain.IncrementSlowlyAsync)));
        Assert.False(waiting.IsCompleted);
        release.SetResult();
        await waiting;

        Assert.Equal(0, _world.Overlaps);
        Assert.Equal(200, increments.Length);
    }

    [Fact]
    public async Task A_non_reentrant_grain_runs_one_whole_call_at_a_time()
    {
        var grain = _runtime.GetGrain<ICounterGrain>("n");
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var waiting = grain.WaitAsync(entered, release.Task);
        await entered.Task;
        var second = grain.WaitAsync(new TaskCompletionSource(), Task.CompletedTask);
        var other = await _runtime.GetGrain<ICounterGrain>("someone-else").IncrementSlowlyAsync();

        Assert.Equal(1, other);
        Assert.False(second.IsCompleted);
        release.SetResult();
        await Task.WhenAll(waiting, second);
        Assert.Equal(["wait started", "wait ended", "wait started", "wait ended"], _world.Log.Where(l => l.StartsWith("wait", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Different_grains_run_in_parallel()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var blocked = _runtime.GetGrain<ICounterGrain>("blocked").WaitAsync(entered, release.Task);
        await entered.Task;

        Assert.Equal(1, await _runtime.GetGrain<ICounterGrain>("free").IncrementSlowlyAsync());
        release.SetResult();
        await blocked;
    }

    [Fact]
    public async Task A_grains_exception_reaches_the_caller_as_itself_and_the_grain_keeps_serving()
    {
        var grain = _runtime.GetGrain<ICounterGrain>("f");
        await grain.IncrementSlowlyAsync();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => grain.FailAsync("no such project"));
        Assert.Equal("no such project", exception.Message);
        Assert.Equal(1, await grain.GetAsync());
        Assert.Equal(1, await grain.ValueGetAsync());
    }

    [Fact]
    public void Grain_interfaces_with_synchronous_methods_are_refused_at_registration()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            _runtime.AddGrain<IBadGrain, BadGrain>(_ => new BadGrain()));
        Assert.Contains("NotAsynchronous", exception.Message, StringComparison.Ordinal);
    }

    private sealed class BadGrain : IBadGrain
    {
        public int NotAsynchronous() => 0;
    }
}
