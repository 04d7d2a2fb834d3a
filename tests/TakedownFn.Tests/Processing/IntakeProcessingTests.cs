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
public sealed class IntakeProcessingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server);
        _tenant = await _app.CreateTenantAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task IntakeMessage_DeliveredAgain_WritesNoStepTwice()
    {
        var caseId = await SubmitAsync();
        await Eventually.GetJsonAsync(_tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");

        var queue = _app.Services.GetRequiredService<StorageClients>().Intake;
        await queue.SendMessageAsync(new IntakeMessage(_tenant.TenantId, [caseId, caseId]).ToJson());
        await Eventually.GetAsync(async () => (await queue.GetPropertiesAsync()).ApproximateMessagesCount, count => count == 0);

        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(3, view.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task IntakeProcessor_TwoInstancesOnTheSameCase_WriteItsStepsOnce()
    {
        var caseId = await StoreWithoutMessageAsync(SampleNotices.Dmca().ToJsonString(), DateTimeOffset.UtcNow);
        var delivery = new TakedownFn.Functions.QueueDelivery(new IntakeMessage(_tenant.TenantId, [caseId]).ToJson(), 1, "m-1");
        // Two processors, as two app instances would have, racing on one case.
        var first = ActivatorUtilities.CreateInstance<IntakeProcessor>(_app.Services);
        var second = ActivatorUtilities.CreateInstance<IntakeProcessor>(_app.Services);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).HandleAsync(delivery, CancellationToken.None)));

        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(["received", "validated", "triaged"], view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Sweep_CaseWhoseMessageWasLost_IsProcessedAnyway()
    {
        // As if the app crashed between writing the case and enqueueing it.
        var caseId = await StoreWithoutMessageAsync(SampleNotices.Dmca().ToJsonString(), acceptedAt: DateTimeOffset.UtcNow - IntakeSweep.Grace - TimeSpan.FromSeconds(5));

        await _app.Services.GetRequiredService<IntakeSweep>().RunAsync(CancellationToken.None);

        var view = await Eventually.GetJsonAsync(_tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Poison_NoticeThatCannotBeProcessed_ShowsProcessingFailedAfterFiveTries()
    {
        // Stored bytes that no longer parse: every delivery fails.
        var caseId = await StoreWithoutMessageAsync("{\"regime\":\"us-dmca\"", DateTimeOffset.UtcNow);
        await _app.Services.GetRequiredService<StorageClients>().Intake.SendMessageAsync(new IntakeMessage(_tenant.TenantId, [caseId]).ToJson());

        var view = await Eventually.GetJsonAsync(_tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "processing-failed", TimeSpan.FromSeconds(60));

        Assert.Equal("processing-failed", view.GetProperty("state").GetString());
        Assert.Contains("processing-retried", view.GetProperty("allowedNextSteps").EnumerateArray().Select(s => s.GetString()));
        var pending = await _app.Services.GetRequiredService<CaseStore>().PendingAsync(_tenant.TenantId, DateTimeOffset.UtcNow.AddHours(1));
        Assert.DoesNotContain(caseId, pending);
    }

    private async Task<string> SubmitAsync()
    {
        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    private async Task<string> StoreWithoutMessageAsync(string notice, DateTimeOffset acceptedAt)
    {
        var caseId = CaseKeys.NewCaseId(acceptedAt);
        var record = new CaseRecord
        {
            TenantId = _tenant.TenantId,
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
        var result = await _app.Services.GetRequiredService<CaseStore>().AcceptAsync(_tenant.TenantId, [new NewCase(record, received, Encoding.UTF8.GetBytes(notice), null, "h")]);
        Assert.Equal(AcceptStatus.Accepted, Assert.Single(result).Status);
        return caseId;
    }
}
