using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 12's benchmark: the evidence bundle of a case with 50 steps (JSON and PDF) in a log that
/// also holds other cases' leaves, beside the case view of the same case (the same case and step
/// reads, without leaves, proofs, signing); and the offline verifier on that bundle, beside
/// parsing it. Three runs each; median of each run, then the median and spread of the runs.
/// </summary>
internal static class EvidenceBenchmark
{
    private const int Steps = 50;
    private const int Requests = 20;
    private const int Runs = 3;

    public static async Task RunAsync(AzuriteServer azurite, int otherCases)
    {
        await using var app = await AppUnderTest.StartAsync(azurite, "evidence", new Dictionary<string, string>
        {
            ["TakedownFn__Ledger__SettleTime"] = "00:00:00",
            ["TakedownFn__Ledger__CheckpointInterval"] = "00:00:00",
        });
        using var platform = app.Client("platform", 4);
        using var auditor = app.Client("auditor", 1);

        Report.Header($"evidence: bundle of a case with {Steps} steps in a log with {otherCases} other cases; {Runs} runs of {Requests} requests");
        await Parallel.ForEachAsync(Enumerable.Range(0, (otherCases + 99) / 100), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, ct) =>
        {
            var notices = string.Join(',', Enumerable.Range(0, Math.Min(100, otherCases - (batch * 100))).Select(n => IntakeBenchmark.Notice($"ev-{batch}-{n}")));
            using var response = await platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), IntakeBenchmark.Json($"{{\"notices\":[{notices}]}}"), ct);
            response.EnsureSuccessStatusCode();
        });

        var caseId = await CaseWithStepsAsync(platform, auditor);
        var bundle = await WaitForBundleAsync(auditor, caseId);
        var leaves = JsonNode.Parse(bundle)!["checkpoint"]!["treeSize"]!.GetValue<long>();
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"log size at the bundle",-36} {leaves,9} leaves, bundle {bundle.Length / 1024.0:F0} KiB"));

        var view = await RunsAsync(() => GetAsync(auditor, $"/api/cases/{caseId}"));
        var json = await RunsAsync(() => GetAsync(auditor, $"/api/cases/{caseId}/evidence"));
        var pdf = await RunsAsync(() => GetAsync(auditor, $"/api/cases/{caseId}/evidence?format=pdf"));
        Print("case view (baseline)", view);
        Print("evidence bundle, JSON (target < 100 ms)", json, view);
        Print("evidence bundle, PDF", pdf, view);

        var folder = Directory.CreateTempSubdirectory("takedownfn-evidence-bench").FullName;
        var file = Path.Combine(folder, "bundle.json");
        var key = Path.Combine(folder, "ledger.pub.pem");
        await File.WriteAllTextAsync(file, bundle);
        await File.WriteAllTextAsync(key, JsonNode.Parse(bundle)!["verificationKeysPem"]!.GetValue<string>());
        var parse = await RunsAsync(() =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return Task.CompletedTask;
        });
        var verify = await RunsAsync(async () =>
        {
            var code = await Verifier.VerifierCli.RunAsync(["bundle", "--file", file, "--key", key], TextWriter.Null, TextWriter.Null);
            if (code != 0)
            {
                throw new InvalidOperationException($"the verifier rejected the bundle (exit {code})");
            }
        });
        Print("reading the bundle file (baseline)", parse);
        Print("verifier bundle (in process)", verify, parse);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A DMCA case: received, validated, triaged, removed, then corrections up to <see cref="Steps"/> steps.</summary>
    private static async Task<string> CaseWithStepsAsync(HttpClient platform, HttpClient auditor)
    {
        using var submitted = await platform.PostAsync(new Uri("/api/notices", UriKind.Relative), IntakeBenchmark.Json(IntakeBenchmark.Notice("evidence-50")));
        submitted.EnsureSuccessStatusCode();
        var caseId = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["caseId"]!.GetValue<string>();
        JsonNode? view = null;
        for (var i = 0; i < 600 && (string?)view?["state"] != "triaged"; i++)
        {
            await Task.Delay(100);
            view = JsonNode.Parse(await auditor.GetStringAsync(new Uri($"/api/cases/{caseId}", UriKind.Relative)));
        }

        var received = (string)view!["timeline"]![0]!["eventId"]!;
        await StepAsync(platform, caseId, new JsonObject { ["kind"] = "content-removed" });
        for (var n = view["timeline"]!.AsArray().Count + 1; n < Steps; n++)
        {
            await StepAsync(platform, caseId, new JsonObject { ["kind"] = "correction", ["correctsStepId"] = received, ["reason"] = $"correction {n}" });
        }

        return caseId;
    }

    private static async Task StepAsync(HttpClient platform, string caseId, JsonObject step)
    {
        step["occurredAt"] = DateTimeOffset.UtcNow.ToString("O");
        using var response = await platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), IntakeBenchmark.Json(step.ToJsonString()));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> WaitForBundleAsync(HttpClient auditor, string caseId)
    {
        for (var i = 0; i < 1200; i++)
        {
            using var response = await auditor.GetAsync(new Uri($"/api/cases/{caseId}/evidence", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsStringAsync();
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the case's steps were not sequenced within 5 minutes");
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>One warm-up, then <see cref="Runs"/> runs of <see cref="Requests"/> sequential calls; each run's median, in ms.</summary>
    private static async Task<double[]> RunsAsync(Func<Task> call)
    {
        await call();
        var medians = new double[Runs];
        for (var r = 0; r < Runs; r++)
        {
            var times = new double[Requests];
            for (var i = 0; i < Requests; i++)
            {
                var watch = Stopwatch.StartNew();
                await call();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            medians[r] = times[Requests / 2];
        }

        return medians;
    }

    private static void Print(string name, double[] runs, double[]? baseline = null)
    {
        var sorted = runs.Order().ToArray();
        var ratio = baseline is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"  {sorted[Runs / 2] / baseline.Order().ElementAt(Runs / 2),5:F1}x the baseline");
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{name,-42} median {sorted[Runs / 2],7:F1} ms (runs {sorted[0]:F1}–{sorted[^1]:F1}){ratio}"));
    }
}
