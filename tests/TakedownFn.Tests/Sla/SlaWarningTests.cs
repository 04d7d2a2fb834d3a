using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>The warning timer against Azurite, warned at a quarter of the time allowed so that warning and deadline are well apart.</summary>
public sealed class SlaWarningTests(AzuriteFixture azurite)
    : TenantTestBase(azurite, new Dictionary<string, string> { ["TakedownFn:Sla:WarningFraction"] = "0.25" })
{
    [Fact]
    public async Task Warning_WellBeforeTheDeadline_IsRecordedBeforeTheDeadlineThenTheBreach()
    {
        // Act within 24 s: warned 18 s before the deadline, slots and polling delays apart.
        await SetActLengthAsync(Admin, Tenant.TenantId, 24);
        var caseId = await TriagedCaseAsync(Tenant);

        var view = await WaitForStepAsync(Tenant.Officer, caseId, "sla-breached", TimeSpan.FromMinutes(2));

        var deadline = Stage(view, "act").GetProperty("dueAt").GetDateTimeOffset();
        var warning = Assert.Single(Steps(view, "sla-warning"));
        var warnedAt = warning.GetProperty("recordedAt").GetDateTimeOffset();
        Assert.True(warnedAt >= deadline - TimeSpan.FromSeconds(18) && warnedAt < deadline, $"warned at {warnedAt:O}, deadline {deadline:O}");
        Assert.Equal(deadline, warning.GetProperty("details").GetProperty("deadline").GetDateTimeOffset());
        Assert.True(warning.GetProperty("sequence").GetInt32() < Assert.Single(Steps(view, "sla-breached")).GetProperty("sequence").GetInt32());
    }
}
