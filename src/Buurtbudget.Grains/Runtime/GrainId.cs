namespace Buurtbudget.Grains.Runtime;

/// <summary>A grain's identity: its interface and its key (for example <c>INeighbourhoodGrain</c> + <c>oost</c>).</summary>
internal readonly record struct GrainId(Type Interface, string Key)
{
    public override string ToString() => $"{Interface.Name}/{Key}";
}
