using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>Fresh cases, tenants and ledger tables and a ledger container on the shared Azurite, with a tenant and a signing key.</summary>
internal sealed class LedgerTestLog
{
    private readonly TableClient tenantsTable;

    private LedgerTestLog(AzuriteFixture azurite, TableClient cases, TableClient tenantsTable, TableClient ledger, BlobContainerClient container, string tenantId)
    {
        Azurite = azurite;
        this.tenantsTable = tenantsTable;
        Cases = cases;
        Ledger = ledger;
        Container = container;
        TenantId = tenantId;
        Tenants = new TenantStore(tenantsTable);
        Store = new LedgerStore(ledger);
        KeyPair = LedgerKeyPair.Generate();
        Keys = new LedgerSigningKeys(KeyPair.PrivateKeyPem, null, "takedownfn.test/ledger");
    }

    public AzuriteFixture Azurite { get; }

    public TableClient Cases { get; }

    public TableClient Ledger { get; }

    public BlobContainerClient Container { get; }

    public string TenantId { get; }

    public TenantStore Tenants { get; }

    public LedgerStore Store { get; }

    public LedgerKeyPair KeyPair { get; }

    public LedgerSigningKeys Keys { get; }

    public static async Task<LedgerTestLog> CreateAsync(AzuriteFixture azurite)
    {
        var cases = azurite.Table(AzuriteFixture.UniqueName("c"));
        var tenants = azurite.Table(AzuriteFixture.UniqueName("t"));
        var ledger = azurite.Table(AzuriteFixture.UniqueName("l"));
        var container = azurite.Container(AzuriteFixture.UniqueName("l"));
        await Task.WhenAll(cases.CreateIfNotExistsAsync(), tenants.CreateIfNotExistsAsync(), ledger.CreateIfNotExistsAsync(), container.CreateIfNotExistsAsync());
        var log = new LedgerTestLog(azurite, cases, tenants, ledger, container, TenantStore.NewTenantId());
        await log.Tenants.CreateTenantAsync(new TenantRecord(log.TenantId, "Test platform", DateTimeOffset.UtcNow));
        return log;
    }

    /// <summary>
    /// The same tenant (so the same commitment secret: the same events make the same leaves) with
    /// fresh cases and ledger tables and container, for building a second log to compare.
    /// </summary>
    public async Task<LedgerTestLog> TwinAsync()
    {
        var cases = Azurite.Table(AzuriteFixture.UniqueName("c"));
        var ledger = Azurite.Table(AzuriteFixture.UniqueName("l"));
        var container = Azurite.Container(AzuriteFixture.UniqueName("l"));
        await Task.WhenAll(cases.CreateIfNotExistsAsync(), ledger.CreateIfNotExistsAsync(), container.CreateIfNotExistsAsync());
        return new LedgerTestLog(Azurite, cases, tenantsTable, ledger, container, TenantId);
    }

    public LedgerSequencer NewSequencer(LedgerSequencerOptions? options = null) =>
        new(Store, Cases, Tenants, Container, Keys, options ?? new LedgerSequencerOptions { SettleTime = TimeSpan.Zero, CheckpointInterval = TimeSpan.Zero },
            TimeProvider.System, NullLogger<LedgerSequencer>.Instance);

    /// <summary>Writes synthetic to-do rows recorded a minute ago (past any settle time).</summary>
    public Task WritePendingAsync(int count, DateTimeOffset? recordedAt = null) =>
        LedgerBenchmarkSupport.WritePendingAsync(Cases, TenantId, count, recordedAt ?? DateTimeOffset.UtcNow.AddMinutes(-1));

    public async Task<List<TableEntity>> PendingRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {CaseKeys.PendingLeavesFrom} and RowKey lt {CaseKeys.PendingLeavesTo}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task<List<StoredLeaf>> AllLeavesAsync()
    {
        var state = await Store.GetStateAsync(TenantId);
        var leaves = new List<StoredLeaf>();
        await foreach (var leaf in Store.ReadLeavesAsync(TenantId, 0, state.Size))
        {
            leaves.Add(leaf);
        }

        return leaves;
    }

    /// <summary>The log holds exactly <paramref name="eventIds"/>, each once, at indexes 0 … n−1, and the self-check passes.</summary>
    public async Task AssertExactlyOnceAsync(IReadOnlyCollection<string> eventIds)
    {
        var leaves = await AllLeavesAsync();
        Assert.Equal(Enumerable.Range(0, leaves.Count).Select(i => (long)i), leaves.Select(l => l.Index));
        Assert.Equal(eventIds.Count, leaves.Count);
        Assert.Equal(eventIds.Order(StringComparer.Ordinal), leaves.Select(l => l.EventId).Order(StringComparer.Ordinal));
        Assert.Empty(await PendingRowsAsync());
        var report = await LedgerSelfCheck.RunAsync(Store, Keys, TenantId);
        Assert.True(report.Ok, string.Join("; ", report.Problems.Select(p => p.Message)));
    }
}
