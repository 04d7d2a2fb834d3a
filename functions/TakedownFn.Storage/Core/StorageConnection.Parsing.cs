using Azure.Identity;

namespace TakedownFn.Storage.Core;

public sealed partial class StorageConnection
{
    /// <summary>The Functions host's storage setting; identity-based forms use it as a prefix.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    private static readonly string[] KnownConnectionStringKeys =
    [
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName",
        "AccountKey", "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
    ];

    /// <summary>
    /// Parses a storage connection string: <c>UseDevelopmentStorage=true</c>, or
    /// <c>AccountName</c>/<c>AccountKey</c> with explicit endpoints or an endpoint suffix.
    /// </summary>
    /// <exception cref="StorageConfigurationException">The string cannot be used; the message names the part.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException("The storage connection string is empty.");
        }

        var parts = SplitConnectionString(connectionString);
        if (parts.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!string.Equals(useDev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageConfigurationException("UseDevelopmentStorage must be 'true' when present.");
            }

            if (!parts.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
            {
                return ForAzurite();
            }

            var proxyUri = ParseEndpoint("DevelopmentStorageProxyUri", proxy);
            return ForAzurite(proxyUri.Host);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new StorageConfigurationException("SharedAccessSignature connection strings are not supported; use an account key or a managed identity.");
        }

        var accountName = Required(parts, "AccountName");
        var accountKey = Required(parts, "AccountKey");
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("https" or "http"))
        {
            throw new StorageConfigurationException($"DefaultEndpointsProtocol must be 'https' or 'http', not '{protocol}'.");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string key, string service) => parts.TryGetValue(key, out var value)
            ? ParseEndpoint(key, value)
            : new Uri($"{protocol}://{accountName}.{service}.{suffix}");

        return new StorageConnection(
            accountName,
            Endpoint("BlobEndpoint", "blob"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("TableEndpoint", "table"),
            new StorageSharedKeyCredential(accountName, accountKey));
    }

    /// <summary>
    /// Reads storage settings the way the Functions host does: <c>{name}</c> as a connection string,
    /// or identity-based <c>{name}__accountName</c> / <c>{name}__blobServiceUri</c>,
    /// <c>{name}__queueServiceUri</c>, <c>{name}__tableServiceUri</c> with an optional
    /// <c>{name}__clientId</c> for a user-assigned managed identity.
    /// </summary>
    /// <param name="getSetting">Looks a setting up by name (configuration or environment).</param>
    /// <param name="name">The connection name; the Functions default is <c>AzureWebJobsStorage</c>.</param>
    public static StorageConnection FromSettings(Func<string, string?> getSetting, string name = DefaultSettingName)
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
        var clientId = getSetting($"{name}__clientId");
        var credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new StorageConnection(
            string.IsNullOrWhiteSpace(accountName) ? AccountNameOf(blobUri) : accountName,
            blobUri,
            queueUri,
            tableUri,
            credential);
    }

    private static Dictionary<string, string> SplitConnectionString(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var eq = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // Say where, not what: the segment may be (part of) the key.
                throw new StorageConfigurationException($"Segment {i + 1} of the storage connection string is not 'Name=value'.");
            }

            var key = segments[i][..eq].Trim();
            if (!KnownConnectionStringKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && !key.Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
            {
                // A stray key fragment can look like 'Name=value' (base64 ends in '='): name the
                // part only when it looks like a setting name.
                throw new StorageConfigurationException(key.Length <= 32 && key.All(char.IsAsciiLetter)
                    ? $"The storage connection string has an unknown part '{key}'."
                    : $"Segment {i + 1} of the storage connection string is not a known 'Name=value' part.");
            }

            if (!parts.TryAdd(key, segments[i][(eq + 1)..].Trim()))
            {
                throw new StorageConfigurationException($"The storage connection string sets '{key}' twice.");
            }
        }

        return parts;
    }

    private static string Required(Dictionary<string, string> parts, string key) =>
        parts.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new StorageConfigurationException($"The storage connection string has no '{key}'.");

    private static Uri ParseEndpoint(string setting, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StorageConfigurationException($"'{setting}' is not an absolute http(s) URI.");
        }

        return uri;
    }

    /// <summary>Account name from a service URI: path-style (Azurite) or the host's first label.</summary>
    private static string AccountNameOf(Uri endpoint)
    {
        var firstSegment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
        return endpoint.IsLoopback && firstSegment.Length > 0 ? firstSegment : endpoint.Host.Split('.')[0];
    }
}
