using System.Text;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Sla;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Tests.Sla;

/// <summary>The SLA integration logic without storage: delays, signatures, the timer set a firing leaves, index keys.</summary>
public class SlaLogicTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(90, 90)]
    [InlineData(604_800, 604_800)]
    [InlineData(777_600, 604_800)] // 9 days: the first hop waits the longest the queue allows
    public void DelayUntil_DueIn_IsNeverNegativeNorBeyondSevenDays(int dueInSeconds, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SlaTimerQueue.DelayUntil(Now.AddSeconds(dueInSeconds), Now));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(9, 3600)] // capped at an hour
    [InlineData(40, 3600)]
    public void RetryDelay_Attempt_DoublesFromTheFirstUpToAnHour(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), EscalationHandler.RetryDelay(TimeSpan.FromSeconds(30), attempt));
    }

    [Fact]
    public void Sign_KnownVector_IsHmacSha256OverTimestampDotBody()
    {
        // Computed independently: HMAC-SHA256(key "whsec-test", "1750000000.{\"a\":1}").
        Assert.Equal(
            "sha256=471c0969267c255c01a093f100f55ed128621b8ec6e45f3f18994b702b918b40",
            WebhookSignature.Sign("whsec-test", 1_750_000_000, Encoding.UTF8.GetBytes("""{"a":1}""")));
    }

    [Theory]
    [InlineData(null, 3600)]
    [InlineData("PT1H", 3600)]
    [InlineData("PT90M", 5400)]
    [InlineData("P2D", 172_800)]
    [InlineData("P31D", 2_678_400)]
    public void TryParseWithin_Iso8601Duration_IsRead(string? text, int expectedSeconds)
    {
        Assert.True(AtRiskEndpoints.TryParseWithin(text, out var within));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), within);
    }

    [Theory]
    [InlineData("1h")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("PT0S")]
    [InlineData("-PT5M")]
    [InlineData("P32D")]
    [InlineData("")]
    public void TryParseWithin_NotAUsableDuration_IsRefused(string text)
    {
        Assert.False(AtRiskEndpoints.TryParseWithin(text, out _));
    }

    [Fact]
    public void Record_Breach_DropsTheStagesTimersForThatDeadlineOpensTheBreachAndIsDeterministic()
    {
        var deadline = Now.AddHours(1);
        var breach = new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, deadline, deadline);
        var warning = new SlaTimer(SlaStage.Act, SlaTimerKind.Warning, Now.AddMinutes(45), deadline);
        var other = new SlaTimer(SlaStage.Acknowledge, SlaTimerKind.Breach, Now.AddHours(24), Now.AddHours(24));
        var current = Case() with { SlaTimers = [breach, warning, other], StepCount = 3 };

        var (updated, step) = SlaRecorder.Record(current, breach, StepKind.SlaBreached, Now.AddHours(1).AddSeconds(2));
        var (_, again) = SlaRecorder.Record(current, breach, StepKind.SlaBreached, Now.AddHours(2));

        Assert.Equal([other], updated.SlaTimers);
        Assert.Equal([SlaStage.Act], updated.OpenBreaches);
        Assert.Equal(4, step.Sequence);
        Assert.Equal("sla-breached", step.Kind);
        Assert.Equal(step.EventId, again.EventId);
        var change = SlaIndexChange.Between(current, updated);
        Assert.Equal([breach, warning], change.RemoveTimers);
        Assert.Equal([SlaStage.Act], change.AddBreaches);
        Assert.Empty(change.AddTimers);
    }

    [Fact]
    public void Record_Warning_KeepsTheBreachTimer()
    {
        var deadline = Now.AddHours(1);
        var breach = new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, deadline, deadline);
        var warning = new SlaTimer(SlaStage.Act, SlaTimerKind.Warning, Now.AddMinutes(45), deadline);

        var (updated, step) = SlaRecorder.Record(Case() with { SlaTimers = [breach, warning] }, warning, StepKind.SlaWarning, Now.AddMinutes(45));

        Assert.Equal([breach], updated.SlaTimers);
        Assert.Empty(updated.OpenBreaches);
        Assert.Equal("sla-warning", step.Kind);
    }

    [Fact]
    public void TimerKeys_SortByDueTime_AndTheDueBoundIncludesEverythingDueByThen()
    {
        var early = CaseKeys.Timer("c1", "act", "breach", Now.AddTicks(-1));
        var exact = CaseKeys.Timer("c2", "act", "breach", Now);
        var late = CaseKeys.Timer("c0", "act", "breach", Now.AddTicks(1));
        var bound = CaseKeys.TimersDueBy(Now);

        Assert.True(string.CompareOrdinal(early, exact) < 0 && string.CompareOrdinal(exact, late) < 0);
        Assert.True(string.CompareOrdinal(exact, bound) < 0);
        Assert.True(string.CompareOrdinal(late, bound) > 0);
        Assert.Equal(CaseKeys.SortableTime(new DateTimeOffset(2025, 6, 2, 16, 0, 0, TimeSpan.FromHours(2))), CaseKeys.SortableTime(Now));
    }

    [Fact]
    public void TimerMessage_RoundTrips_AndNamesATenantAndASlot()
    {
        var message = new SlaTimerMessage("t1", Now);

        var json = message.ToJson();

        Assert.Equal(message, SlaTimerMessage.Parse(json));
        Assert.Throws<FormatException>(() => SlaTimerMessage.Parse("{\"tenant\":\"t1\"}"));
        Assert.Throws<FormatException>(() => SlaTimerMessage.Parse("not json"));
    }

    [Theory]
    [InlineData("2025-06-02T14:00:00.0000000Z", "2025-06-02T14:00:10Z")] // a boundary belongs to the slot it starts
    [InlineData("2025-06-02T14:00:00.0000001Z", "2025-06-02T14:00:10Z")]
    [InlineData("2025-06-02T14:00:09.9999999Z", "2025-06-02T14:00:10Z")]
    [InlineData("2025-06-02T23:59:55.5+02:00", "2025-06-02T22:00:00Z")]
    public void SlotEnd_DueAt_IsTheFirstTenSecondBoundaryAfterIt(string dueAt, string slotEnd)
    {
        var end = SlaTimerSlots.EndOf(DateTimeOffset.Parse(dueAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(slotEnd, System.Globalization.CultureInfo.InvariantCulture), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }

    [Fact]
    public void RecordDue_WarningAndBreachBothDue_RecordsOnlyTheBreachAndLeavesLaterTimers()
    {
        var deadline = Now.AddHours(1);
        var warning = new SlaTimer(SlaStage.Act, SlaTimerKind.Warning, Now.AddMinutes(45), deadline);
        var breach = new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, deadline, deadline);
        var ackBreach = new SlaTimer(SlaStage.Acknowledge, SlaTimerKind.Breach, Now.AddMinutes(50), Now.AddMinutes(50));
        var later = new SlaTimer(SlaStage.Preservation, SlaTimerKind.Breach, Now.AddDays(365), Now.AddDays(365));
        var current = Case() with { SlaTimers = [later, breach, warning, ackBreach], StepCount = 3 };

        var (updated, records) = SlaRecorder.RecordDue(current, deadline.AddSeconds(5));

        Assert.Equal([ackBreach, breach], records.Select(r => r.Timer));
        Assert.Equal([4, 5], records.Select(r => r.Step.Sequence));
        Assert.All(records, r => Assert.Equal("sla-breached", r.Step.Kind));
        Assert.Equal([later], updated.SlaTimers);
        Assert.Equal([SlaStage.Acknowledge, SlaStage.Act], updated.OpenBreaches);
        Assert.Empty(SlaRecorder.RecordDue(updated, deadline.AddSeconds(5)).Records);
    }

    [Fact]
    public void RecordDue_NothingDue_RecordsNothing()
    {
        var timer = new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, Now.AddHours(1), Now.AddHours(1));
        var current = Case() with { SlaTimers = [timer] };

        var (updated, records) = SlaRecorder.RecordDue(current, Now.AddMinutes(59));

        Assert.Empty(records);
        Assert.Same(current, updated);
    }

    [Theory]
    [InlineData("https://hooks.example.com/sla", true)]
    [InlineData("http://127.0.0.1:8080/sla", true)]
    [InlineData("http://localhost/sla", true)]
    [InlineData("http://hooks.example.com/sla", false)]
    [InlineData("https://u:p@hooks.example.com/sla", false)]
    [InlineData("/relative", false)]
    public void TryReadUrl_WebhookUrl_HttpsOrLoopbackOnly(string url, bool ok)
    {
        Assert.Equal(ok, SlaTenantEndpoints.TryReadUrl(url, out _));
    }

    private static CaseRecord Case() => new()
    {
        TenantId = "t1",
        CaseId = "0000000000000000000001",
        Regime = "us-dmca",
        Category = "copyright",
        State = "triaged",
        PlatformReference = "ref",
        ReceivedAt = Now,
        AcceptedAt = Now,
    };
}
