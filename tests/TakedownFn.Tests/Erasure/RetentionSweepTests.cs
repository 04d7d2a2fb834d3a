using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Erasure;
using TakedownFn.Testing;
using TakedownFn.Tests.Ledger;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.Erasure;

/// <summary>The retention sweep erases a case once its policy's retention ended, and defers a held one until the hold is released.</summary>
public sealed class RetentionSweepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Sweep_RetentionEnded_ErasesFreeCasesAndDefersAHeldOneUntilItsRelease()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TakedownFnFactory(azurite.Server, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        });
        var tenant = await app.CreateTenantAsync();
        var (free, _) = await LedgerApp.TriagedCaseAsync(tenant);
        var (held, _) = await LedgerApp.TriagedCaseAsync(tenant);
        await RecordAsync(tenant.Platform, held, ErasureTests.Hold(true));
        var sweep = app.Services.GetRequiredService<RetentionSweep>();
        var endsAt = (await View(tenant, free)).GetProperty("retention").GetProperty("endsAt").GetDateTimeOffset();

        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(JsonValueKind.Null, (await View(tenant, free)).GetProperty("erasure").ValueKind);

        clock.SetUtcNow(endsAt.AddMinutes(1));
        await sweep.RunAsync(CancellationToken.None);
        await sweep.RunAsync(CancellationToken.None);

        var erased = (await View(tenant, free)).GetProperty("erasure");
        Assert.Equal("retention", erased.GetProperty("reason").GetString());
        Assert.Equal("service", erased.GetProperty("by").GetString());
        Assert.Equal("retention-ended", erased.GetProperty("legalBasis").GetString());
        var deferred = await View(tenant, held);
        Assert.Equal(JsonValueKind.Null, deferred.GetProperty("erasure").ValueKind);
        Assert.True(deferred.GetProperty("retention").GetProperty("deferred").GetBoolean());
        var holdStep = deferred.GetProperty("timeline").EnumerateArray().Last(s => s.GetProperty("kind").GetString() == "evidence-preserved").GetProperty("eventId").GetString();
        Assert.Equal(holdStep, deferred.GetProperty("retention").GetProperty("deferredBy").GetProperty("stepId").GetString());
        Assert.Single(deferred.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "erasure-refused");

        await RecordAsync(tenant.Platform, held, ErasureTests.Hold(false));
        await sweep.RunAsync(CancellationToken.None);

        Assert.Equal("retention", (await View(tenant, held)).GetProperty("erasure").GetProperty("reason").GetString());
    }

    private static Task<JsonElement> View(TestTenant tenant, string caseId) => tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
}
