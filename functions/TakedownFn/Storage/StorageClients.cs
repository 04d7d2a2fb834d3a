using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TakedownFn.Storage;

/// <summary>
/// The official SDK clients of each queue, table and container the app owns, taken once from the
/// registered service clients and shared (the SDK clients are thread-safe). They all send through
/// the registered <see cref="Accounts.StorageClientSettings"/>, so a host can add a pipeline policy
/// (e.g. <see cref="Accounts.StorageOperationCounter"/>) to every storage request the app makes.
/// </summary>
internal sealed class StorageClients(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, StorageResources resources)
{
    public QueueClient Intake { get; } = queues.GetQueueClient(resources.IntakeQueue);

    public QueueClient IntakePoison { get; } = queues.GetQueueClient(resources.IntakePoisonQueue);

    public QueueClient Timers { get; } = queues.GetQueueClient(resources.TimersQueue);

    public QueueClient Escalations { get; } = queues.GetQueueClient(resources.EscalationsQueue);

    public TableClient LedgerLog { get; } = tables.GetTableClient(resources.LedgerTable);

    public TableClient Cases { get; } = tables.GetTableClient(resources.CasesTable);

    public TableClient Tenants { get; } = tables.GetTableClient(resources.TenantsTable);

    public TableClient Reports { get; } = tables.GetTableClient(resources.ReportsTable);

    public BlobContainerClient Ledger { get; } = blobs.GetBlobContainerClient(resources.LedgerContainer);

    public IReadOnlyList<QueueClient> Queues => [Intake, IntakePoison, Timers, Escalations];

    public IReadOnlyList<TableClient> Tables => [Cases, Tenants, LedgerLog, Reports];

    public IReadOnlyList<BlobContainerClient> Containers => [Ledger];

    /// <summary>The client of a queue by name (for the pumps, which know queues by name).</summary>
    public QueueClient Queue(string name) => Queues.Single(q => q.Name == name);

    /// <summary>The poison queue of <paramref name="queueName"/>, named as the Functions host names it.</summary>
    public QueueClient PoisonOf(string queueName) =>
        Queues.SingleOrDefault(q => q.Name == $"{queueName}-poison") ?? queues.GetQueueClient($"{queueName}-poison");
}
