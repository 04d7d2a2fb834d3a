using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Storage;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Erasure;

/// <summary>Cases stored before per-case data keys stay readable, and <c>cases seal</c> seals them in place, once.</summary>
public sealed class CaseSealTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task SealAll_LegacyPlainNotice_SealsItOnceAndItReadsTheSame()
    {
        var marker = $"Legacy Notifier {Guid.NewGuid():N}";
        var notice = SampleNotices.Dmca();
        notice["notifier"]!["name"] = marker;
        var caseId = await SubmitAsync(notice);
        await TriagedAsync(caseId);
        var store = App.Services.GetRequiredService<CaseStore>();
        var table = App.Services.GetRequiredService<StorageClients>().Cases;
        var original = (await store.GetAsync(Tenant.TenantId, caseId, withNotice: true))!.Notice!;
        await MakeLegacyAsync(table, caseId, original);
        Assert.Contains(marker, await RawRowAsync(table, caseId), StringComparison.Ordinal);
        Assert.Equal(original, (await store.GetAsync(Tenant.TenantId, caseId, withNotice: true))!.Notice);

        var first = await store.SealAllAsync();
        var second = await store.SealAllAsync();

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 0), second);
        var raw = await RawRowAsync(table, caseId);
        Assert.DoesNotContain(marker, raw, StringComparison.Ordinal);
        Assert.Contains("DataKey=tfn-env1:", raw, StringComparison.Ordinal);
        Assert.Equal(original, (await store.GetAsync(Tenant.TenantId, caseId, withNotice: true))!.Notice);
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
        var erased = await Tenant.Officer.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json("""{"legalBasis": "pipl-47"}"""));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.DoesNotContain(marker, await RawRowAsync(table, caseId), StringComparison.Ordinal);
    }

    /// <summary>Rewrites the case row as versions before per-case keys stored it: the notice plain in <c>Notice0</c>.</summary>
    private async Task MakeLegacyAsync(TableClient table, string caseId, byte[] notice)
    {
        var row = (await table.GetEntityAsync<TableEntity>(Tenant.TenantId, CaseKeys.Case(caseId))).Value;
        foreach (var key in row.Keys.Where(k => k == "DataKey" || k.StartsWith("Sealed", StringComparison.Ordinal)).ToList())
        {
            row.Remove(key);
        }

        row["Notice0"] = notice;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    private async Task<string> RawRowAsync(TableClient table, string caseId)
    {
        var row = (await table.GetEntityAsync<TableEntity>(Tenant.TenantId, CaseKeys.Case(caseId))).Value;
        return string.Join(" ", row.Select(p => p.Key + "=" + (p.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : p.Value)));
    }
}
