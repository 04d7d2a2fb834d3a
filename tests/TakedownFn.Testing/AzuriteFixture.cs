using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using TakedownFn.Storage.Accounts;
using Xunit;

namespace TakedownFn.Testing;

/// <summary>
/// One Azurite per test assembly, started by the first test that needs it and stopped when the
/// test process ends. Use as a collection or class fixture; each test isolates itself by using
/// its own table, queue and container names (see <see cref="UniqueName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? _shared;

    public AzuriteServer Server => _shared ?? throw new InvalidOperationException("Azurite has not started.");

    public StorageAccount Account => Server.Account;

    /// <inheritdoc cref="AzuriteServer.Table"/>
    public TableClient Table(string name, StorageClientSettings? settings = null) => Server.Table(name, settings);

    /// <inheritdoc cref="AzuriteServer.Queue"/>
    public QueueClient Queue(string name, StorageClientSettings? settings = null) => Server.Queue(name, settings);

    /// <inheritdoc cref="AzuriteServer.Container"/>
    public BlobContainerClient Container(string name, StorageClientSettings? settings = null) => Server.Container(name, settings);

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= await AzuriteServer.StartAsync(TestAssemblyName());
        }
        finally
        {
            Gate.Release();
        }
    }

    // Stopping happens at process exit: other fixtures of this run still use the shared instance.
    public Task DisposeAsync() => Task.CompletedTask;

    private static string TestAssemblyName() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name)
            .FirstOrDefault(n => n?.EndsWith(".Tests", StringComparison.Ordinal) == true) ?? "tests";

    /// <summary>A name valid for a table, queue or container, unique in this run.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 16, 63)];
}
