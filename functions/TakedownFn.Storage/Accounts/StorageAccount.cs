using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TakedownFn.Storage.Accounts;

/// <summary>
/// The storage account the app uses, as configured: a connection string (handed to the SDK clients
/// as it is), or service URIs with an Entra ID token credential (managed identity in Azure).
/// Creates the official service clients with the options of a <see cref="StorageClientSettings"/>.
/// </summary>
public sealed partial class StorageAccount
{
    /// <summary>The well-known Azurite account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's published development key, not a secret.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _connectionString;

    private StorageAccount(string accountName, Uri blobServiceUri, Uri queueServiceUri, Uri tableServiceUri, string? connectionString, TokenCredential? credential)
    {
        AccountName = accountName;
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        _connectionString = connectionString;
        Credential = credential;
    }

    public string AccountName { get; }

    public Uri BlobServiceUri { get; }

    public Uri QueueServiceUri { get; }

    public Uri TableServiceUri { get; }

    /// <summary>Set for identity-based settings; null when a connection string is used.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>True when the account is reached with a connection string (shared key).</summary>
    public bool UsesConnectionString => _connectionString is not null;

    public TableServiceClient CreateTableServiceClient(StorageClientSettings? settings = null)
    {
        var options = (settings ?? new StorageClientSettings()).TableOptions();
        return _connectionString is { } cs ? new TableServiceClient(cs, options) : new TableServiceClient(TableServiceUri, Credential, options);
    }

    public QueueServiceClient CreateQueueServiceClient(StorageClientSettings? settings = null)
    {
        var options = (settings ?? new StorageClientSettings()).QueueOptions();
        return _connectionString is { } cs ? new QueueServiceClient(cs, options) : new QueueServiceClient(QueueServiceUri, Credential, options);
    }

    public BlobServiceClient CreateBlobServiceClient(StorageClientSettings? settings = null)
    {
        var options = (settings ?? new StorageClientSettings()).BlobOptions();
        return _connectionString is { } cs ? new BlobServiceClient(cs, options) : new BlobServiceClient(BlobServiceUri, Credential, options);
    }

    /// <summary>
    /// The same identity-based account with another token credential (e.g. a workload's own, or a
    /// test's); a connection-string account has no credential to replace.
    /// </summary>
    public StorageAccount WithCredential(TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return UsesConnectionString
            ? throw new InvalidOperationException("A connection-string account uses its shared key, not a token credential.")
            : new StorageAccount(AccountName, BlobServiceUri, QueueServiceUri, TableServiceUri, connectionString: null, credential);
    }

    /// <summary>Azurite's endpoints on the given host and ports, with the well-known account.</summary>
    public static StorageAccount ForAzurite(string host = "127.0.0.1", int blobPort = 10000, int queuePort = 10001, int tablePort = 10002) =>
        Parse(
            $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint=http://{host}:{blobPort}/{DevelopmentAccountName};" +
            $"QueueEndpoint=http://{host}:{queuePort}/{DevelopmentAccountName};" +
            $"TableEndpoint=http://{host}:{tablePort}/{DevelopmentAccountName}");

    /// <summary>The connection string (connection-string accounts only), e.g. to hand to a child process.</summary>
    public string ToConnectionString() =>
        _connectionString ?? throw new InvalidOperationException("Only accounts configured by a connection string have one.");

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"{AccountName} (blob {BlobServiceUri}, queue {QueueServiceUri}, table {TableServiceUri}, {(UsesConnectionString ? "connection string" : "token")})";
}
