using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using TakedownFn.Tests.Sla;

namespace TakedownFn.Tests.Reports;

/// <summary>Closing a period: frozen bytes, signed with the ledger key and bound to the checkpoint; later steps show as differences.</summary>
public class ReportPeriodTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task ClosePeriod_LaterStep_SameBytesAndADifference()
    {
        var first = await SubmitAsync();
        await SubmitAsync();
        await TriagedAsync(first);
        var checkpoint = await CheckpointAsync();
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var period = new JsonObject
        {
            ["from"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["groupBy"] = "regime",
        };

        var closed = await Tenant.Officer.PostAsync(new Uri("/api/reports/periods", UriKind.Relative), SampleNotices.Json(period));
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        var body = await closed.Content.ReadAsByteArrayAsync();
        var location = closed.Headers.Location!.ToString();

        // The statement's digest, the checkpoint it is bound to, and the ledger key's signature.
        using var document = JsonDocument.Parse(body);
        var statement = document.RootElement.GetProperty("statement");
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statement.GetRawText())));
        Assert.Equal(digest, document.RootElement.GetProperty("statementSha256").GetString());
        Assert.Equal(2, statement.GetProperty("report").GetProperty("total").GetProperty("received").GetInt64());
        var bound = statement.GetProperty("checkpoint");
        Assert.True(bound.GetProperty("treeSize").GetInt64() >= checkpoint.GetProperty("treeSize").GetInt64());
        var note = SignedNote.Parse(document.RootElement.GetProperty("signedNote").GetString()!);
        Assert.Contains($"sha256 {digest}\n", note.Text, StringComparison.Ordinal);
        Assert.Contains($"\n{bound.GetProperty("treeSize").GetInt64()} ", note.Text, StringComparison.Ordinal);
        Assert.True(await SignedByLedgerKeyAsync(note));

        // Closing again changes nothing; a later step leaves the bytes alone and shows as a difference.
        var again = await Tenant.Officer.PostAsync(new Uri("/api/reports/periods", UriKind.Relative), SampleNotices.Json(period));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(body, await again.Content.ReadAsByteArrayAsync());
        await SlaTestSupport.RecordStepAsync(Tenant.Platform, first, new JsonObject { ["kind"] = "content-removed" });

        Assert.Equal(body, await Tenant.Auditor.GetByteArrayAsync(new Uri(location, UriKind.Relative)));
        var differences = await Tenant.Officer.GetFromJsonAsync<JsonElement>(new Uri(location + "/differences", UriKind.Relative));
        var changed = differences.GetProperty("differences").EnumerateArray().ToDictionary(d => d.GetProperty("path").GetString()!, d => (d.GetProperty("frozen").GetRawText(), d.GetProperty("now").GetRawText()));
        Assert.Equal(("0", "1"), changed["groups[regime=us-dmca].actioned.removed"]);
        Assert.Equal(("2", "1"), changed["groups[regime=us-dmca].stillOpen"]);
        // The totals are named as the report names them, not as a group with an empty key.
        Assert.Equal(("0", "1"), changed["total.actioned.removed"]);
        Assert.DoesNotContain(changed.Keys, path => path.StartsWith("groups[]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClosePeriod_PlatformKey_Forbidden()
    {
        var response = await Tenant.Platform.PostAsync(new Uri("/api/reports/periods", UriKind.Relative), SampleNotices.Json(new JsonObject { ["from"] = "2026-10-01", ["to"] = "2026-11-01" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ClosePeriod_MissingTo_ProblemNamesIt()
    {
        var response = await Tenant.Officer.PostAsync(new Uri("/api/reports/periods", UriKind.Relative), SampleNotices.Json(new JsonObject { ["from"] = "2026-10-01" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    /// <summary>Waits for a checkpoint holding both notices' first steps (404 until the sequencer publishes one).</summary>
    private async Task<JsonElement> CheckpointAsync()
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            var response = await Tenant.Officer.GetAsync(new Uri("/api/ledger/checkpoint", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var checkpoint = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (checkpoint.GetProperty("treeSize").GetInt64() >= 2 || DateTime.UtcNow > deadline)
                {
                    return checkpoint;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "no checkpoint within 60 s");
        }
    }

    private async Task<bool> SignedByLedgerKeyAsync(SignedNote note)
    {
        var keys = await Tenant.Auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/ledger/keys", UriKind.Relative));
        var signature = note.Signatures.Single();
        foreach (var key in keys.GetProperty("keys").EnumerateArray())
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(key.GetProperty("publicKeyPem").GetString());
            if (ecdsa.VerifyData(Encoding.UTF8.GetBytes(note.Text), signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return true;
            }
        }

        return false;
    }
}
