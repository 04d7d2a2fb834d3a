using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TakedownFn.Domain.Detection;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 13's benchmark: personal-information detection on 10 KB excerpts, MB/s on one core (one
/// thread), beside one pass of a plain 11-digit regex over the same text; and notices accepted per
/// second through <c>POST /api/notices</c> with a 10 KB excerpt beside the same notice without
/// one (app process with its background functions held, on Azurite). Three runs of each, reported
/// as median and min–max (after one untimed run of each), the two sides alternating within each run.
/// </summary>
internal static partial class DetectionBenchmark
{
    private const int Runs = 3;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [GeneratedRegex(@"\d{11}", RegexOptions.CultureInvariant)]
    private static partial Regex ElevenDigits();

    public static async Task RunAsync(AzuriteServer azurite, Settings settings)
    {
        var excerpt = Excerpt(10 * 1024);
        var megabytes = Encoding.UTF8.GetByteCount(excerpt) / 1_000_000.0;
        Report.Header(string.Create(CultureInfo.InvariantCulture,
            $"detection: {Encoding.UTF8.GetByteCount(excerpt)}-byte excerpts ({PersonalDataDetector.Detect(excerpt, Today).Count} findings each), one thread"));
        var detect = new List<double>();
        var baseline = new List<double>();

        // One untimed run of each first: on a loaded machine tiered JIT takes seconds to reach the
        // optimised code, and the first timed run would measure the JIT instead.
        PerSecond(() => ElevenDigits().Count(excerpt), settings.Duration);
        PerSecond(() => PersonalDataDetector.Detect(excerpt, Today).Count, settings.Duration);
        for (var run = 0; run < Runs; run++)
        {
            baseline.Add(PerSecond(() => ElevenDigits().Count(excerpt), settings.Duration) * megabytes);
            detect.Add(PerSecond(() => PersonalDataDetector.Detect(excerpt, Today).Count, settings.Duration) * megabytes);
        }

        Line("one \\d{11} regex pass (baseline)", baseline, "MB/s");
        Line("PersonalDataDetector.Detect", detect, "MB/s");
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"  ratio to the baseline, median",-36} {Median(detect) / Median(baseline),9:F3}"));

        await IntakeAsync(azurite, settings, excerpt);
    }

    private static async Task IntakeAsync(AzuriteServer azurite, Settings settings, string excerpt)
    {
        await using var app = await AppUnderTest.StartAsync(azurite, "benchdetect",
            new[] { "ProcessIntake", "SweepIntake", "SequenceLedger" }.ToDictionary(f => $"AzureWebJobs__{f}__Disabled", _ => "true"));
        using var http = app.Client("platform", settings.Workers * 2);
        var escaped = System.Text.Json.JsonSerializer.Serialize(excerpt);
        var n = 0;
        Func<int, Task<int>> Submit(bool withExcerpt) => async i =>
        {
            var reference = $"d{Interlocked.Increment(ref n)}-{i}";
            using var response = await http.PostAsync(new Uri("/api/notices", UriKind.Relative), IntakeBenchmark.Json(Doxxing(reference, withExcerpt ? escaped : null)));
            response.EnsureSuccessStatusCode();
            return 1;
        };

        Report.Header($"detection: notices accepted per second, doxxing notice with and without a {Encoding.UTF8.GetByteCount(excerpt)}-byte excerpt (background held)");
        var without = new List<double>();
        var with = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var (a, b) = await Measurement.CompareAsync(Submit(false), Submit(true), settings.Workers, settings.Duration, rounds: 1);
            without.Add(a);
            with.Add(b);
        }

        Line("POST /api/notices without excerpt", without, "notices/s");
        Line("POST /api/notices with excerpt", with, "notices/s");
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"  ratio with/without, median",-36} {Median(with) / Median(without),9:F2}"));
    }

    /// <summary>Calls per second of <paramref name="work"/> on this thread for <paramref name="duration"/> (after a short warm-up).</summary>
    private static double PerSecond(Func<int> work, TimeSpan duration)
    {
        var sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1)) // long enough for tiered JIT to reach its optimised code
        {
            sink += work();
        }

        var calls = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            sink += work();
            calls++;
        }

        GC.KeepAlive(sink);
        return calls / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A doxxing post of about <paramref name="bytes"/> UTF-8 bytes: Chinese prose with fake values every few hundred bytes.</summary>
    private static string Excerpt(int bytes)
    {
        string[] parts =
        [
            "网友爆料称此人长期在网上发布不实言论，引发大量关注，评论区有人开始扒他的信息。",
            "身份证号11010519491231002X，",
            "手机 138 1234 5678，",
            "家住北京市朝阳区建国路88号3号楼2单元501室，",
            "The thread was reposted 2,300 times before 10:45; order no. 2024112900012345 is unrelated. ",
            "邮箱 someone@example.com，车牌京A12345，",
            "附上他的病历截图和微信聊天记录，大家自己判断。",
        ];
        var text = new StringBuilder();
        for (var i = 0; Encoding.UTF8.GetByteCount(text.ToString()) < bytes; i++)
        {
            text.Append(parts[i % parts.Length]);
        }

        return text.ToString();
    }

    private static string Doxxing(string reference, string? excerptJson) =>
        $$"""{"regime":"cn-personal-info","category":"photos","items":[{"url":"https://forum.example/t/{{reference}}"{{(excerptJson is null ? "" : ",\"excerpt\":" + excerptJson)}}}],"notifier":{"name":"Victim","contact":{"email":"victim@example.org"},"role":"victim"},"explanation":"My details were posted.","platformReference":"{{reference}}","receivedAt":"{{DateTimeOffset.UtcNow.AddMinutes(-1):O}}"}""";

    private static void Line(string name, List<double> values, string unit) =>
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} median {Median(values),9:F1} {unit}   min-max {values.Min():F1}-{values.Max():F1}   ({values.Count} runs)"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
