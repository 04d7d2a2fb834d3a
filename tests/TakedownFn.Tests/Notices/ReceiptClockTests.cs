using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Functions;
using TakedownFn.Processing;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Notices;

/// <summary>
/// The stage clocks start at the platform's receipt of the notice, not at our acceptance: the
/// repository's sample notice, received on 2026-11-23 and submitted on 2026-12-01, is late at once.
/// </summary>
public sealed class ReceiptClockTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Submitted = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Submitted);
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server, services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
        _tenant = await _app.CreateTenantAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Submit_SampleNoticeReceivedEightDaysEarlier_DeadlinesRunFromReceiptAndActIsBreachedAtOnce()
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.FullPath, "functions", "sample-notice.json")))!.AsObject();
        var receivedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(receivedAt, DateTimeOffset.Parse(sample["receivedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(sample));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;

        // Breached at once: the timer is already due when triage sets it, and fires then.
        var view = await WaitForStepAsync(_tenant.Officer, caseId, "sla-breached");
        Assert.Equal(receivedAt, view.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(Submitted, view.GetProperty("acceptedAt").GetDateTimeOffset());
        Assert.Equal(receivedAt, view.GetProperty("clockStartedAt").GetDateTimeOffset());
        var act = Stage(view, "act");
        Assert.Equal(receivedAt.AddHours(1), act.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("breached", act.GetProperty("status").GetString());
        Assert.Equal(receivedAt, act.GetProperty("clock")[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(receivedAt.AddHours(1), Stage(view, "acknowledge").GetProperty("dueAt").GetDateTimeOffset());
        // 365 calendar days under the Civil Code's day count: from the day after receipt, not after acceptance.
        Assert.InRange(Stage(view, "preservation").GetProperty("dueAt").GetDateTimeOffset(), receivedAt.AddDays(365), receivedAt.AddDays(366));
        var breaches = await Eventually.GetAsync(
            async () => Steps(await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), "sla-breached"),
            steps => steps.Count >= 2);
        Assert.Equal(["acknowledge", "act"], breaches.Select(b => b.GetProperty("details").GetProperty("stage").GetString()).Order(StringComparer.Ordinal));
        Assert.Empty(Steps(await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), "sla-warning"));
        var received = Assert.Single(Steps(view, "received"));
        Assert.Equal(receivedAt, received.GetProperty("details").GetProperty("clockStartsAt").GetDateTimeOffset());

        // The at-risk view lists the breached act stage against the deadline from receipt.
        var atRisk = await _tenant.Officer.GetFromJsonAsync<JsonElement>("/api/sla/at-risk?within=PT1H");
        var item = Assert.Single(atRisk.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == caseId && i.GetProperty("stage").GetString() == "act");
        Assert.Equal("breached", item.GetProperty("status").GetString());
        Assert.Equal(receivedAt.AddHours(1), item.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Submit_ReceivedAfterAcceptance_IsRefusedNamingReceivedAt()
    {
        var notice = SampleNotices.Doxxing();
        notice["receivedAt"] = Submitted.AddSeconds(1).ToString("O");

        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["receivedAt"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    /// <summary>
    /// An incomplete notice gave no knowledge as received: its removal clock is paused from the
    /// platform's receipt, so three days of delay before submitting cost nothing until it is supplemented.
    /// </summary>
    [Fact]
    public async Task Submit_IncompleteNoticeReceivedDaysEarlier_ActPausedFromReceiptAndRunsFromTheSupplement()
    {
        var receivedAt = Submitted.AddDays(-3);
        var notice = SampleNotices.Dmca();
        notice["receivedAt"] = receivedAt.ToString("O");
        notice["declarations"]!["goodFaith"] = false;
        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var triaged = await Eventually.GetJsonAsync(_tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");

        var act = Stage(triaged, "act");
        Assert.Equal("paused", act.GetProperty("status").GetString());
        Assert.Equal([receivedAt, receivedAt], act.GetProperty("clock").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()));

        _clock.Advance(TimeSpan.FromHours(1));
        await RecordStepAsync(_tenant.Platform, caseId, new JsonObject
        {
            ["kind"] = "notice-supplemented", ["suppliedElements"] = new JsonArray("good-faith-statement"), ["occurredAt"] = _clock.GetUtcNow().ToString("O"),
        });

        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("open", Stage(view, "act").GetProperty("status").GetString());
        Assert.Equal(_clock.GetUtcNow().AddHours(24), Stage(view, "act").GetProperty("dueAt").GetDateTimeOffset());
        Assert.DoesNotContain(Steps(view, "sla-breached"), b => b.GetProperty("details").GetProperty("stage").GetString() == "act");
    }

    /// <summary>
    /// A case accepted by the previous version (no clock start on its row or its received step) keeps
    /// the start it was judged with, our acceptance, even when judged now; and its stored notice,
    /// whose received time that version let lie minutes after acceptance, still parses.
    /// </summary>
    [Theory]
    [InlineData(-120)]
    [InlineData(3)]
    public async Task Triage_CaseAcceptedBeforeReceiptStartedTheClock_DeadlinesStillRunFromAcceptance(int receivedMinutesFromAcceptance)
    {
        var receivedAt = Submitted.AddMinutes(receivedMinutesFromAcceptance);
        var notice = SampleNotices.Dmca();
        notice["receivedAt"] = receivedAt.ToString("O");
        var caseId = CaseKeys.NewCaseId(Submitted);
        var record = new CaseRecord
        {
            TenantId = _tenant.TenantId, CaseId = caseId, Regime = "us-dmca", Category = "copyright", State = "received",
            PlatformReference = notice["platformReference"]!.GetValue<string>(), ReceivedAt = receivedAt, AcceptedAt = Submitted, StepCount = 1, ItemCount = 1,
        };
        var received = new CaseEventRecord
        {
            EventId = $"ev-old-{caseId}", CaseId = caseId, Sequence = 1, Kind = "received", RecordedAt = Submitted, OccurredAt = receivedAt,
            Details = "{\"items\":1}", Actor = "service",
        };
        var stored = await _app.Services.GetRequiredService<CaseStore>().AcceptAsync(
            _tenant.TenantId, [new NewCase(record, received, Encoding.UTF8.GetBytes(notice.ToJsonString()), null, "h")]);
        Assert.Equal(AcceptStatus.Accepted, Assert.Single(stored).Status);

        _clock.Advance(TimeSpan.FromMinutes(10));
        await ActivatorUtilities.CreateInstance<IntakeProcessor>(_app.Services)
            .HandleAsync(new QueueDelivery(new IntakeMessage(_tenant.TenantId, [caseId]).ToJson(), 1, "m-old"), CancellationToken.None);

        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
        Assert.Equal(Submitted, view.GetProperty("clockStartedAt").GetDateTimeOffset());
        Assert.Equal(Submitted.AddHours(24), Stage(view, "act").GetProperty("dueAt").GetDateTimeOffset());
    }
}
