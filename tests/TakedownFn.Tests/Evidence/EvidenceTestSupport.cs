using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Tests.Ledger;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Evidence;

/// <summary>Getting a case's bundle once all its steps are under a checkpoint, and running the verifier on it.</summary>
internal static class EvidenceTestSupport
{
    /// <summary>Polls until the bundle answers 200 (its steps are sequenced) and returns its text.</summary>
    public static async Task<string> BundleAsync(HttpClient client, string caseId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(new Uri($"/api/cases/{caseId}/evidence", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return await response.Content.ReadAsStringAsync();
            }

            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.True(DateTime.UtcNow < deadline, "the case's steps were not all sequenced within 30 s");
            await Task.Delay(200);
        }
    }

    /// <summary>Writes the tenant's published keys to a file for the verifier.</summary>
    public static async Task<string> KeyFileAsync(HttpClient client, string folder)
    {
        var keys = await client.GetFromJsonAsync<JsonElement>("/api/ledger/keys");
        var path = Path.Combine(folder, "ledger.pub.pem");
        await File.WriteAllTextAsync(path, keys.GetProperty("publicKeysPem").GetString());
        return path;
    }

    /// <summary>Runs the verifier's bundle command in this process; returns the exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> VerifyAsync(string folder, string bundle, string keyFile)
    {
        var path = Path.Combine(folder, $"bundle-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(path, bundle);
        var output = new StringWriter();
        var code = await Verifier.VerifierCli.RunAsync(["bundle", "--file", path, "--key", keyFile], output, output);
        File.Delete(path);
        return (code, output.ToString());
    }

    public static async Task RecordAsync(HttpClient platform, string caseId, JsonObject step)
    {
        step["occurredAt"] ??= DateTimeOffset.UtcNow.ToString("O");
        var response = await platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), SampleNotices.Json(step));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{step["kind"]}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static JsonObject Step(string kind) => new() { ["kind"] = kind };

    public static JsonObject Stage(JsonNode bundle, string stage) =>
        bundle["stages"]!.AsArray().Single(s => (string?)s!["stage"] == stage)!.AsObject();

    public static int StepIndex(JsonNode bundle, string kind) =>
        bundle["steps"]!.AsArray().Select((s, i) => (Kind: (string?)s!["kind"], i)).First(s => s.Kind == kind).i;

    public static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "takedownfn-evidence-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Dictionary<string, string> Settings(string signingKeyPem) => LedgerApp.Settings(signingKeyPem);
}
