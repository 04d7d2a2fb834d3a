namespace TakedownFn.Storage.Accounts;

/// <summary>
/// Storage configuration that cannot be used. The message names the setting or the part of the
/// connection string that is wrong and never contains an account key.
/// </summary>
public sealed class StorageConfigurationException : Exception
{
    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConfigurationException()
    {
    }
}
