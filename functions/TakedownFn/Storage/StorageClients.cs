using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Queues;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage;

/// <summary>One client per queue, table and container the app owns, created once and shared.</summary>
internal sealed class StorageClients(StorageConnection connection, StorageResources resources)
{
    public QueueClient Intake { get; } = new(connection, resources.IntakeQueue);

    public QueueClient IntakePoison { get; } = new(connection, resources.IntakePoisonQueue);

    public TableClient Cases { get; } = new(connection, resources.CasesTable);

    public TableClient Tenants { get; } = new(connection, resources.TenantsTable);

    public TableClient LedgerLog { get; } = new(connection, resources.LedgerTable);

    public BlobContainerClient Ledger { get; } = new(connection, resources.LedgerContainer);

    public IReadOnlyList<QueueClient> Queues => [Intake, IntakePoison];

    public IReadOnlyList<TableClient> Tables => [Cases, Tenants, LedgerLog];

    public IReadOnlyList<BlobContainerClient> Containers => [Ledger];

    /// <summary>The client of a queue by name (for the pumps, which know queues by name).</summary>
    public QueueClient Queue(string name) => Queues.Single(q => q.Name == name);
}
