namespace Buurtbudget.Grains.Runtime;

/// <summary>
/// Lets calls to this grain interleave at their awaits, as Orleans' <c>[Reentrant]</c>. Turns still never overlap:
/// code between two awaits runs alone. A reentrant grain must leave its state consistent before every await.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
