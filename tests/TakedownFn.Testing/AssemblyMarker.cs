namespace TakedownFn.Testing;
/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker;
