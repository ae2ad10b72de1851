namespace Buurtbudget.Grains.Runtime;

/// <summary>How to make a grain for an interface, and whether its calls may interleave.</summary>
internal sealed record GrainRegistration(Type GrainClass, Func<IGrainContext, object> Create)
{
    public bool IsReentrant { get; } = GrainClass.IsDefined(typeof(ReentrantAttribute), inherit: false);
}
