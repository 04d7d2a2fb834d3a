namespace TakedownFn.Functions;

/// <summary>
/// The Functions host's own switch for one function, honoured by the standalone host too: the app
/// setting <c>AzureWebJobs.{Name}.Disabled</c> = <c>true</c> (in an environment variable, where dots
/// cannot stand, <c>AzureWebJobs__{Name}__Disabled</c>) keeps that trigger from running. Messages
/// stay on their queue and are handled once the function is enabled again.
/// </summary>
internal static class FunctionSwitches
{
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        IsTrue(configuration[$"AzureWebJobs.{functionName}.Disabled"])
        || IsTrue(configuration[$"AzureWebJobs{ConfigurationPath.KeyDelimiter}{functionName}{ConfigurationPath.KeyDelimiter}Disabled"]);

    private static bool IsTrue(string? value) => bool.TryParse(value, out var disabled) && disabled;
}
