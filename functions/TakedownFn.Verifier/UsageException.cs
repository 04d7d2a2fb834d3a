namespace TakedownFn.Verifier;

/// <summary>The command line, or a file or key it names, cannot be used: exit code 2, not a verdict.</summary>
internal sealed class UsageException(string message) : Exception(message);
