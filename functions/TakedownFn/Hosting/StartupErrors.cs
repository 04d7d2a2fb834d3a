using TakedownFn.Storage.Accounts;

namespace TakedownFn.Hosting;

/// <summary>Start-up failures whose message says everything: printed as one line, without a stack trace.</summary>
internal static class StartupErrors
{
    public static bool Try(Action register)
    {
        try
        {
            register();
            return true;
        }
        catch (StorageConfigurationException e)
        {
            // The message names the setting and the bad part (never a key).
            Console.Error.WriteLine($"TakedownFn cannot start: {e.Message}");
            return false;
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"TakedownFn cannot start: {message}");
        return 1;
    }
}
