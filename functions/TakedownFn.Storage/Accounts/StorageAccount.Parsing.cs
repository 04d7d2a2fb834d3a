using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TakedownFn.Storage.Accounts;

public sealed partial class StorageAccount
{
    private static readonly string[] KnownConnectionStringKeys =
    [
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName",
        "AccountKey", "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
    ];

    /// <summary>
    /// Takes a storage connection string as the SDK clients read it (<c>UseDevelopmentStorage=true</c>,
    /// or <c>AccountName</c>/<c>AccountKey</c> with explicit endpoints or an endpoint suffix). The SDKs
    /// parse it; this only checks it first so that a bad one is refused at start-up with a message
    /// naming the bad part, where the SDKs would fail on first use or quote the string.
    /// </summary>
    /// <exception cref="StorageConfigurationException">The string cannot be used; the message names the part.</exception>
    public static StorageAccount Parse(string connectionString)
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

            if (parts.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
            {
                ParseEndpoint("DevelopmentStorageProxyUri", proxy);
            }
        }
        else
        {
            if (parts.ContainsKey("SharedAccessSignature"))
            {
                throw new StorageConfigurationException("SharedAccessSignature connection strings are not supported; use an account key or a managed identity.");
            }

            Required(parts, "AccountName");
            Required(parts, "AccountKey");
            var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            if (protocol is not ("https" or "http"))
            {
                throw new StorageConfigurationException($"DefaultEndpointsProtocol must be 'https' or 'http', not '{protocol}'.");
            }

            foreach (var key in new[] { "BlobEndpoint", "QueueEndpoint", "TableEndpoint" })
            {
                if (parts.TryGetValue(key, out var value))
                {
                    ParseEndpoint(key, value);
                }
            }
        }

        try
        {
            var tables = new TableServiceClient(connectionString);
            var queues = new QueueServiceClient(connectionString);
            var blobs = new BlobServiceClient(connectionString);
            return new StorageAccount(blobs.AccountName, blobs.Uri, queues.Uri, tables.Uri, connectionString, credential: null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDKs' messages may quote the string; name the account and the kind of failure only.
            var account = parts.GetValueOrDefault("AccountName", DevelopmentAccountName);
            throw new StorageConfigurationException(
                $"The storage connection string of account '{account}' is refused by the storage clients ({e.GetType().Name}); check that AccountKey is the base64 key.", e);
        }
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

    private static void Required(Dictionary<string, string> parts, string key)
    {
        if (!parts.TryGetValue(key, out var value) || value.Length == 0)
        {
            throw new StorageConfigurationException($"The storage connection string has no '{key}'.");
        }
    }

    private static Uri ParseEndpoint(string setting, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StorageConfigurationException($"'{setting}' is not an absolute http(s) URI.");
        }

        return uri;
    }
}
