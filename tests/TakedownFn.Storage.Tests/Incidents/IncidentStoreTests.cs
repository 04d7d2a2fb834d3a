using TakedownFn.Domain.Incidents;
using TakedownFn.Domain.Severity;
using TakedownFn.Storage.Incidents;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Incidents;

/// <summary>Incident linking against Azurite: redelivery, concurrency and merges write nothing twice.</summary>
public sealed class IncidentStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Tenant = "t0123456789abcdef";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static int _cases;

    private async Task<IncidentStore> StoreAsync()
    {
        var table = azurite.Server.Table(AzuriteFixture.UniqueName("inc"));
        await table.CreateIfNotExistsAsync();
        return new IncidentStore(table);
    }

    /// <summary>A fresh case id, later ids sorting after earlier ones as real ones do.</summary>
    private static IncidentCase Case(int minute, params string[] uploaders) => new(
        (T0.AddMinutes(minute).ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture)
            + Interlocked.Increment(ref _cases).ToString("x10", System.Globalization.CultureInfo.InvariantCulture)),
        T0.AddMinutes(minute), 2, 10, SeverityLevel.Medium, uploaders, "reporter-commitment");

    [Fact]
    public async Task Link_SameCaseDeliveredTwice_CountsItOnce()
    {
        var store = await StoreAsync();
        var c = Case(0, "u1");

        var first = await store.LinkAsync(Tenant, c, ["key-a"], validDoxxing: true);
        var again = await store.LinkAsync(Tenant, c, ["key-a"], validDoxxing: true);

        Assert.Equal(first, again);
        var incident = (await store.GetAsync(Tenant, first!))!;
        Assert.Equal((1, 2, 10), (incident.CaseCount, incident.Items, incident.Reposts));
    }

    [Fact]
    public async Task Link_TwentyCasesOfOneVictimAtOnce_OneIncidentHoldingEach()
    {
        var store = await StoreAsync();
        var cases = Enumerable.Range(0, 20).Select(i => Case(i, $"u{i}")).ToList();

        var ids = await Task.WhenAll(cases.Select(c => store.LinkAsync(Tenant, c, ["same-victim"], validDoxxing: true)));

        Assert.Single(ids.Distinct());
        var incident = (await store.GetAsync(Tenant, ids[0]!))!;
        Assert.Equal(20, incident.CaseCount);
        Assert.Equal(cases.Select(c => c.CaseId).Order(), incident.Cases.Order());
        Assert.Equal(20, incident.Uploaders.Count);
    }

    [Fact]
    public async Task Link_CaseJoiningTwoIncidents_MergesIntoTheOlderAndKeepsEveryCase()
    {
        var store = await StoreAsync();
        var a = await store.LinkAsync(Tenant, Case(0), ["id-x"], validDoxxing: false);
        var b = await store.LinkAsync(Tenant, Case(1), ["phone-y"], validDoxxing: false);
        var joining = Case(2);

        var joined = await store.LinkAsync(Tenant, joining, ["phone-y", "id-x", "email-z"], validDoxxing: false);
        var later = await store.LinkAsync(Tenant, Case(3), ["phone-y"], validDoxxing: false);

        Assert.Equal((a, a), (joined, later));
        Assert.Equal(a, (await store.GetAsync(Tenant, b!))!.MergedInto);
        Assert.Equal(4, (await store.GetAsync(Tenant, a!))!.CaseCount);
        Assert.Equal(a, await store.IncidentOfCaseAsync(Tenant, joining.CaseId));
        Assert.Equal([a], (await store.ListAsync(Tenant, 100, null)).Values.Select(i => i.IncidentId));
    }

    [Fact]
    public async Task Link_NoVictimKeys_NoIncidentButTheCaseIsMarkedLinked()
    {
        var store = await StoreAsync();
        var c = Case(0);

        Assert.Null(await store.LinkAsync(Tenant, c, [], validDoxxing: true));
        Assert.True(await store.IsLinkedAsync(Tenant, c.CaseId));
        Assert.Empty((await store.ListAsync(Tenant, 100, null)).Values);
    }

    [Fact]
    public async Task Link_ThirdValidNoticeAgainstAnUploader_FlagsIt_RedeliveryAndInvalidNoticesDoNot()
    {
        var store = await StoreAsync();
        var first = Case(0, "serial");
        await store.LinkAsync(Tenant, first, [], validDoxxing: true);
        await store.LinkAsync(Tenant, first, [], validDoxxing: true);
        await store.LinkAsync(Tenant, Case(1, "serial"), [], validDoxxing: false);
        var second = Case(2, "serial");
        await store.LinkAsync(Tenant, second, [], validDoxxing: true);
        Assert.Empty(await store.FlaggedDisclosersAsync(Tenant));

        var third = Case(3, "serial");
        await store.LinkAsync(Tenant, third, [], validDoxxing: true);

        var flagged = Assert.Single(await store.FlaggedDisclosersAsync(Tenant));
        Assert.Equal([first.CaseId, second.CaseId, third.CaseId], flagged.Cases);
        Assert.Equal(third.AcceptedAt, flagged.FlaggedAt);
    }
}
