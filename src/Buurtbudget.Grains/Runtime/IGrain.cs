namespace Buurtbudget.Grains.Runtime;

/// <summary>Marks a grain interface. Named as in Orleans so grain code reads the same on either runtime.</summary>
#pragma warning disable CA1040 // Marker interfaces are the Orleans shape we keep on purpose.
public interface IGrain;

/// <summary>A grain addressed by a string key, such as a neighbourhood id.</summary>
public interface IGrainWithStringKey : IGrain;
#pragma warning restore CA1040
