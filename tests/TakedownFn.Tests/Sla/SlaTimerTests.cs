using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Sla;
using TakedownFn.Storage;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>Durable SLA timers against Azurite, with the tenant's act deadline tightened to seconds.</summary>
public sealed class SlaTimerTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task Breach_UnmetDeadline_IsRecordedOnceWithinSecondsEvenWhenTimerAndSweepBothFire()
    {
        await SetActLengthAsync(Admin, Tenant.TenantId, 4);
        var caseId = await TriagedCaseAsync(Tenant);

        var view = await WaitForStepAsync(Tenant.Officer, caseId, "sla-breached");

        var deadline = Stage(view, "act").GetProperty("dueAt").GetDateTimeOffset();
        var breach = Assert.Single(Steps(view, "sla-breached"));
        Assert.Equal("act", breach.GetProperty("details").GetProperty("stage").GetString());
        Assert.InRange(breach.GetProperty("recordedAt").GetDateTimeOffset() - deadline, TimeSpan.Zero, TimeSpan.FromMinutes(2));

        // Everything that could fire it again, at once: the sweep, the message delivered again, the recorder.
        var message = new QueueDelivery(new SlaTimerMessage(Tenant.TenantId, SlaTimerSlots.EndOf(deadline)).ToJson(), 2, "again");
        await Task.WhenAll(
            App.Services.GetRequiredService<SlaSweep>().RunAsync(CancellationToken.None),
            App.Services.GetRequiredService<SlaTimerHandler>().HandleAsync(message, CancellationToken.None),
            App.Services.GetRequiredService<SlaRecorder>().FireAsync(Tenant.TenantId, caseId, CancellationToken.None));

        var after = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Single(Steps(after, "sla-breached"));
        Assert.Equal("breached", Stage(after, "act").GetProperty("status").GetString());
        Assert.Equal("triaged", after.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Breach_TimerAndSweepRacingAtTheDeadline_RecordOneStep()
    {
        await SetActLengthAsync(Admin, Tenant.TenantId, 3);
        var caseId = await TriagedCaseAsync(Tenant);
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var deadline = Stage(view, "act").GetProperty("dueAt").GetDateTimeOffset();
        // (Task.Delay counts whole milliseconds: wait a little past the deadline, so the breach is due for every caller.)
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // The queue pump fires the same timer now too.
        var recorder = App.Services.GetRequiredService<SlaRecorder>();
        var sweep = App.Services.GetRequiredService<SlaSweep>();
        var outcomes = await Task.WhenAll(
            recorder.FireAsync(Tenant.TenantId, caseId, CancellationToken.None),
            recorder.FireAsync(Tenant.TenantId, caseId, CancellationToken.None),
            sweep.SweepTenantAsync(Tenant.TenantId, TimeSpan.Zero, CancellationToken.None).ContinueWith(t => t.Result > 0 ? SlaFireOutcome.Recorded : SlaFireOutcome.NotPending, TaskScheduler.Default));

        var after = await WaitForStepAsync(Tenant.Officer, caseId, "sla-breached");
        Assert.Single(Steps(after, "sla-breached"));
        Assert.True(outcomes.Count(o => o == SlaFireOutcome.Recorded) <= 1);
    }

    [Fact]
    public async Task Met_StageDoneBeforeTheDeadline_RecordsNoBreach()
    {
        await SetActLengthAsync(Admin, Tenant.TenantId, 3);
        var caseId = await TriagedCaseAsync(Tenant);

        await RecordStepAsync(Tenant.Platform, caseId, new JsonObject { ["kind"] = "content-removed" });
        var deadline = Stage(await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), "act").GetProperty("dueAt").GetDateTimeOffset();
        await Task.Delay((deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)).Duration());
        await App.Services.GetRequiredService<SlaSweep>().SweepTenantAsync(Tenant.TenantId, TimeSpan.Zero, CancellationToken.None);

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Empty(Steps(view, "sla-breached"));
        var act = Stage(view, "act");
        Assert.Equal("met", act.GetProperty("status").GetString());
        Assert.True(TimeSpan.Parse(act.GetProperty("margin").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
        var index = await App.Services.GetRequiredService<CaseStore>().DueSlaEntriesAsync(Tenant.TenantId, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.DoesNotContain(index, e => e.CaseId == caseId && e.Stage == SlaStage.Act);
    }

    [Fact]
    public async Task Sweep_TimersQueueDeleted_StillRecordsTheBreach()
    {
        await SetActLengthAsync(Admin, Tenant.TenantId, 5);
        var caseId = await TriagedCaseAsync(Tenant);

        // Every message is gone, as if the queue had been deleted and made again.
        var timers = App.Services.GetRequiredService<StorageClients>().Timers;
        await timers.DeleteAsync();
        // Azurite answers 409 QueueBeingDeleted for a moment; the SDK answers null when the queue exists.
        await Eventually.GetAsync(async () => { try { return await timers.CreateIfNotExistsAsync() is not null; } catch (Azure.RequestFailedException) { return false; } }, created => created);
        var deadline = Stage(await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), "act").GetProperty("dueAt").GetDateTimeOffset();
        await Task.Delay((deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200)).Duration());

        // Without the grace the sweep normally leaves to the queue (the message is gone for good).
        await App.Services.GetRequiredService<SlaSweep>().SweepTenantAsync(Tenant.TenantId, TimeSpan.Zero, CancellationToken.None);

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Single(Steps(view, "sla-breached"));
    }
}
