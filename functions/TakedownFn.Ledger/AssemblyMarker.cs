namespace TakedownFn.Ledger;
/// <summary>Marks the assembly.</summary>
internal static class AssemblyMarker;
