using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Functions;
using TakedownFn.Sla;
using TakedownFn.Storage.Accounts;
using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>A deadline beyond the queue's 7-day visibility limit is reached through hops; the app's clock is moved by hand.</summary>
public sealed class SlaHopTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Hops_DeadlineNineDaysAway_IsScheduledAtMostSevenDaysAheadAndReScheduledUntilDue()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var puts = new QueuePutRecorder();
        await using var app = new TakedownFnFactory(azurite.Server, services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.RemoveAll<StorageClientSettings>();
            var settings = new StorageClientSettings();
            settings.PerCallPolicies.Add(puts);
            services.AddSingleton(settings);
        });
        var tenant = await app.CreateTenantAsync();
        // 17 USC 512(c) says "expeditiously": a platform target, which the platform may set to 9 days.
        await SetActLengthAsync(await app.AdminClientAsync(), tenant.TenantId, 216, "hours");
        var caseId = await TriagedCaseAsync(tenant, clock.GetUtcNow());
        var triaged = await tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var deadline = Stage(triaged, "act").GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(9), deadline - triaged.GetProperty("clockStartedAt").GetDateTimeOffset());

        var timersQueue = $"{app.StoragePrefix}timers";
        var scheduled = puts.Visibilities(timersQueue);
        Assert.All(scheduled, v => Assert.InRange(v, 0, 604_800));
        Assert.Contains(604_800, scheduled); // the act deadline's first hop: the longest delay the queue allows

        // Seven days on, the message of the deadline's slot surfaces early: it is sent again for the two days left.
        clock.Advance(TimeSpan.FromDays(7));
        puts.Clear();
        var handler = app.Services.GetRequiredService<SlaTimerHandler>();
        var slotEnd = SlaTimerSlots.EndOf(deadline);
        var slotMessage = new SlaTimerMessage(tenant.TenantId, slotEnd).ToJson();
        await handler.HandleAsync(new QueueDelivery(slotMessage, 1, "hop-1"), CancellationToken.None);
        var hop = Assert.Single(puts.Visibilities(timersQueue));
        var left = (slotEnd - clock.GetUtcNow()).TotalSeconds;
        Assert.InRange(hop, left - 1, left + 1);
        Assert.InRange(left, TimeSpan.FromDays(2).TotalSeconds, TimeSpan.FromDays(2).TotalSeconds + SlaTimerSlots.Width.TotalSeconds);
        Assert.Empty(ActBreaches(await tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")));

        // Due: the hop that surfaces when the slot ends fires the timer.
        clock.Advance(slotEnd - clock.GetUtcNow());
        await handler.HandleAsync(new QueueDelivery(slotMessage, 1, "hop-2"), CancellationToken.None);

        var view = await tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var breach = Assert.Single(ActBreaches(view));
        Assert.Equal(deadline, breach.GetProperty("details").GetProperty("deadline").GetDateTimeOffset());
    }

    private static IEnumerable<JsonElement> ActBreaches(JsonElement view) =>
        Steps(view, "sla-breached").Where(s => s.GetProperty("details").GetProperty("stage").GetString() == "act");

    /// <summary>Records the visibility delay of every Put Message request, by queue.</summary>
    private sealed class QueuePutRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<(string Queue, int Visibility)> _puts = new();

        public IReadOnlyList<int> Visibilities(string queue) => _puts.Where(p => p.Queue == queue).Select(p => p.Visibility).ToList();

        public void Clear() => _puts.Clear();

        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (message.Request.Method != RequestMethod.Post || segments.Length < 3 || segments[^1] != "messages")
            {
                return;
            }

            var visibility = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).FirstOrDefault(p => p[0] == "visibilitytimeout");
            _puts.Enqueue((segments[^2], visibility is null ? 0 : int.Parse(visibility[1], CultureInfo.InvariantCulture)));
        }
    }
}
