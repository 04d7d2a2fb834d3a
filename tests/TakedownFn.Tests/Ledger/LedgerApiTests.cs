using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Ledger;

/// <summary>The ledger API through the real app on Azurite: steps become leaves, proofs verify, bad requests are named.</summary>
public sealed class LedgerApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly LedgerKeyPair _key = LedgerKeyPair.Generate();
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server, LedgerApp.Settings(_key.PrivateKeyPem));
        _tenant = await _app.CreateTenantAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Steps_RecordedThroughTheApi_AppearAsLeavesUnderAVerifiedCheckpoint()
    {
        var (caseId, events) = await LedgerApp.TriagedCaseAsync(_tenant);

        var checkpoint = await LedgerApp.CheckpointAsync(_tenant.Auditor, events.Count);
        var verified = await LedgerApp.VerifyAsync(_tenant.Officer, checkpoint);
        var leaves = await _tenant.Auditor.GetFromJsonAsync<JsonElement>("/api/ledger/leaves?start=0&count=10");

        Assert.Equal(events.Count, verified.TreeSize);
        Assert.Equal($"takedownfn.example/ledger/{_tenant.TenantId}", verified.Origin);
        Assert.Equal(events, leaves.GetProperty("leaves").EnumerateArray().Select(l => l.GetProperty("eventId").GetString()));
        var leafBytes = leaves.GetProperty("leaves").EnumerateArray().Select(l => (ReadOnlyMemory<byte>)Convert.FromBase64String(l.GetProperty("leaf").GetString()!));
        Assert.Equal(verified.RootHash, MerkleReplay.RootFromLeaves(leafBytes));
        var first = Encoding.UTF8.GetString(Convert.FromBase64String(leaves.GetProperty("leaves")[0].GetProperty("leaf").GetString()!));
        Assert.Contains($"\"caseId\":\"{caseId}\"", first, StringComparison.Ordinal);
        Assert.Contains("\"notice\":", first, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InclusionProof_ForAnEvent_VerifiesAgainstTheSignedRoot()
    {
        var (_, events) = await LedgerApp.TriagedCaseAsync(_tenant);
        var checkpoint = await LedgerApp.VerifyAsync(_tenant.Auditor, await LedgerApp.CheckpointAsync(_tenant.Auditor, events.Count));

        var byEvent = await _tenant.Auditor.GetFromJsonAsync<JsonElement>($"/api/ledger/proofs/inclusion?eventId={events[1]}&size={checkpoint.TreeSize}");
        var byIndex = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/ledger/proofs/inclusion?index=1&size={checkpoint.TreeSize}");

        Assert.Equal(1, byEvent.GetProperty("index").GetInt64());
        var leafHash = Rfc6962.HashLeaf(Convert.FromBase64String(byEvent.GetProperty("leaf").GetString()!));
        MerkleVerifier.VerifyInclusion(1, checkpoint.TreeSize, leafHash, LedgerApp.Proof(byEvent), checkpoint.RootHash);
        Assert.Equal(byEvent.GetProperty("proof").ToString(), byIndex.GetProperty("proof").ToString());
        Assert.Throws<RootMismatchException>(() => MerkleVerifier.VerifyInclusion(0, checkpoint.TreeSize, leafHash, LedgerApp.Proof(byEvent), checkpoint.RootHash));
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies()
    {
        var (_, first) = await LedgerApp.TriagedCaseAsync(_tenant);
        var older = await LedgerApp.VerifyAsync(_tenant.Auditor, await LedgerApp.CheckpointAsync(_tenant.Auditor, first.Count));
        var (_, second) = await LedgerApp.TriagedCaseAsync(_tenant);
        var newer = await LedgerApp.VerifyAsync(_tenant.Auditor, await LedgerApp.CheckpointAsync(_tenant.Auditor, first.Count + second.Count));

        var proof = await _tenant.Auditor.GetFromJsonAsync<JsonElement>($"/api/ledger/proofs/consistency?from={older.TreeSize}&to={newer.TreeSize}");

        MerkleVerifier.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash, newer.RootHash, LedgerApp.Proof(proof));
    }

    [Theory]
    [InlineData("proofs/inclusion?index=3&size=3", "index", "index 3 is beyond size 3")]
    [InlineData("proofs/inclusion?index=0&size=4", "size", "beyond the log")]
    [InlineData("proofs/inclusion?size=3", "index", "either index or eventId")]
    [InlineData("proofs/inclusion?index=x&size=3", "index", "whole number")]
    [InlineData("proofs/inclusion?index=0&size=0", "size", "at least 1")]
    [InlineData("proofs/consistency?from=3&to=2", "from", "from 3 is beyond to 2")]
    [InlineData("proofs/consistency?from=0&to=3", "from", "at least 1")]
    [InlineData("proofs/consistency?from=1&to=4", "to", "beyond the log")]
    [InlineData("leaves?start=0&count=1001", "count", "1 to 1000")]
    [InlineData("leaves?start=3", "start", "beyond the log")]
    public async Task OutOfRange_Answers400NamingTheParameter(string path, string field, string reason)
    {
        var (_, events) = await LedgerApp.TriagedCaseAsync(_tenant);
        await LedgerApp.CheckpointAsync(_tenant.Auditor, events.Count);
        Assert.Equal(3, events.Count);

        var response = await _tenant.Auditor.GetAsync(new Uri($"/api/ledger/{path}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!);
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Roles_PlatformIsForbiddenAndAnotherTenantSeesOnlyItsOwnLog()
    {
        var (_, events) = await LedgerApp.TriagedCaseAsync(_tenant);
        await LedgerApp.CheckpointAsync(_tenant.Auditor, events.Count);
        var other = await _app.CreateTenantAsync("Other platform");

        foreach (var path in new[] { "checkpoint", "keys", "proofs/inclusion?index=0&size=1", "proofs/consistency?from=1&to=2", "leaves", "export" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await _tenant.Platform.GetAsync(new Uri($"/api/ledger/{path}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.Auditor.GetAsync(new Uri("/api/ledger/checkpoint", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.Auditor.GetAsync(new Uri($"/api/ledger/proofs/inclusion?eventId={events[0]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.Officer.GetAsync(new Uri("/api/ledger/leaves", UriKind.Relative))).StatusCode);
        var keys = await other.Auditor.GetFromJsonAsync<JsonElement>("/api/ledger/keys");
        Assert.Equal($"takedownfn.example/ledger/{other.TenantId}", keys.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task AlteredLeafInTableStorage_IsCaughtBySelfCheckAndByTheVerifier()
    {
        var (_, events) = await LedgerApp.TriagedCaseAsync(_tenant);
        await LedgerApp.CheckpointAsync(_tenant.Auditor, events.Count);
        var directory = Directory.CreateTempSubdirectory("ledger-export").FullName;
        var keyFile = Path.Combine(directory, "ledger.pub.pem");
        await File.WriteAllTextAsync(keyFile, (await _tenant.Auditor.GetFromJsonAsync<JsonElement>("/api/ledger/keys")).GetProperty("publicKeysPem").GetString());
        var good = Path.Combine(directory, "good.jsonl");
        await File.WriteAllBytesAsync(good, await _tenant.Auditor.GetByteArrayAsync(new Uri("/api/ledger/export", UriKind.Relative)));
        Assert.Equal(0, (await LedgerApp.RunVerifierAsync("export", "--file", good, "--key", keyFile)).ExitCode);

        var table = _app.Services.GetRequiredService<StorageClients>().LedgerLog;
        var row = (await table.GetEntityAsync<TableEntity>(_tenant.TenantId, LedgerRows.Leaf(1))).Value;
        var leaf = row.GetBinary("Leaf")!;
        leaf[leaf.Length / 2] ^= 0x01;
        row["Leaf"] = leaf;
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace);

        var report = await LedgerSelfCheck.RunAsync(_app.Services.GetRequiredService<LedgerStore>(), _app.Services.GetRequiredService<LedgerSigningKeys>(), _tenant.TenantId);
        await using var command = AppProcess.Start(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.Server.ConnectionString,
                ["TakedownFn__StoragePrefix"] = _app.StoragePrefix,
                ["TakedownFn__Ledger__SigningKeyPem"] = _key.PrivateKeyPem,
            },
            ["ledger", "self-check", _tenant.TenantId]);
        await command.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var altered = Path.Combine(directory, "altered.jsonl");
        await File.WriteAllBytesAsync(altered, await _tenant.Auditor.GetByteArrayAsync(new Uri("/api/ledger/export", UriKind.Relative)));
        var verdict = await LedgerApp.RunVerifierAsync("export", "--file", altered, "--key", keyFile);

        Assert.False(report.Ok);
        Assert.Contains(report.Problems, p => p.Index == 1);
        Assert.Equal(1, command.ExitCode);
        Assert.Contains("leaf 1: the stored leaf hash is not the hash of the stored leaf bytes", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", command.Output, StringComparison.Ordinal);
        Assert.Equal(1, verdict.ExitCode);
        Assert.Contains("root", verdict.Output, StringComparison.OrdinalIgnoreCase);
    }
}
