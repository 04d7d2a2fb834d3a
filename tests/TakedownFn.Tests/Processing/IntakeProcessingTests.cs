using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Processing;
using TakedownFn.Storage;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Processing;

/// <summary>The intake queue function in standalone mode: redelivery, a lost message, and a notice that cannot be processed.</summary>
public sealed class IntakeProcessingTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task IntakeMessage_DeliveredAgain_WritesNoStepTwice()
    {
        var caseId = await SubmitAsync();
        await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");

        var queue = App.Services.GetRequiredService<StorageClients>().Intake;
        await queue.SendMessageAsync(new IntakeMessage(Tenant.TenantId, [caseId, caseId]).ToJson());
        await Eventually.GetAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount, count => count == 0);

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(3, view.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task IntakeProcessor_TwoInstancesOnTheSameCase_WriteItsStepsOnce()
    {
        var caseId = await StoreWithoutMessageAsync(SampleNotices.Dmca().ToJsonString(), DateTimeOffset.UtcNow);
        var delivery = new TakedownFn.Functions.QueueDelivery(new IntakeMessage(Tenant.TenantId, [caseId]).ToJson(), 1, "m-1");
        // Two processors, as two app instances would have, racing on one case.
        var first = ActivatorUtilities.CreateInstance<IntakeProcessor>(App.Services);
        var second = ActivatorUtilities.CreateInstance<IntakeProcessor>(App.Services);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).HandleAsync(delivery, CancellationToken.None)));

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(["received", "validated", "triaged"], view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Sweep_CaseWhoseMessageWasLost_IsProcessedAnyway()
    {
        // As if the app crashed between writing the case and enqueueing it.
        var caseId = await StoreWithoutMessageAsync(SampleNotices.Dmca().ToJsonString(), acceptedAt: DateTimeOffset.UtcNow - IntakeSweep.Grace - TimeSpan.FromSeconds(5));

        await App.Services.GetRequiredService<IntakeSweep>().RunAsync(CancellationToken.None);

        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Poison_NoticeThatCannotBeProcessed_ShowsProcessingFailedAfterFiveTries()
    {
        // Stored bytes that no longer parse: every delivery fails.
        var caseId = await StoreWithoutMessageAsync("{\"regime\":\"us-dmca\"", DateTimeOffset.UtcNow);
        await App.Services.GetRequiredService<StorageClients>().Intake.SendMessageAsync(new IntakeMessage(Tenant.TenantId, [caseId]).ToJson());

        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "processing-failed", TimeSpan.FromSeconds(60));

        Assert.Equal("processing-failed", view.GetProperty("state").GetString());
        Assert.Contains("processing-retried", view.GetProperty("allowedNextSteps").EnumerateArray().Select(s => s.GetString()));
        var pending = await App.Services.GetRequiredService<CaseStore>().PendingAsync(Tenant.TenantId, DateTimeOffset.UtcNow.AddHours(1));
        Assert.DoesNotContain(caseId, pending);
    }

    private async Task<string> StoreWithoutMessageAsync(string notice, DateTimeOffset acceptedAt)
    {
        var caseId = CaseKeys.NewCaseId(acceptedAt);
        var record = new CaseRecord
        {
            TenantId = Tenant.TenantId,
            CaseId = caseId,
            Regime = "us-dmca",
            Category = "copyright",
            State = "received",
            PlatformReference = $"ref-{Guid.NewGuid():N}",
            ReceivedAt = acceptedAt,
            AcceptedAt = acceptedAt,
            StepCount = 1,
        };
        var received = new CaseEventRecord
        {
            EventId = $"ev-test-{caseId}",
            CaseId = caseId,
            Sequence = 1,
            Kind = "received",
            RecordedAt = acceptedAt,
            Actor = "service",
        };
        var result = await App.Services.GetRequiredService<CaseStore>().AcceptAsync(Tenant.TenantId, [new NewCase(record, received, Encoding.UTF8.GetBytes(notice), null, "h")]);
        Assert.Equal(AcceptStatus.Accepted, Assert.Single(result).Status);
        return caseId;
    }
}
