using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Ledger;

/// <summary>Two app instances on the same storage sequence one log.</summary>
public sealed class LedgerConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TwoAppInstances_ProduceOneGapFreeLogWithEveryEventOnce()
    {
        var key = LedgerKeyPair.Generate();
        await using var first = new TakedownFnFactory(azurite.Server, LedgerApp.Settings(key.PrivateKeyPem));
        await using var second = new TakedownFnFactory(azurite.Server, LedgerApp.Settings(key.PrivateKeyPem, first.StoragePrefix));
        var tenant = await first.CreateTenantAsync();
        await second.WaitUntilReadyAsync();
        var viaSecond = tenant with { Platform = Rekey(second, tenant.Platform), Officer = Rekey(second, tenant.Officer) };

        var cases = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => LedgerApp.TriagedCaseAsync(i % 2 == 0 ? tenant : viaSecond)));
        var events = cases.SelectMany(c => c.EventIds).ToList();
        var checkpoint = await LedgerApp.CheckpointAsync(tenant.Auditor, events.Count);
        var leaves = await tenant.Auditor.GetFromJsonAsync<JsonElement>("/api/ledger/leaves?count=1000");

        Assert.Equal(events.Count, checkpoint.GetProperty("treeSize").GetInt64());
        var ids = leaves.GetProperty("leaves").EnumerateArray().Select(l => l.GetProperty("eventId").GetString()!).ToList();
        Assert.Equal(events.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), leaves.GetProperty("leaves").EnumerateArray().Select(l => l.GetProperty("index").GetInt64()));
        foreach (var (_, caseEvents) in cases)
        {
            // A case's steps keep their order in the log.
            var positions = caseEvents.Select(e => ids.IndexOf(e)).ToList();
            Assert.Equal(positions.Order(), positions);
        }

        var report = await LedgerSelfCheck.RunAsync(second.Services.GetRequiredService<LedgerStore>(), second.Services.GetRequiredService<LedgerSigningKeys>(), tenant.TenantId);
        Assert.True(report.Ok, string.Join("; ", report.Problems.Select(p => p.Message)));
    }

    private static HttpClient Rekey(TakedownFnFactory factory, HttpClient client) =>
        factory.ClientWithKey(client.DefaultRequestHeaders.GetValues(Auth.ApiKeys.HeaderName).Single());
}
