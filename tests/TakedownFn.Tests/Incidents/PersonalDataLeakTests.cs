using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TakedownFn.Testing;
using TakedownFn.Tests.Erasure;
using TakedownFn.Tests.Ledger;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Incidents;

/// <summary>
/// Submits notices whose excerpts, uploaders and victim account hold known fake personal data, lets
/// them be triaged, linked and sequenced into the ledger, then searches every table row, queue
/// message, blob, the ledger export, the app's logs and the error answers for those values, raw,
/// normalised and JSON-escaped, and finds none.
/// </summary>
public sealed class PersonalDataLeakTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string IdFullWidth = "１１０１０５１９４９１２３１００２Ｘ";
    private const string IdSpaced = "110105 19491231 002X";
    private const string IdNormalised = "11010519491231002X";
    private const string PhoneDashed = "139-8765-4321";
    private const string Card = "6222021234567890128";
    private const string Email = "leak.victim@example.org";
    private const string Plate = "浙A88888";
    private const string Address = "上海市浦东新区世纪大道100号2号楼3单元1201室";
    private const string VictimAccount = "weibo:leak-victim-2026";
    private const string Uploader = "doxxer-leak-99";

    /// <summary>Every form a value could be written in: as sent, normalised, and as JSON escapes it.</summary>
    private static readonly string[] Needles = Forms(
        IdFullWidth, IdSpaced, IdNormalised, PhoneDashed, "13987654321", "+8613987654321", Card, Email, Plate, "88888", Address, "世纪大道100号", VictimAccount, "leak-victim-2026", Uploader);

    private TakedownFnFactory app = null!;
    private TestTenant tenant = null!;

    public async Task InitializeAsync()
    {
        app = new TakedownFnFactory(azurite.Server, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Debug" }, services: s => s.AddFakeLogging());
        tenant = await app.CreateTenantAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Process_NoticesWithKnownPersonalData_NoValueAnywhereInStorageLedgerLogsOrErrors()
    {
        var excerpts = new[]
        {
            $"开盒：身份证{IdFullWidth}，手机{PhoneDashed}，住{Address}",
            $"他的身份证 {IdSpaced}，卡号{Card}，邮箱{Email}，车牌{Plate}，附病历",
        };
        var cases = new List<string>();
        foreach (var excerpt in excerpts)
        {
            var notice = DoxxingNotices.With(excerpt, uploader: Uploader, victimAccount: VictimAccount);
            var response = await tenant.Platform.PostAsync("/api/notices", SampleNotices.Json(notice));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            cases.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!);
        }

        var errorBodies = await BadRequestsAsync();
        foreach (var caseId in cases)
        {
            var view = await Eventually.GetJsonAsync(tenant.Officer, $"/api/cases/{caseId}", v => v.TryGetProperty("incident", out var i) && i.ValueKind == JsonValueKind.String);
            Assert.Contains("id-number", view.GetProperty("personalData").GetProperty("kinds").EnumerateObject().Select(k => k.Name));
            errorBodies.Add(view.GetRawText()); // what the platform reads back must not show the values either
        }

        // received, validated, triaged per case
        await LedgerApp.CheckpointAsync(tenant.Auditor, cases.Count * 3);
        var export = await tenant.Auditor.GetByteArrayAsync("/api/ledger/export");

        var places = new List<(string Where, string Text)>();
        places.AddRange(await StoredEverywhere.ReadAsync(azurite.Server, app.StoragePrefix));
        places.Add(("ledger export", Encoding.UTF8.GetString(export)));
        places.AddRange(errorBodies.Select(b => ("error or case answer", b)));
        places.AddRange(app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Select(r => ($"log {r.Category}", $"{r.Message} {r.Exception} {string.Join(" ", r.StructuredState?.Select(kv => kv.Value) ?? [])}")));

        // The search would find them if they were there: the case rows and the logs are really read.
        Assert.Contains(places, p => p.Text.Contains(cases[0], StringComparison.Ordinal) && p.Where.StartsWith("table", StringComparison.Ordinal));
        Assert.Contains(places, p => p.Where.StartsWith("log", StringComparison.Ordinal) && p.Text.Contains(cases[0], StringComparison.Ordinal));

        var leaks = places.SelectMany(p => Needles.Where(n => p.Text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{p.Where}: {n}")).Distinct().ToList();
        Assert.True(leaks.Count == 0, "personal data found in: " + string.Join("; ", leaks));
    }

    /// <summary>Requests that fail with the values inside them; the answers are collected.</summary>
    private async Task<List<string>> BadRequestsAsync()
    {
        var bodies = new List<string>();
        async Task Send(HttpContent content)
        {
            var response = await tenant.Platform.PostAsync("/api/notices", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            bodies.Add(response.Headers + "\n" + await response.Content.ReadAsStringAsync());
        }

        var tooLong = DoxxingNotices.With(IdNormalised + " " + PhoneDashed + new string('x', 16_384), uploader: Uploader);
        await Send(SampleNotices.Json(tooLong));
        var badMarker = DoxxingNotices.With("x");
        badMarker["items"]![0]!["markers"] = new JsonArray(IdNormalised, Email);
        await Send(SampleNotices.Json(badMarker));
        var badAccount = DoxxingNotices.With(Address, victimAccount: VictimAccount + "\u0001");
        await Send(SampleNotices.Json(badAccount));
        await Send(SampleNotices.Json($$"""{"regime": "cn-personal-info", "items": [{"excerpt": "{{IdNormalised}}", "url": 5}]"""));
        await Send(SampleNotices.Json($$"""{"regime": "{{IdNormalised}}", "category": "{{Email}}", "items": []}"""));
        return bodies;
    }

    private static string[] Forms(params string[] values) =>
        [.. values.SelectMany(v => new[]
        {
            v,
            JsonSerializer.Serialize(v)[1..^1],
            JsonEncodedText.Encode(v, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        }).Distinct()];
}
