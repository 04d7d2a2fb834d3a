namespace TakedownFn.Domain;
/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker;
