using Azure.Core;

namespace TakedownFn.Storage.Core;

/// <summary>
/// Where the storage account is and how to authenticate to it: either a shared key (connection
/// strings, Azurite) or an Entra ID token credential (managed identity in Azure).
/// </summary>
public sealed partial class StorageConnection
{
    /// <summary>The well-known Azurite account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public StorageConnection(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, StorageSharedKeyCredential sharedKey)
        : this(accountName, blobEndpoint, queueEndpoint, tableEndpoint)
    {
        SharedKey = sharedKey ?? throw new ArgumentNullException(nameof(sharedKey));
    }

    public StorageConnection(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential tokenCredential)
        : this(accountName, blobEndpoint, queueEndpoint, tableEndpoint)
    {
        TokenCredential = tokenCredential ?? throw new ArgumentNullException(nameof(tokenCredential));
    }

    private StorageConnection(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
    }

    public string AccountName { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    /// <summary>Set for connection strings; null when a token credential is used.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>Set for identity-based connections; null when a shared key is used.</summary>
    public TokenCredential? TokenCredential { get; }

    public Uri EndpointFor(StorageService service) => service switch
    {
        StorageService.Blob => BlobEndpoint,
        StorageService.Queue => QueueEndpoint,
        StorageService.Table => TableEndpoint,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>Azurite's endpoints on the given host and ports, with the well-known account.</summary>
    public static StorageConnection ForAzurite(string host = "127.0.0.1", int blobPort = 10000, int queuePort = 10001, int tablePort = 10002) =>
        new(
            DevelopmentAccountName,
            new Uri($"http://{host}:{blobPort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{queuePort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{tablePort}/{DevelopmentAccountName}"),
            new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));

    /// <summary>A connection string for this account (shared key only), e.g. to hand to a child process.</summary>
    public string ToConnectionString()
    {
        if (SharedKey is null)
        {
            throw new InvalidOperationException("Only shared-key connections have a connection string.");
        }

        return $"AccountName={AccountName};AccountKey={SharedKey.ExportKey()};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"{AccountName} (blob {BlobEndpoint}, queue {QueueEndpoint}, table {TableEndpoint}, {(SharedKey is null ? "token" : "shared key")})";
}
