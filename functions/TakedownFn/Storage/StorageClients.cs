using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Queues;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage;

/// <summary>
/// One client per queue, table and container the app owns, created once and shared. They all send
/// through the registered <see cref="StorageClientOptions"/>, so a host can add a pipeline policy
/// (e.g. <see cref="StorageOperationCounter"/>) to every storage request the app makes.
/// </summary>
internal sealed class StorageClients(StorageConnection connection, StorageResources resources, StorageClientOptions options)
{
    public StorageClientOptions Options => options;

    public QueueClient Intake { get; } = new(connection, resources.IntakeQueue, options);

    public QueueClient IntakePoison { get; } = new(connection, resources.IntakePoisonQueue, options);

    public QueueClient Timers { get; } = new(connection, resources.TimersQueue, options);

    public QueueClient Escalations { get; } = new(connection, resources.EscalationsQueue, options);

    public TableClient LedgerLog { get; } = new(connection, resources.LedgerTable, options);

    public TableClient Cases { get; } = new(connection, resources.CasesTable, options);

    public TableClient Tenants { get; } = new(connection, resources.TenantsTable, options);

    public BlobContainerClient Ledger { get; } = new(connection, resources.LedgerContainer, options);

    public IReadOnlyList<QueueClient> Queues => [Intake, IntakePoison, Timers, Escalations];

    public IReadOnlyList<TableClient> Tables => [Cases, Tenants, LedgerLog];

    public IReadOnlyList<BlobContainerClient> Containers => [Ledger];

    /// <summary>The client of a queue by name (for the pumps, which know queues by name).</summary>
    public QueueClient Queue(string name) => Queues.Single(q => q.Name == name);
}
