using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Reports;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Reports;

/// <summary>One app and tenant with <see cref="Cases"/> seeded cases (<see cref="ReportSeed"/>), folded once, shared by a test class.</summary>
public sealed class SeededReports : IAsyncLifetime
{
    public const int PerPattern = 300;
    public const int Cases = 8 * PerPattern;
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite = new();

    public TakedownFnFactory App { get; private set; } = null!;

    public TestTenant Tenant { get; private set; } = null!;

    /// <summary>i % 5 == 0 names a trusted flagger, the rest a right holder.</summary>
    public static string RoleOf(int i) => i % 5 == 0 ? "trusted-flagger" : "right-holder";

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        App = new TakedownFnFactory(_azurite.Server);
        Tenant = await App.CreateTenantAsync();
        await App.Services.GetRequiredService<CaseStore>().ImportAsync(Tenant.TenantId, Enumerable.Range(0, Cases).Select(i => ReportSeed.Case(Tenant.TenantId, Start, i, RoleOf(i))));
        await App.Services.GetRequiredService<ReportFolding>().FoldTenantAsync(Tenant.TenantId, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
