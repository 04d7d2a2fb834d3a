using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Ledger;

/// <summary>Helpers for the ledger tests: an app whose ledger publishes at once, notices, checkpoints, the verifier.</summary>
internal static class LedgerApp
{
    public static Dictionary<string, string> Settings(string signingKeyPem, string? prefix = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["TakedownFn:Ledger:SigningKeyPem"] = signingKeyPem,
            ["TakedownFn:Ledger:CheckpointInterval"] = "00:00:00",
            ["TakedownFn:Ledger:SettleTime"] = "00:00:00",
        };
        if (prefix is not null)
        {
            settings["TakedownFn:StoragePrefix"] = prefix;
        }

        return settings;
    }

    /// <summary>Submits a notice and waits until it is triaged; returns its case id and step event ids.</summary>
    public static async Task<(string CaseId, List<string> EventIds)> TriagedCaseAsync(TestTenant tenant)
    {
        var response = await tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var view = await Eventually.GetJsonAsync(tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        return (caseId, view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("eventId").GetString()!).ToList());
    }

    /// <summary>Waits for a checkpoint of at least <paramref name="size"/> leaves.</summary>
    public static async Task<JsonElement> CheckpointAsync(HttpClient client, long size)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/api/ledger/checkpoint", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var checkpoint = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (checkpoint.GetProperty("treeSize").GetInt64() >= size)
                {
                    return checkpoint;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of {size} leaves within 30 s (last answer {response.StatusCode})");
            await Task.Delay(200);
        }
    }

    /// <summary>Verifies a signed checkpoint with the keys the API publishes.</summary>
    public static async Task<Checkpoint> VerifyAsync(HttpClient client, JsonElement checkpoint)
    {
        var keys = await client.GetFromJsonAsync<JsonElement>("/api/ledger/keys");
        var verifier = new CheckpointVerifier(NoteVerifierKey.FromPem(keys.GetProperty("origin").GetString()!, keys.GetProperty("publicKeysPem").GetString()!));
        return verifier.Verify(checkpoint.GetProperty("checkpoint").GetString()!, keys.GetProperty("origin").GetString());
    }

    public static byte[] Hex(JsonElement value) => Convert.FromHexString(value.GetString()!);

    public static List<byte[]> Proof(JsonElement response) => response.GetProperty("proof").EnumerateArray().Select(Hex).ToList();

    /// <summary>Runs the auditors' verifier as its own process.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerifierAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TakedownFn.Verifier.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return (process.ExitCode, await output + await error);
    }

    public static AzuriteServer Server(AzuriteFixture azurite) => azurite.Server;
}
