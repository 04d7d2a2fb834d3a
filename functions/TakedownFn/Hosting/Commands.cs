using System.Text.Json;
using TakedownFn.Auth;
using TakedownFn.Reports;
using TakedownFn.Storage;
using TakedownFn.Storage.Ledger;
using TakedownFn.Tenants;

namespace TakedownFn.Hosting;

/// <summary>
/// Operator commands run with the app's own configuration instead of serving:
/// <c>tenant create NAME</c>, <c>key issue TENANT ROLE</c>,
/// <c>key issue-admin</c>, <c>demo</c> (a demo tenant with one key per role, for local runs) and
/// <c>ledger self-check TENANT</c> (replays the tenant's stored log; exit code 1 when anything is wrong) and
/// <c>report reconcile TENANT [--repair]</c> (recomputes the report rollups from the raw case rows; exit code 1 on a difference left unrepaired) and
/// <c>secrets rewrap</c> (every kept secret re-wrapped under the current key-encryption key) and
/// <c>cases seal</c> (notices of cases accepted before per-case data keys sealed under one; data keys re-wrapped under the current KEK).
/// Keys are printed once, as JSON on standard output, and stored only as hashes.
/// </summary>
internal static class Commands
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "tenant" or "key" or "demo" or "ledger" or "report" or "secrets" or "cases";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var cancellationToken = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureAsync(cancellationToken);
        if (args is ["ledger", "self-check", var checkedTenant])
        {
            var report = await LedgerSelfCheck.RunAsync(
                app.Services.GetRequiredService<LedgerStore>(), app.Services.GetRequiredService<LedgerSigningKeys>(), checkedTenant, cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(report, Output));
            return report.Ok ? 0 : 1;
        }

        if (args is ["report", "reconcile", var reconciled, .. var options] && options.All(o => o == "--repair"))
        {
            var reconciliation = await app.Services.GetRequiredService<ReportReconciliation>().RunAsync(reconciled, options.Length > 0, cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(reconciliation, Output));
            return reconciliation.Ok ? 0 : 1;
        }

        if (args is ["secrets", "rewrap"])
        {
            var protector = app.Services.GetRequiredService<Storage.Secrets.SecretProtector>();
            var rewrapped = await Storage.Secrets.SecretRewrap.RunAsync(app.Services.GetRequiredService<StorageClients>().Tenants, protector, cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(new { rewrapped, keyEncryptionKey = protector.CurrentKeyId }, Output));
            return 0;
        }

        if (args is ["cases", "seal"])
        {
            var (sealedNotices, rewrapped) = await app.Services.GetRequiredService<Storage.Cases.CaseStore>().SealAllAsync(cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(new { sealedNotices, rewrappedDataKeys = rewrapped }, Output));
            return 0;
        }

        var admin = app.Services.GetRequiredService<TenantAdministration>();
        object? result = args switch
        {
            ["tenant", "create", var name] => await admin.CreateTenantAsync(name, cancellationToken),
            ["key", "issue", var tenant, var roleName] when Roles.TryParse(roleName, out var role) && role != Role.Admin =>
                await admin.IssueKeyAsync(tenant, role, cancellationToken),
            ["key", "issue-admin"] => await admin.IssueKeyAsync(null, Role.Admin, cancellationToken),
            ["demo"] => await DemoAsync(admin, cancellationToken),
            _ => null,
        };
        if (result is null)
        {
            await Console.Error.WriteLineAsync("usage: TakedownFn tenant create NAME | key issue TENANT platform|officer|auditor | key issue-admin | demo | ledger self-check TENANT | report reconcile TENANT [--repair] | secrets rewrap");
            return 2;
        }

        Console.WriteLine(JsonSerializer.Serialize(result, Output));
        return 0;
    }

    private static async Task<object> DemoAsync(TenantAdministration admin, CancellationToken cancellationToken)
    {
        var tenant = await admin.CreateTenantAsync("Demo platform", cancellationToken);
        var keys = new Dictionary<string, string>();
        foreach (var role in new[] { Role.Platform, Role.Officer, Role.Auditor })
        {
            keys[role.Name()] = (await admin.IssueKeyAsync(tenant.TenantId, role, cancellationToken)).Key;
        }

        return new { tenant.TenantId, tenant.Name, Keys = keys };
    }
}
