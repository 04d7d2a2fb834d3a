using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Tenants;
using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>Timers live in storage, not in the process: an app stopped and started again still records the breach.</summary>
public sealed class SlaRestartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Restart_BetweenSchedulingAndDeadline_StillRecordsTheBreach()
    {
        string prefix, tenantId, caseId;
        DateTimeOffset deadline;
        await using (var first = new TakedownFnFactory(azurite.Server))
        {
            prefix = first.StoragePrefix;
            var tenant = await first.CreateTenantAsync();
            tenantId = tenant.TenantId;
            await SetActLengthAsync(await first.AdminClientAsync(), tenantId, 12);
            caseId = await TriagedCaseAsync(tenant);
            var view = await tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            deadline = Stage(view, "act").GetProperty("dueAt").GetDateTimeOffset();
            Assert.Empty(Steps(view, "sla-breached"));
        }

        // Stopped before the deadline; the same deployment starts again on the same storage.
        Assert.True(DateTimeOffset.UtcNow < deadline, "the first app outlived the deadline; the test proves nothing");
        await using var second = new TakedownFnFactory(azurite.Server, storagePrefix: prefix);
        await second.WaitUntilReadyAsync();
        var key = await second.Services.GetRequiredService<TenantAdministration>().IssueKeyAsync(tenantId, Role.Officer, CancellationToken.None);
        var officer = second.ClientWithKey(key.Key);

        var after = await WaitForStepAsync(officer, caseId, "sla-breached");

        var breach = Assert.Single(Steps(after, "sla-breached"));
        Assert.InRange(breach.GetProperty("recordedAt").GetDateTimeOffset() - deadline, TimeSpan.Zero, TimeSpan.FromMinutes(2));
    }
}
