using System.Collections.Concurrent;
using System.Reflection;

namespace Buurtbudget.Grains.Runtime;

/// <summary>
/// The object callers hold instead of the grain: every method call becomes a message to the grain's activation.
/// Built with <see cref="DispatchProxy"/>, where Orleans would use generated code.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives from this type at run time.
internal class GrainReference : DispatchProxy
#pragma warning restore CA1852
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainRuntime, GrainId, MethodInfo, object?[], object>> Dispatchers = new();

    private GrainRuntime _runtime = null!;
    private GrainId _id;

    public static TGrainInterface Create<TGrainInterface>(GrainRuntime runtime, GrainId id)
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._runtime = runtime;
        reference._id = id;
        return proxy;
    }

    public static bool IsAwaitable(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) ||
        (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    public override string ToString() => _id.ToString();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var dispatch = Dispatchers.GetOrAdd(targetMethod, BuildDispatcher);
        return dispatch(_runtime, _id, targetMethod, args ?? []);
    }

    private static Func<GrainRuntime, GrainId, MethodInfo, object?[], object> BuildDispatcher(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return (runtime, id, m, args) => runtime.InvokeAsync(id, grain => AsUnit(Call<Task>(grain, m, args)));
        }
        if (returnType == typeof(ValueTask))
        {
            return (runtime, id, m, args) => new ValueTask(runtime.InvokeAsync(id, grain => AsUnit(Call<ValueTask>(grain, m, args).AsTask())));
        }
        var result = returnType.GetGenericArguments()[0];
        var generic = returnType.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(DispatchTask) : nameof(DispatchValueTask);
        var typed = typeof(GrainReference).GetMethod(generic, BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(result);
        return typed.CreateDelegate<Func<GrainRuntime, GrainId, MethodInfo, object?[], object>>();
    }

    // Both return object so one delegate type serves every method; the ValueTask is boxed once per call.
#pragma warning disable CA1859
    private static object DispatchTask<T>(GrainRuntime runtime, GrainId id, MethodInfo method, object?[] args) =>
        runtime.InvokeAsync(id, grain => Call<Task<T>>(grain, method, args));

    private static object DispatchValueTask<T>(GrainRuntime runtime, GrainId id, MethodInfo method, object?[] args) =>
        new ValueTask<T>(runtime.InvokeAsync(id, grain => Call<ValueTask<T>>(grain, method, args).AsTask()));
#pragma warning restore CA1859

    // DoNotWrapExceptions: a grain's exception reaches the caller as itself, not as a TargetInvocationException.
    private static TTask Call<TTask>(object grain, MethodInfo method, object?[] args) =>
        (TTask)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null)!;

    private static async Task<bool> AsUnit(Task task)
    {
        await task;
        return true;
    }
}
