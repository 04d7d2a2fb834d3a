using TakedownFn.Benchmarks;
using TakedownFn.Testing;

// Usage: dotnet run -c Release --project tests/TakedownFn.Benchmarks -- [storage|intake|ledger|sla|detection|reports|evidence|all]
//        [--seconds N] [--workers N] [--ledger-leaves N] [--append-leaves N] [--replay-leaves N] [--sla-cases N] [--report-cases N] [--evidence-leaves N] [--statement-cases N] [--quick]
// Each section starts its own Azurite (in memory), so no section's data slows another's, and
// every figure is measured against a floor in the same run.
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = Option("--seconds", 3);
var workers = Option("--workers", 8);
var settings = new Settings(workers, TimeSpan.FromSeconds(seconds), Rounds: 2);
Console.WriteLine($"{workers} concurrent workers, {seconds} s per round, best of 2 rounds per side");

await Section("storage", azurite => StorageBenchmark.RunAsync(azurite, settings));
await Section("intake", azurite => IntakeBenchmark.RunAsync(azurite, settings));
var ledgerLeaves = Option("--ledger-leaves", 100_000);
await Section("ledger", azurite => LedgerBenchmark.RunAsync(azurite, ledgerLeaves, Option("--append-leaves", Math.Min(ledgerLeaves, 100_000)), Option("--replay-leaves", 1_000_000)));
await Section("sla", azurite => SlaBenchmark.RunAsync(azurite, Option("--sla-cases", 10_000)));
await Section("detection", azurite => DetectionBenchmark.RunAsync(azurite, settings));
await Section("reports", azurite => ReportsBenchmark.RunAsync(azurite, Option("--report-cases", 20_000), settings));
// --quick: the evidence section on a small log (minutes instead of the hours Azurite needs to load 1,000,000 cases).
var quick = args.Contains("--quick");
await Section("evidence", azurite => EvidenceBenchmark.RunAsync(azurite, Option("--evidence-leaves", quick ? 20_000 : 1_000_000), Option("--statement-cases", quick ? 5_000 : 1_000_000)));
return 0;

async Task Section(string name, Func<AzuriteServer, Task> run)
{
    if (what != name && what != "all")
    {
        return;
    }

    await using var azurite = await AzuriteServer.StartAsync($"benchmarks-{name}");
    await run(azurite);
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}
