namespace TakedownFn.Storage;
/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker;
