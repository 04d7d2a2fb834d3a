using Azure.Core;
using Azure.Identity;

namespace TakedownFn.Storage.Accounts;

public sealed partial class StorageAccount
{
    /// <summary>The Functions host's storage setting; identity-based forms use it as a prefix.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    /// <summary>
    /// Reads storage settings the way the Functions host's storage extensions do: <c>{name}</c> as a
    /// connection string, or identity-based <c>{name}__accountName</c> / <c>{name}__blobServiceUri</c>,
    /// <c>{name}__queueServiceUri</c>, <c>{name}__tableServiceUri</c>, with
    /// <c>{name}__credential=managedidentity</c> and an optional <c>{name}__clientId</c> for a
    /// managed identity (<see cref="ManagedIdentityCredential"/>), otherwise <see cref="DefaultAzureCredential"/>.
    /// </summary>
    /// <param name="getSetting">Looks a setting up by name (configuration or environment).</param>
    /// <param name="name">The connection name; the Functions default is <c>AzureWebJobsStorage</c>.</param>
    /// <exception cref="StorageConfigurationException">A setting cannot be used; the message names it.</exception>
    public static StorageAccount FromSettings(Func<string, string?> getSetting, string name = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var connectionString = getSetting(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return Parse(connectionString);
            }
            catch (StorageConfigurationException e)
            {
                throw new StorageConfigurationException($"Setting '{name}': {e.Message}", e);
            }
        }

        var accountName = getSetting($"{name}__accountName");
        var blob = getSetting($"{name}__blobServiceUri");
        var queue = getSetting($"{name}__queueServiceUri");
        var table = getSetting($"{name}__tableServiceUri");
        if (string.IsNullOrWhiteSpace(accountName) && blob is null && queue is null && table is null)
        {
            throw new StorageConfigurationException(
                $"No storage is configured: set '{name}' to a connection string, or '{name}__accountName' " +
                $"(or '{name}__blobServiceUri', '{name}__queueServiceUri' and '{name}__tableServiceUri') for a managed identity.");
        }

        Uri Endpoint(string? explicitUri, string setting, string service)
        {
            if (!string.IsNullOrWhiteSpace(explicitUri))
            {
                return ParseEndpoint($"{name}__{setting}", explicitUri);
            }

            if (string.IsNullOrWhiteSpace(accountName))
            {
                throw new StorageConfigurationException($"Setting '{name}__{setting}' is missing (or set '{name}__accountName').");
            }

            return new Uri($"https://{accountName}.{service}.core.windows.net");
        }

        var blobUri = Endpoint(blob, "blobServiceUri", "blob");
        var queueUri = Endpoint(queue, "queueServiceUri", "queue");
        var tableUri = Endpoint(table, "tableServiceUri", "table");
        return new StorageAccount(
            string.IsNullOrWhiteSpace(accountName) ? AccountNameOf(blobUri) : accountName,
            blobUri,
            queueUri,
            tableUri,
            connectionString: null,
            CredentialFrom(getSetting($"{name}__credential"), getSetting($"{name}__clientId"), name));
    }

    private static TokenCredential CredentialFrom(string? kind, string? clientId, string name)
    {
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            throw new StorageConfigurationException($"Setting '{name}__credential' must be 'managedidentity' when present.");
        }

        return string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    /// <summary>Account name from a service URI: path-style (Azurite) or the host's first label.</summary>
    private static string AccountNameOf(Uri endpoint)
    {
        var firstSegment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
        return endpoint.IsLoopback && firstSegment.Length > 0 ? firstSegment : endpoint.Host.Split('.')[0];
    }
}
